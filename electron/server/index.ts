export { startServer, servePolicy, isLoopback, type ServeOptions, type RunningServer } from './server';
export { MAX_FAILED_ATTEMPTS, FAILED_ATTEMPT_WINDOW_MS } from './guards';
export { CONTENT_SECURITY_POLICY } from './files';
export { MAX_BODY_BYTES } from './routes';
