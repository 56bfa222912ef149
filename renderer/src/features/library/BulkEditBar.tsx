import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EditorialStatus, FormSettings } from '../../../../electron/contract';
import { EDITORIAL_STATUSES } from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { BulkField, bulkChange, NO_BULK_FIELD } from './BulkField';

/** Changes the selected items at once: review status, collections, tags or subjects to add, and any other field of the form. */
export function BulkEditBar({
  ids,
  subjects,
  formSettings,
}: {
  ids: string[];
  subjects: string[];
  formSettings?: FormSettings;
}) {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  const [status, setStatus] = useState<EditorialStatus | ''>('');
  const [collection, setCollection] = useState('');
  const [tag, setTag] = useState('');
  const [subject, setSubject] = useState('');
  const [busy, setBusy] = useState(false);
  const [other, setOther] = useState(NO_BULK_FIELD);
  const extra = bulkChange(other);

  async function apply() {
    setBusy(true);
    try {
      const result = await api.call('items.bulkUpdate', {
        ids,
        ...(status && { set: { editorialStatus: status } }),
        ...(extra.setFields && { setFields: extra.setFields }),
        add: {
          ...extra.add,
          ...(collection.trim() && { collections: [collection.trim()] }),
          ...(tag.trim() && { tags: [tag.trim()] }),
          ...(subject && { subjects: [subject] }),
        },
      });
      showInfo(t('bulk.done', { count: result.updated }));
      setStatus('');
      setCollection('');
      setTag('');
      setSubject('');
      setOther(NO_BULK_FIELD);
    } catch (error) {
      showError(error);
    } finally {
      setBusy(false);
    }
  }

  const nothing = !status && !collection.trim() && !tag.trim() && !subject && !extra.setFields && !extra.add;
  return (
    <section className="bulk-bar" aria-label={t('bulk.label', { count: ids.length })}>
      <strong>{t('bulk.label', { count: ids.length })}</strong>
      <label>
        {t('bulk.status')}
        <select value={status} onChange={(e) => setStatus(e.target.value as EditorialStatus | '')}>
          <option value="">{t('bulk.unchanged')}</option>
          {EDITORIAL_STATUSES.map((s) => (
            <option key={s} value={s}>
              {t(`editorialStatus.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('bulk.collection')}
        <input
          value={collection}
          onChange={(e) => setCollection(e.target.value)}
          placeholder={t('bulk.collectionHint')}
        />
      </label>
      <label>
        {t('bulk.tag')}
        <input value={tag} onChange={(e) => setTag(e.target.value)} />
      </label>
      <label>
        {t('bulk.subject')}
        <select value={subject} onChange={(e) => setSubject(e.target.value)}>
          <option value="">{t('bulk.unchanged')}</option>
          {subjects.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <BulkField state={other} onState={setOther} formSettings={formSettings} />
      <button type="button" className="primary" disabled={busy || nothing} onClick={() => void apply()}>
        {t('bulk.apply')}
      </button>
    </section>
  );
}
