import { useCallback, useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { ItemSummary } from './columns';

const ALL = 100_000;

/** Every item's summary, reloaded whenever the library changes. */
export function useItems(onError: (error: unknown) => void): ItemSummary[] | null {
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const reload = useCallback(() => {
    api.call('items.list', { limit: ALL }).then((r) => setItems(r.items), onError);
  }, [onError]);
  useEffect(() => {
    reload();
    return api.onEvent((event) => {
      if (event.type === 'changed') reload();
    });
  }, [reload]);
  return items;
}
