import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSettings, Item, ItemFieldsInput, ItemPatchInput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { ItemForm } from './ItemForm';
import { HistoryList } from './HistoryList';
import { TranscriptPlayer } from './TranscriptPlayer';
import { ProofPanel } from './ProofPanel';
import { ReviewPanel } from './ReviewPanel';
import type { VocabularyLookup } from './pickers/useLookup';
import { PhotoViewer } from './PhotoViewer';
import { DocumentViewer } from './DocumentViewer';
import type { HitFocus } from '../search/hitFocus';
import { RelatedItems } from './related/RelatedItems';
import { OcrProofreader } from '../ocr/OcrProofreader';
import { hasPages } from '../ocr/ocrLines';

interface Props {
  item: Item | null;
  /** The match to show, when the item was opened from a search. */
  focus?: HitFocus;
  readOnly: boolean;
  lookup: VocabularyLookup;
  formSettings?: FormSettings;
  onSave: (fields: ItemFieldsInput) => Promise<void>;
  /** Saves an edit made in a viewer (people marked on a photo); true when saved. */
  onUpdate: (patch: ItemPatchInput) => Promise<boolean>;
  onDelete?: () => void;
  onDirty: (dirty: boolean) => void;
  onUndone: () => void;
  /** Opens another item (a related one) in the pane. */
  onOpen: (id: string) => void;
  /** The item a followed link came from, to go back to. */
  back?: { id: string; title: string };
  onBack: () => void;
}

/**
 * The right pane: viewers for the item's media, its description form, and its history.
 * The parent keys it by item, so the viewers keep their zoom and page across saves; the form and
 * the review start afresh from each saved version.
 */
export function ItemPanel({
  item,
  focus,
  readOnly,
  lookup,
  formSettings,
  onSave,
  onUpdate,
  onDelete,
  onDirty,
  onUndone,
  onOpen,
  back,
  onBack,
}: Props) {
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
      {item && image && <PhotoViewer item={item} image={image} readOnly={readOnly} onUpdate={onUpdate} />}
      {audio && <TranscriptPlayer src={api.fileUrl(audio.sha256)} lines={lines} startAt={focus?.timecode} />}
      {item?.kind === 'document' && item.text.trim() && <DocumentViewer item={item} focus={focus} />}
      {item && <ReviewPanel key={item.updatedAt} item={item} readOnly={readOnly} onChanged={onUndone} />}
      {item && hasPages(item) && (
        <OcrProofreader item={item} focus={focus} readOnly={readOnly} onChanged={onUndone} />
      )}
      {item && <ProofPanel key={item.id} item={item} readOnly={readOnly} onChanged={onUndone} />}
      {item && (
        <RelatedItems item={item} readOnly={readOnly} onOpen={onOpen} back={back} onBack={onBack} />
      )}
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
          <HistoryList itemId={item.id} readOnly={readOnly} onUndone={onUndone} />
        ) : (
          <ItemForm
            key={item?.updatedAt ?? 'new'}
            item={item}
            readOnly={readOnly}
            onSave={onSave}
            onDelete={onDelete}
            onDirty={onDirty}
            lookup={lookup}
            formSettings={formSettings}
          />
        )}
      </div>
    </div>
  );
}
