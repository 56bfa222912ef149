export {
  startServer,
  servePolicy,
  isLoopback,
  CONTENT_SECURITY_POLICY,
  MAX_FAILED_ATTEMPTS,
  FAILED_ATTEMPT_WINDOW_MS,
  type ServeOptions,
  type RunningServer,
} from './server';
