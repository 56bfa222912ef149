/** The whole library as a BagIt zip, streamed to the browser while it is made (browser mode's backup). */
import { Readable } from 'node:stream';
import type { Hono } from 'hono';
import { HTTP_BACKUP_PATH } from '../contract';
import { disposition, errorCode, type Application, type DoorPolicy } from '../app';
import type { Env } from './routes';
import { refuse } from './guards';

const JOB_ID = /^[A-Za-z0-9_-]{1,64}$/;

export function backupRoute(app: Hono<Env>, service: Application, door: DoorPolicy): void {
  app.get(HTTP_BACKUP_PATH, (c) => {
    // A download is a navigation, which carries the cookie; only our own page may start one
    // (another site, or another port of this computer, could otherwise make the server pack
    // gigabytes on its say).
    const site = c.req.header('sec-fetch-site');
    if (site !== undefined && site !== 'same-origin' && site !== 'none')
      return refuse(c, 403, '403 拒绝来自其他网页的备份请求。');
    if (!door.canWrite) return refuse(c, 403, '403 只读访问不能下载整个资料库的备份。');
    if (c.req.method === 'HEAD')
      return new Response(null, { status: 200, headers: { 'Content-Type': 'application/zip' } });
    const jobId = c.req.query('jobId');
    let download: ReturnType<Application['backupDownload']>;
    try {
      download = service.backupDownload(door, jobId && JOB_ID.test(jobId) ? jobId : undefined);
    } catch (error) {
      if (errorCode(error) === 'read_only') return refuse(c, 403, `403 ${(error as Error).message}`);
      throw error;
    }
    // No Content-Length: the size is known only at the end. The body is the archive's own stream,
    // so the first bytes go out before the last file is read.
    return new Response(Readable.toWeb(download.stream) as ReadableStream<Uint8Array>, {
      status: 200,
      headers: {
        'Content-Type': 'application/zip',
        'Content-Disposition': disposition('attachment', download.fileName),
        'Cache-Control': 'no-store',
      },
    });
  });
}
