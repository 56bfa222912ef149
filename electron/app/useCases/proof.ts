// Use cases of Word proofs (校样): export a volume to .docx; read a proofed copy back as changes
// to review; apply the accepted ones as an ordinary, audited edit of the item's text.
import { readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { WenshiError } from '../../core/errors';
import { writeFileDurably } from '../../core/storage';
import { resolveBook } from '../../core/volumes';
import { AppFailure } from '../errors';
import {
  exportTarget,
  itemOrThrow,
  itemSource,
  safeFileName,
  stamp,
  type AppContext,
  type Handlers,
} from '../context';
import { adHocVolume } from './volumes';

type ProofHandlers = Pick<Handlers, 'volumes.exportDocx' | 'items.proofDiff' | 'items.applyProof'>;

/** Loaded when first needed: the Word writer is not needed by a server that only searches. */
const docx = () => import('../../core/exchange/docx');

/** The uploaded .docx of a browser batch, anywhere in it. */
async function uploadedDocx(dir: string): Promise<string> {
  const names = await readdir(dir, { recursive: true }).catch(() => [] as string[]);
  const found = names.find((name) => /\.docx$/i.test(name));
  if (!found) throw new WenshiError('invalid_argument', 'proof_without_docx');
  return path.join(dir, found);
}

export function proofUseCases(app: AppContext): ProofHandlers {
  const { library, volumes } = app;
  return {
    'volumes.exportDocx': async ({ volumeId, itemIds, title, output }, context) => {
      const volume = volumeId ? volumes.get(volumeId) : adHocVolume(app, itemIds, title);
      const book = resolveBook(volume, itemSource(app));
      // Only an article set from its item's own text can be read back into it: a volume's
      // edited copy (or the 内容提要 standing in for no text) is exported unmarked.
      for (const article of book.sections.flatMap((s) => s.articles))
        if (article.itemId && library.catalog.get(article.itemId)?.text !== article.text)
          delete article.itemId;
      const articles = book.sections.reduce((n, s) => n + s.articles.length, 0);
      if (articles === 0) throw new AppFailure('invalid_argument', 'volume_without_articles');
      const bytes = await (await docx()).writeDocx(book);
      const fileName = `${safeFileName(volume.title)}-校样-${stamp(library.clock())}.docx`;
      const target = exportTarget(app, output, context, fileName);
      await writeFileDurably(target, bytes);
      return { fileName: path.basename(target), path: target, bytes: bytes.length, articles };
    },
    'items.proofDiff': async ({ id, path: given, batchId }, context) => {
      if (given && !context.door.canUseLocalPaths)
        throw new AppFailure('invalid_argument', 'local_paths_forbidden');
      const batch = batchId ? library.path('.incoming', batchId) : undefined;
      try {
        const file = given ? path.resolve(given) : batch ? await uploadedDocx(batch) : undefined;
        if (!file) throw new WenshiError('invalid_argument', 'proof_without_docx');
        const { readProofParagraphs, matchProof, diffProof, applyProofChanges } = await docx();
        const name = path.basename(file);
        const proofed = matchProof(await readProofParagraphs(file, name));
        if (proofed.size === 0) throw new WenshiError('invalid_argument', 'proof_unmarked', { name });
        const articles = [];
        const missing: string[] = [];
        for (const [itemId, lines] of proofed) {
          if (id && itemId !== id) continue;
          const item = library.catalog.get(itemId);
          if (!item) {
            missing.push(itemId);
            continue;
          }
          const changes = diffProof(item.text, lines);
          articles.push({ itemId, title: item.title, text: applyProofChanges(item.text, changes), changes });
        }
        return { articles, missing };
      } finally {
        // The upload was only for reading; it is not kept in the library.
        if (batch) await rm(batch, { recursive: true, force: true });
      }
    },
    'items.applyProof': async ({ id, changes }) => {
      const item = itemOrThrow(app, id);
      const { applyProofChanges } = await docx();
      return library.updateItem(id, { text: applyProofChanges(item.text, changes) });
    },
  };
}
