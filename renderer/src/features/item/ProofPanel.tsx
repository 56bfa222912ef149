import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { ExportDocx } from '../compile/ExportDocx';

type Change = OpOutput<'items.proofDiff'>['articles'][number]['changes'][number];

/**
 * A Word proof of this item read back (修订 accepted): each changed paragraph before and after,
 * each kept or left out; the kept ones are applied as one edit, in 修改记录 and undoable.
 */
export function ProofPanel({
  item,
  readOnly,
  onChanged,
}: {
  item: Item;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [accepted, setAccepted] = useState<Set<number>>(new Set());

  async function read(file: File | undefined) {
    if (!file) return;
    try {
      const diff = await api.readProof(file, item.id);
      const found = diff.articles.find((a) => a.itemId === item.id)?.changes ?? [];
      setChanges(found);
      setAccepted(new Set(found.map((_, i) => i)));
    } catch (error) {
      showError(error);
    }
  }

  async function apply() {
    if (!changes) return;
    try {
      await api.call('items.applyProof', { id: item.id, changes: changes.filter((_, i) => accepted.has(i)) });
      setChanges(null);
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  const toggle = (index: number) =>
    setAccepted((now) => {
      const next = new Set(now);
      if (!next.delete(index)) next.add(index);
      return next;
    });

  if (readOnly || !item.text.trim()) return null;
  return (
    <section className="proof-panel" aria-label={t('proof.read')}>
      <ExportDocx target={{ itemIds: [item.id], title: item.title }} />
      <label className="button secondary small">
        {t('proof.read')}
        <input
          type="file"
          accept=".docx"
          hidden
          onChange={(e) => {
            void read(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
      </label>
      {changes?.length === 0 && <p className="field-note">{t('proof.none')}</p>}
      {changes && changes.length > 0 && (
        <>
          <ol className="proof-changes">
            {changes.map((change, index) => (
              <li key={change.paragraph}>
                <label>
                  <input type="checkbox" checked={accepted.has(index)} onChange={() => toggle(index)} />
                  {t('proof.paragraph', { n: change.paragraph + 1 })}
                </label>
                <del>{change.before}</del>
                <ins>{change.after || t('proof.deleted')}</ins>
              </li>
            ))}
          </ol>
          <button
            type="button"
            className="primary small"
            disabled={accepted.size === 0}
            onClick={() => void apply()}
          >
            {t('proof.apply', { count: accepted.size })}
          </button>
        </>
      )}
    </section>
  );
}
