// Edits a library in a loop for the crash test: edit i sets item (i mod n)'s abstract to
// `edit i`, and "ack i" is printed only once the edit has resolved (catalog and audit log durable).
// It resumes after the last edit the library holds, so no edit is done twice.
import { writeSync } from 'node:fs';
import { Library } from '../../electron/core/library';

const [root, endArg] = process.argv.slice(2) as [string, string];
const library = await Library.open(root, { actor: 'crash-test' });
if (library.readOnly) {
  process.stderr.write('library is read-only: the lock was not recovered\n');
  process.exit(2);
}
const items = library.catalog.all().sort((a, b) => a.id.localeCompare(b.id));
const done = items.map((item) => Number(/^edit (\d+)$/.exec(item.abstract)?.[1] ?? -1));
writeSync(1, 'ready\n');
for (let i = Math.max(...done) + 1; i < Number(endArg); i++) {
  await library.updateItem(items[i % items.length]!.id, { abstract: `edit ${i}` });
  // A synchronous write: the parent sees the acknowledgement before the next edit begins.
  writeSync(1, `ack ${i}\n`);
}
await library.close();
