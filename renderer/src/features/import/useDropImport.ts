import { useState, type ChangeEvent, type DragEvent } from 'react';
import { useMessages } from '../../messages/useMessages';
import { collectChosen, collectDropped } from './collectDropped';
import type { ImportSource } from './useImportJob';
import { isRegisterFile, type RegisterSource } from '../tools/useRegister';

/**
 * Importing from outside: files or folders dropped on the window (with the drop overlay while
 * dragging), files chosen with the picker, or paths from the desktop menu. A read-only library
 * takes nothing; the import then runs in ImportPanel with progress and cancel. A register
 * spreadsheet (.csv, .xlsx) goes to `onRegister`, to be previewed in the library tools, the other
 * files given with it (a folder holding its register) to the import.
 */
export function useDropImport(readOnly: boolean, onRegister?: (source: RegisterSource) => void) {
  const { showError } = useMessages();
  const [dropping, setDropping] = useState(false);
  const [importing, setImporting] = useState<ImportSource | null>(null);
  const [fileInput, setFileInput] = useState<HTMLInputElement | null>(null);

  function start(source: ImportSource) {
    const count = 'files' in source ? source.files.length : source.paths.length;
    if (count === 0 || readOnly) return;
    // One register spreadsheet is a list of items to preview, not a file to keep.
    const only = 'files' in source ? source.files[0]! : null;
    if (onRegister && only && count === 1 && isRegisterFile(only.relativePath))
      onRegister({ file: only.file });
    else if (onRegister && 'paths' in source && count === 1 && isRegisterFile(source.paths[0]!))
      onRegister({ path: source.paths[0]! });
    else if (onRegister && 'files' in source && source.files.some((f) => isRegisterFile(f.relativePath))) {
      // A folder that brings its register: the files are imported, the register is previewed
      // (the first one; the import would only skip it as a file type it does not keep).
      const register = source.files.find((f) => isRegisterFile(f.relativePath))!;
      const rest = source.files.filter((f) => !isRegisterFile(f.relativePath));
      onRegister({ file: register.file });
      if (rest.length > 0) setImporting({ files: rest });
    } else setImporting(source);
  }

  /** For the element that takes drops: the whole window. */
  const dropTarget = {
    onDragOver(e: DragEvent) {
      if (readOnly || !e.dataTransfer.types.includes('Files')) return;
      e.preventDefault();
      setDropping(true);
    },
    onDragLeave(e: DragEvent) {
      if (e.relatedTarget === null) setDropping(false);
    },
    onDrop(e: DragEvent) {
      e.preventDefault();
      setDropping(false);
      if (!readOnly) void collectDropped(e.dataTransfer).then((files) => start({ files }), showError);
    },
  };

  /** For the file picker's input. */
  function onChosen(e: ChangeEvent<HTMLInputElement>) {
    if (e.target.files) start({ files: collectChosen(e.target.files) });
    e.target.value = '';
  }

  return {
    dropping,
    importing,
    start,
    dropTarget,
    /** The file picker's input, as its ref. */
    setFileInput,
    onChosen,
    /** Opens the file picker (Ctrl+I). */
    choose: () => fileInput?.click(),
    close: () => setImporting(null),
  };
}

export type DropImport = ReturnType<typeof useDropImport>;
