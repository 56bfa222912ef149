import { useEffect, useMemo, useState } from 'react';
import { api } from '../../api/client';
import { coalesce } from '../../api/coalesce';
import { useMessages } from '../../messages/useMessages';
import type { ItemSummary } from './columns';

const ALL = 100_000;

/** Every item's summary, reloaded whenever the library changes (once at a time, however often). */
export function useItems(): ItemSummary[] | null {
  const { showError } = useMessages();
  const [items, setItems] = useState<ItemSummary[] | null>(null);
  const reload = useMemo(
    () => coalesce(() => api.call('items.list', { limit: ALL }).then((r) => setItems(r.items), showError)),
    [showError],
  );
  useEffect(() => {
    reload();
    return api.onEvent((event) => {
      if (event.type === 'changed') reload();
    });
  }, [reload]);
  return items;
}
