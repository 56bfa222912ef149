// Creates items in a library through a disk that stops still right after the first catalog shard
// takes its new content, and says so: the test kills this process there, between the catalog
// write and the audit entry of the same change.
import path from 'node:path';
import { Library } from '../../electron/core/library';
import { nodeStorageFs, type StorageFs } from '../../electron/core/storage';

const [root, count] = process.argv.slice(2) as [string, string];
let stopped = false;
const fs: StorageFs = {
  ...nodeStorageFs,
  async rename(from, to) {
    await nodeStorageFs.rename(from, to);
    if (!stopped && /^items-[0-9a-f]{2}\.json$/.test(path.basename(to))) {
      stopped = true;
      process.stdout.write('shard written\n');
      await new Promise(() => undefined);
    }
  },
};
const library = await Library.open(root, { storageFs: fs });
await library.createItems(Array.from({ length: Number(count) }, (_, i) => ({ kind: 'oral' as const, title: `条目 ${i}` })));
