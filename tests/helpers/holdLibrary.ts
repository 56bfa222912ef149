// Opens a library in this process, reports whether it got the write lock, and holds it until stdin closes.
import { Library } from '../../electron/core/library';

const library = await Library.open(process.argv[2]!);
process.stdout.write(`${library.readOnly ? 'read-only' : 'writable'} ${process.pid}\n`);
process.stdin.resume();
process.stdin.on('end', () => void library.close().then(() => process.exit(0)));
