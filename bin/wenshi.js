#!/usr/bin/env node
// Runs the CLI from its TypeScript source, so `npx wenshi` works right after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
await main(process.argv.slice(2));
