#!/usr/bin/env -S MALLOC_TRIM_THRESHOLD_=131072 node --max-semi-space-size=4
// Runs the CLI from its TypeScript source, so `npx wenshi` works right after `npm install`.
//
// The shebang keeps `wenshi serve` small on a big library (bench:memory): building the search
// index frees a few hundred MB, which glibc would otherwise keep (its trim threshold grows with
// the largest blocks freed), and a server that waits for requests needs no 16 MB young
// generation. npm's shims on Windows read the same line; other systems ignore the glibc variable.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../electron/cli/main.ts');
await main(process.argv.slice(2));
