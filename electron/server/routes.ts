/**
 * The contract over HTTP: `POST /api/<op>` with a JSON body `{ args, meta }`, the change-event
 * stream at `GET /api/events`, and browser uploads at `PUT /uploads/<batch>/<relative path>`.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { HTTP_API_PREFIX, HTTP_UPLOADS_PREFIX, type ApiEvent } from '../contract';
import type { Application, DoorPolicy } from '../app';
import { refuse } from './guards';
import { receiveUpload, UploadTooLarge } from './uploads';

export type Env = { Bindings: HttpBindings };

/** A call's body is small: arguments, a job id and the person's name. Files come through uploads. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;

const CallBody = z.object({
  args: z.unknown().optional(),
  // Checked by the application against the contract's CallMetaSchema, as for every door.
  meta: z.unknown().optional(),
});

const invalid = (c: Context, status: 400 | 413 | 415, message: string) =>
  c.json({ ok: false, error: { code: 'invalid_argument', message } }, status);

/** The event stream's open responses, to write each change to and to end when the server stops. */
export class EventStreams {
  private readonly open = new Set<ReadableStreamDefaultController<Uint8Array>>();
  private readonly encoder = new TextEncoder();

  response(): Response {
    let mine: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start: (controller) => {
        mine = controller;
        this.open.add(controller);
        controller.enqueue(this.encoder.encode(': connected\n\n'));
      },
      // The page went away.
      cancel: () => void this.open.delete(mine),
    });
    return new Response(body, { status: 200, headers: EVENT_HEADERS });
  }

  send(event: ApiEvent): void {
    const chunk = this.encoder.encode(`data: ${JSON.stringify(event)}\n\n`);
    for (const controller of this.open) {
      try {
        controller.enqueue(chunk);
      } catch {
        this.open.delete(controller);
      }
    }
  }

  closeAll(): void {
    for (const controller of this.open) {
      try {
        controller.close();
      } catch {
        // already closed
      }
    }
    this.open.clear();
  }
}

const EVENT_HEADERS = { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store' };

export function apiRoutes(
  app: Hono<Env>,
  service: Application,
  door: DoorPolicy,
  events: EventStreams,
): void {
  app.get(`${HTTP_API_PREFIX}events`, (c) =>
    c.req.method === 'HEAD' ? new Response(null, { headers: EVENT_HEADERS }) : events.response(),
  );

  app.post(
    `${HTTP_API_PREFIX}:op`,
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => invalid(c, 413, '请求太大') }),
    async (c) => {
      // A JSON type cannot be sent by a plain form or a no-cors fetch without a preflight.
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/json\s*(;|$)/i.test(type)) return invalid(c, 415, '请求须为 JSON');
      let parsed: z.infer<typeof CallBody>;
      try {
        const result = CallBody.safeParse(await c.req.json());
        if (!result.success) return invalid(c, 400, '请求格式有误');
        parsed = result.data;
      } catch {
        return invalid(c, 400, '请求格式有误');
      }
      const result = await service.dispatch(c.req.param('op'), parsed.args, parsed.meta ?? {}, door);
      return c.json(result, 200);
    },
  );

  app.all(`${HTTP_API_PREFIX}*`, (c) => refuse(c, 405, '405 不支持此请求方法'));

  app.put(`${HTTP_UPLOADS_PREFIX}*`, async (c) => {
    if (!door.canWrite) return refuse(c, 403, '403 当前为只读访问，不能上传文件。');
    // Our own header: proof that the app's page sent it (a page elsewhere would need a preflight).
    if (c.req.header('x-wenshi') !== '1') return refuse(c, 403, '403 拒绝来自其他网页的上传。');
    const [batchId = '', ...rest] = c.req.path.slice(HTTP_UPLOADS_PREFIX.length).split('/');
    const relative = rest.map((segment) => decodeURIComponent(segment)).join('/');
    const target = await service.uploadTarget(batchId, relative);
    if (!target) return refuse(c, 400, '400 上传路径无效');
    try {
      const declared = Number(c.req.header('content-length') ?? 0);
      const size = await receiveUpload(c.req.raw.body, declared, target, await service.uploadLimit());
      return c.json({ size }, 200);
    } catch (error) {
      if (error instanceof UploadTooLarge)
        return refuse(
          c,
          413,
          `413 上传失败：文件太大，资料库所在磁盘最多还能接收 ${(error.limit / 1024 ** 3).toFixed(1)} GB`,
        );
      return refuse(c, 400, '400 上传失败：连接中断');
    }
  });

  app.all(`${HTTP_UPLOADS_PREFIX}*`, (c) => refuse(c, 405, '405 不支持此请求方法'));
}
