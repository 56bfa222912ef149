// Answers wenshi:// requests from the library, free of Electron imports so tests can try to break it.
import { Readable } from 'node:stream';
import type { Application, Resource, ResourceRequest } from '../app';
import { parseExportUrl, parseLibraryFileUrl } from './windowOptions';

/** What a `wenshi://` URL asks for, as the application layer's opaque request, or null. */
export function libraryRequestFor(url: string): ResourceRequest | null {
  const exported = parseExportUrl(url);
  if (exported) return { kind: 'export', name: exported };
  const wanted = parseLibraryFileUrl(url);
  return wanted ? { kind: wanted.size, sha256: wanted.sha256 } : null;
}

/**
 * The file a `wenshi://` request may read, or null, resolved by the same rule as the browser door
 * (`resolveResource`):
 * - `wenshi://files/<sha256>[?size=thumb|preview]`: only a content hash the catalog knows;
 * - `wenshi://exports/<name>.pdf`: a compiled volume in exports/, shown in the preview frame.
 * No `..`, no absolute path, no symbolic link below the library folder reaches the renderer.
 */
export async function resolveLibraryRequest(
  url: string,
  library: Pick<Application, 'resource'>,
): Promise<Resource | null> {
  const request = libraryRequestFor(url);
  return request ? library.resource(request, { inline: true }) : null;
}

/** The protocol handler's answer: the file streamed with the headers both doors send, or 404. */
export async function libraryResponse(
  url: string,
  library: Pick<Application, 'resource'>,
  method = 'GET',
): Promise<Response> {
  const resource = await resolveLibraryRequest(url, library);
  if (!resource) return new Response('Not found', { status: 404 });
  if (method === 'HEAD') {
    await resource.close();
    return new Response(null, { headers: resource.headers });
  }
  return new Response(Readable.toWeb(resource.stream()) as ReadableStream<Uint8Array>, {
    headers: resource.headers,
  });
}
