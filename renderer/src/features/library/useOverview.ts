import { useEffect, useMemo, useState } from 'react';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { coalesce } from '../../api/coalesce';
import { useMessages } from '../../messages/useMessages';

export type Overview = OpOutput<'items.overview'>;

/** The sidebar's counts and collections, asked again after changes (once at a time). */
export function useOverview(createdSince: string): Overview | null {
  const { showError } = useMessages();
  const [overview, setOverview] = useState<Overview | null>(null);
  const reload = useMemo(
    () => coalesce(() => api.call('items.overview', { createdSince }).then(setOverview, showError)),
    [createdSince, showError],
  );
  useEffect(() => {
    reload();
    return api.onEvent((event) => {
      if (event.type === 'changed') reload();
    });
  }, [reload]);
  return overview;
}
