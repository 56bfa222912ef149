import { useCallback, useEffect, useRef, useState } from 'react';
import type { ItemKind } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

/** An item offered as an article: what the picker shows of it and what adding it needs. */
export interface ArticleHit {
  id: string;
  identifier: string;
  title: string;
  kind: ItemKind;
}

interface Found {
  query: string;
  hits: ArticleHit[];
  total: number;
}

/** Hits a page; "more" asks for the next one. */
export const ARTICLE_PAGE = 20;
/** Typing pauses this long before the search runs, as in the search box. */
const TYPING_PAUSE = 200;

/**
 * A page of items for what is typed: the app's own search (simplified and traditional alike, titles,
 * 档号 and text), or with nothing typed the newest items; only the answer to the latest question is
 * kept. The library is never listed whole, however large it is.
 */
async function findPage(query: string, offset: number): Promise<Omit<Found, 'query'>> {
  if (query) {
    const found = await api.call('search.query', { query, limit: ARTICLE_PAGE, offset });
    return {
      total: found.total,
      hits: found.hits.map(({ id, identifier, title, kind }) => ({ id, identifier, title, kind })),
    };
  }
  const listed = await api.call('items.list', { limit: ARTICLE_PAGE, offset });
  return {
    total: listed.total,
    hits: listed.items.map(({ id, identifier, title, kind }) => ({ id, identifier, title, kind })),
  };
}

/** The items found for `query` while `enabled` (the picker is open), a page at a time. */
export function useArticleSearch(query: string, enabled: boolean) {
  const { showError } = useMessages();
  const [found, setFound] = useState<Found | null>(null);
  const latest = useRef(0);
  const wanted = query.trim();

  useEffect(() => {
    if (!enabled) return;
    const request = ++latest.current;
    const timer = setTimeout(
      () =>
        findPage(wanted, 0).then(
          (page) => request === latest.current && setFound({ query: wanted, ...page }),
          (error: unknown) => request === latest.current && showError(error),
        ),
      wanted ? TYPING_PAUSE : 0,
    );
    return () => clearTimeout(timer);
  }, [wanted, enabled, showError]);

  const more = useCallback(() => {
    if (!found) return;
    const request = ++latest.current;
    findPage(found.query, found.hits.length).then(
      (page) =>
        request === latest.current &&
        setFound((f) => f && { ...f, total: page.total, hits: [...f.hits, ...page.hits] }),
      showError,
    );
  }, [found, showError]);

  // Until the answer for what is typed now arrives, the previous one stays on screen (no flicker).
  return { hits: found?.hits ?? [], total: found?.total ?? 0, answered: found?.query ?? null, more };
}
