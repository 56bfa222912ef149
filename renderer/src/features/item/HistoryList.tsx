import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput, Person, Region } from '../../../../electron/contract';
import { dateText } from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { leftToRight } from './photoRegions';

type Entry = OpOutput<'items.history'>[number];

const DATE_FIELDS = new Set(['eventDate', 'createdDate']);

/** A logged value as people read it: dates in Chinese, people with their roles, marked people left to right, long text cut short. */
function useShown(): (field: string, value: unknown) => string {
  const { t } = useTranslation();
  return (field, value) => {
    if (value === undefined || value === null || value === '') return '—';
    // Older entries logged a date as EDTF alone, newer ones as the wording beside it.
    if (DATE_FIELDS.has(field)) return dateText(value as string) || '—';
    if (field === 'people' && Array.isArray(value))
      return (
        (value as Person[])
          .map((p) => (p.role ? `${p.name}（${t(`role.${p.role}`, { defaultValue: p.role })}）` : p.name))
          .join('、') || '—'
      );
    if (field === 'photo' && typeof value === 'object') {
      // What a person edits of a photo: its caption and the people marked on it.
      const photo = value as { caption?: string; regions?: Region[] };
      const names = leftToRight(photo.regions ?? [])
        .map((r) => r.name)
        .join(t('viewer.nameSeparator'));
      return [photo.caption, names && t('viewer.leftToRight', { names })].filter(Boolean).join(' ') || '—';
    }
    // 乱码 flags by their runs, decisions by run and what was decided (已核实 / 忽略).
    if (field === 'mojibake' && Array.isArray(value))
      return (value as { text: string }[]).map((r) => `「${r.text}」`).join('、') || '—';
    if (field === 'mojibakeDecisions' && Array.isArray(value))
      return (
        (value as { text: string; decision: string }[])
          .map((d) => `「${d.text}」${t(`review.garbled.${d.decision}`)}`)
          .join('、') || '—'
      );
    if (Array.isArray(value))
      return value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join('、') || '—';
    if (typeof value === 'object') return groupShown(field, value as Record<string, unknown>);
    const text = String(value);
    return text.length > 60 ? `${text.slice(0, 60)}…` : text;
  };

  /** A group of fields (来源, 授权, 口述信息 …): the filled ones by name, as the form names them. */
  function groupShown(field: string, group: Record<string, unknown>): string {
    const parts = Object.entries(group)
      .filter(([, v]) => v !== '' && v !== false && v !== undefined && !(Array.isArray(v) && v.length === 0))
      .map(([key, v]) => {
        const name = t(`form.field.${field}.${key}`, { defaultValue: key });
        const shown = typeof v === 'object' ? JSON.stringify(v) : v === true ? '✓' : String(v);
        return `${name}：${shown.length > 40 ? `${shown.slice(0, 40)}…` : shown}`;
      });
    return parts.join('；') || '—';
  }
}

/** The item's audit log, newest first, each change with an undo button. */
export function HistoryList({
  itemId,
  readOnly,
  onUndone,
}: {
  itemId: string;
  readOnly: boolean;
  onUndone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { showError } = useMessages();
  const [entries, setEntries] = useState<Entry[] | null>(null);
  const shown = useShown();
  const fieldName = (field: string) =>
    t(`history.field.${field}`, { defaultValue: t(`form.part.${field}`, { defaultValue: field }) });
  const load = useCallback(() => {
    api.call('items.history', { id: itemId }).then((e) => setEntries([...e].reverse()), showError);
  }, [itemId, showError]);
  useEffect(() => {
    load();
    return api.onEvent((event) => {
      if (event.type === 'changed' && event.ids.includes(itemId)) load();
    });
  }, [load, itemId]);

  /** Undoes the whole change, or only one field of it. */
  async function undo(entry: Entry, field?: string) {
    try {
      await api.call('items.undo', { entryId: entry.id, ...(field && { field }) });
      onUndone();
    } catch (error) {
      showError(error);
    }
  }

  if (!entries) return null;
  if (entries.length === 0) return <p className="empty">{t('history.empty')}</p>;
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <ol className="history" aria-label={t('history.title')}>
      {entries.map((entry) => (
        <li key={entry.id}>
          <div className="history-head">
            <strong>{t(`history.action.${entry.action}`)}</strong>
            <span>{entry.actor}</span>
            <time dateTime={entry.at}>{time.format(new Date(entry.at))}</time>
            {entry.undoOf && (
              <span className="tag">
                {entry.undoField
                  ? t('form.history.isFieldUndo', { field: fieldName(entry.undoField) })
                  : t('history.isUndo')}
              </span>
            )}
            {!readOnly && (
              <button type="button" className="secondary small" onClick={() => void undo(entry)}>
                {t('history.undo')}
              </button>
            )}
          </div>
          {entry.action === 'update' && (
            <ul className="history-changes">
              {entry.changes.map((change) => (
                <li key={change.field}>
                  {fieldName(change.field)}：<del>{shown(change.field, change.old)}</del> →{' '}
                  <ins>{shown(change.field, change.new)}</ins>
                  {!readOnly && entry.changes.length > 1 && (
                    <button
                      type="button"
                      className="secondary small"
                      aria-label={t('form.history.undoFieldOf', { field: fieldName(change.field) })}
                      onClick={() => void undo(entry, change.field)}
                    >
                      {t('form.history.undoField')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
