import { useEffect, useState } from 'react';
import type { Item, ItemKind } from '../../../../../electron/contract';
import { api } from '../../../api/client';

/** What the pane shows of a linked item; null when it is gone (a link the library has not caught up with). */
export interface RelatedSummary {
  id: string;
  title: string;
  kind: ItemKind;
  identifier: string;
  /** Content hash of its first image, for a thumbnail. */
  cover?: string;
}

function summaryOf(item: Item): RelatedSummary {
  const { id, title, kind, identifier } = item;
  return { id, title, kind, identifier, cover: item.files.find((f) => f.mime.startsWith('image/'))?.sha256 };
}

/**
 * The linked items' titles, kinds and thumbnails, read as the links change. A summary already
 * read is kept, so adding one link does not reload the others.
 */
export function useRelatedSummaries(ids: readonly string[]): Map<string, RelatedSummary | null> {
  const [known, setKnown] = useState(() => new Map<string, RelatedSummary | null>());
  const key = ids.join(' ');
  useEffect(() => {
    let current = true;
    const wanted = key ? key.split(' ') : [];
    const missing = wanted.filter((id) => !known.has(id));
    if (missing.length === 0) return;
    void Promise.all(
      missing.map((id) =>
        api.call('items.get', { id }).then(
          (item) => [id, summaryOf(item)] as const,
          () => [id, null] as const,
        ),
      ),
    ).then((found) => {
      if (current) setKnown((before) => new Map([...before, ...found]));
    });
    return () => {
      current = false;
    };
  }, [key, known]);
  return known;
}
