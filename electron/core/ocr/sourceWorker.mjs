// Starts the OCR worker from its TypeScript source, as the CLI, the server and the tests run it:
// a worker thread does not inherit the parent's tsx loader, so it registers its own.
import { register } from 'tsx/esm/api';

register();
await import('./ocrWorker.ts');
