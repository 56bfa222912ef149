// Imports a folder (`folder <library> <dir>`) or a register (`register <library> <file>`) for the
// crash tests, printing "ack <id>" for each item once it is acknowledged: the catalog tells its
// listeners only after a change has committed (catalog and audit log durable).
import { writeSync } from 'node:fs';
import { Library } from '../../electron/core/library';
import { addPaths } from '../../electron/core/ingest';
import { importRegister } from '../../electron/core/exchange';

const [mode, root, source] = process.argv.slice(2) as ['folder' | 'register', string, string];
const library = await Library.open(root, { actor: 'crash-test' });
if (library.readOnly) {
  process.stderr.write('library is read-only: the lock was not recovered\n');
  process.exit(2);
}
library.catalog.onChange((change) => {
  // A synchronous write: the parent has the acknowledgement before the import goes on.
  if (change.type === 'put' && !change.previous) writeSync(1, `ack ${change.item.id}\n`);
});
writeSync(1, 'ready\n');
if (mode === 'folder') await addPaths(library, [source]);
else await importRegister(library, source, { groupSize: 50 });
await library.close();
