import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, ItemFieldsInput } from '../../../../electron/api/contract';
import { api } from '../../api/client';
import { ItemForm } from './ItemForm';
import { HistoryList } from './HistoryList';
import { TranscriptPlayer } from './TranscriptPlayer';
import { ReviewPanel } from './ReviewPanel';
import type { VocabularyLookup } from './pickers/useLookup';

interface Props {
  item: Item | null;
  readOnly: boolean;
  lookup: VocabularyLookup;
  onSave: (fields: ItemFieldsInput) => Promise<void>;
  onDelete?: () => void;
  onDirty: (dirty: boolean) => void;
  onUndone: () => void;
  onError: (error: unknown) => void;
}

/** The right pane: viewers for the item's media, its description form, and its history. */
export function ItemPanel({ item, readOnly, lookup, onSave, onDelete, onDirty, onUndone, onError }: Props) {
  const { t } = useTranslation();
  const [tab, setTab] = useState<'form' | 'history'>('form');
  const audio = item?.files.find((f) => f.mime.startsWith('audio/'));
  const image = item?.files.find((f) => f.mime.startsWith('image/'));
  const lines = (item?.oral?.segments ?? []).map((s) => ({
    start: s.start,
    end: s.end,
    text: s.text ?? s.title,
  }));
  return (
    <div className="item-panel">
      {image && (
        <figure className="photo-view">
          <img src={api.fileUrl(image.sha256, 'preview')} alt={item?.photo?.caption || item?.title} />
          {item?.photo?.caption && <figcaption>{item.photo.caption}</figcaption>}
        </figure>
      )}
      {audio && <TranscriptPlayer src={api.fileUrl(audio.sha256)} lines={lines} />}
      {item && <ReviewPanel item={item} readOnly={readOnly} onChanged={onUndone} onError={onError} />}
      {item && (
        <div className="tabs" role="tablist" aria-label={t('item.tabs')}>
          <button
            type="button"
            role="tab"
            id="tab-form"
            aria-selected={tab === 'form'}
            aria-controls="panel-form"
            onClick={() => setTab('form')}
          >
            {t('item.editTitle')}
          </button>
          <button
            type="button"
            role="tab"
            id="tab-history"
            aria-selected={tab === 'history'}
            aria-controls="panel-history"
            onClick={() => setTab('history')}
          >
            {t('history.title')}
          </button>
        </div>
      )}
      <div
        role={item ? 'tabpanel' : undefined}
        id={`panel-${tab}`}
        aria-labelledby={item ? `tab-${tab}` : undefined}
      >
        {tab === 'history' && item ? (
          <HistoryList itemId={item.id} readOnly={readOnly} onError={onError} onUndone={onUndone} />
        ) : (
          <ItemForm
            item={item}
            readOnly={readOnly}
            onSave={onSave}
            onDelete={onDelete}
            onDirty={onDirty}
            lookup={lookup}
          />
        )}
      </div>
    </div>
  );
}
