import { useMemo, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../../electron/contract';
import { api } from '../../../api/client';
import { useMessages } from '../../../messages/useMessages';
import { RELATED_INPUT_ID, RelatedPicker } from './RelatedPicker';
import { useRelatedSummaries, type RelatedSummary } from './useRelatedItems';
import './related.css';

const LIST_ID = 'related-items';
const NONE: Item['related'] = [];

/** Ctrl+J: to the first linked item, or else to the box that links one. */
export function focusRelatedItems(): void {
  const target =
    document.querySelector<HTMLElement>(`#${LIST_ID} .related-open`) ?? document.getElementById(RELATED_INPUT_ID);
  target?.scrollIntoView?.({ block: 'nearest' });
  target?.focus();
}

/** ↓ ↑ move between the linked items (Enter, a button's own key, opens one). */
function moveFocus(event: KeyboardEvent<HTMLUListElement>) {
  if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
  const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('.related-open')];
  const at = buttons.indexOf(document.activeElement as HTMLElement);
  if (at < 0) return;
  event.preventDefault();
  const next = at + (event.key === 'ArrowDown' ? 1 : -1);
  buttons[Math.max(0, Math.min(buttons.length - 1, next))]?.focus();
}

function LinkLabel({ summary, role }: { summary: RelatedSummary | undefined; role: string }) {
  const { t } = useTranslation();
  return (
    <>
      {summary?.kind === 'photo' && summary.cover ? (
        <img className="related-thumb" src={api.fileUrl(summary.cover, 'thumb')} alt="" />
      ) : (
        <span className="related-thumb" aria-hidden="true" />
      )}
      <span className="related-text">
        <span className="related-title">{summary?.title ?? '…'}</span>
        <span className="related-meta">
          <span className="related-kind">{summary ? t(`kind.${summary.kind}`) : ''}</span>
          {role && <span className="related-role">{t(`related.roles.${role}`, { defaultValue: role })}</span>}
          {summary?.identifier && <span className="identifier">{summary.identifier}</span>}
        </span>
      </span>
    </>
  );
}

/**
 * 相关条目: the items linked to this one (both ways: the library links the other end too), each
 * opened by a click or Enter; a search box links another, a button takes a link away.
 */
export function RelatedItems({
  item,
  readOnly,
  onOpen,
  back,
  onBack,
}: {
  item: Item;
  readOnly: boolean;
  onOpen: (id: string) => void;
  /** The item a followed link came from. */
  back?: { id: string; title: string };
  onBack: () => void;
}) {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  // Links changed here, until the item itself is shown again (saved, reloaded): the form's item is
  // left as it is, so linking never throws away typing in the form.
  const [changed, setChanged] = useState<{ version: string; list: Item['related'] } | null>(null);
  const related = changed?.version === item.updatedAt ? changed.list : (item.related ?? NONE);
  const summaries = useRelatedSummaries(related.map((r) => r.id));
  const exclude = useMemo(() => new Set([item.id, ...related.map((r) => r.id)]), [item.id, related]);

  async function relate(other: string, title: string, role: string, unlink: boolean) {
    try {
      const updated = await api.call('items.relate', { id: item.id, other, unlink, ...(role && { role }) });
      setChanged({ version: item.updatedAt, list: updated.related });
      showInfo(t(unlink ? 'related.unlinked' : 'related.linked', { title }));
    } catch (error) {
      showError(error);
    }
  }

  return (
    <section className="related-items" aria-labelledby="related-heading">
      {back && (
        <button type="button" className="secondary related-back" onClick={onBack}>
          {t('related.back', { title: back.title })}
        </button>
      )}
      <h3 id="related-heading">
        {t('related.heading')}
        {related.length > 0 && <span className="count">{t('related.count', { count: related.length })}</span>}
      </h3>
      {related.length === 0 ? (
        <p className="field-note">{t('related.none')}</p>
      ) : (
        <ul id={LIST_ID} aria-label={t('related.list')} onKeyDown={moveFocus}>
          {related.map((link) => {
            const summary = summaries.get(link.id);
            const title = summary?.title ?? link.id;
            return (
              <li key={link.id}>
                {summary === null ? (
                  <span className="related-missing">{t('related.missing', { id: link.id })}</span>
                ) : (
                  <button type="button" className="related-open" onClick={() => onOpen(link.id)}>
                    <LinkLabel summary={summary} role={link.role} />
                  </button>
                )}
                {!readOnly && (
                  <button
                    type="button"
                    className="secondary"
                    aria-label={t('related.removeNamed', { title })}
                    onClick={() => void relate(link.id, title, '', true)}
                  >
                    {t('related.remove')}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {!readOnly && (
        <RelatedPicker exclude={exclude} onLink={(hit, role) => relate(hit.id, hit.title, role, false)} />
      )}
      <p className="field-note">{t('related.hint')}</p>
    </section>
  );
}
