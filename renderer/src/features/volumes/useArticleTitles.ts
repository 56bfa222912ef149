import { useCallback, useEffect, useState } from 'react';
import type { Volume } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

/**
 * The titles of the volume's own articles, fetched by id (never the whole library), and of the
 * items added since, remembered as they are picked.
 */
export function useArticleTitles(volume: Volume) {
  const { showError } = useMessages();
  const [titles, setTitles] = useState<ReadonlyMap<string, string>>(new Map());

  useEffect(() => {
    const ids = volume.sections.flatMap((s) => s.articles.map((a) => a.itemId));
    if (ids.length === 0) return;
    let current = true;
    api.call('items.summaries', { ids }).then((items) => {
      if (current) setTitles((known) => new Map([...known, ...items.map((i) => [i.id, i.title] as const)]));
    }, showError);
    return () => {
      current = false;
    };
  }, [volume, showError]);

  const remember = useCallback(
    (id: string, title: string) => setTitles((known) => new Map(known).set(id, title)),
    [],
  );
  /** An item no longer in the library is named by its id. */
  const titleOf = useCallback((id: string) => titles.get(id) ?? id, [titles]);
  return { titleOf, remember };
}

export type ArticleTitles = ReturnType<typeof useArticleTitles>;
