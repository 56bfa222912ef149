import { useCallback, useEffect, useState } from 'react';
import type { ItemKind, OpOutput } from '../../../../electron/api/contract';
import { api } from '../../api/client';

export type ItemSummary = OpOutput<'items.list'>['items'][number];

/** The items of one kind (or all), reloaded whenever the library changes. */
export function useItems(kind: ItemKind | undefined, onError: (error: unknown) => void) {
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const reload = useCallback(() => {
    api.call('items.list', { kind, limit: 10000 }).then((r) => setItems(r.items), onError);
  }, [kind, onError]);
  useEffect(() => {
    reload();
    return api.onEvent((event) => {
      if (event.type === 'changed') reload();
    });
  }, [reload]);
  return items;
}
