export { startServer, type ServeOptions, type RunningServer } from './server';
