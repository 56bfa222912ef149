import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, OpOutput } from '../../../../electron/contract';
import { OCR_SUGGESTION_FIELD, openGarbled, unreadableDates } from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { fieldLabel } from './fields/fieldNames';
import { GarbledReview } from './GarbledReview';
import { DuplicateReview } from './DuplicateReview';
import { OfferTypesetButton, TypesetDiff, TypesetLabel, typesetValue } from './TypesetReview';

type Diff = OpOutput<'items.cleanupDiff'>;
const CONTEXT = 12;

/** The raw text with what cleanup removed struck through, a few characters around each change. */
function DiffView({ diff }: { diff: Diff }) {
  const { t } = useTranslation();
  if (!diff.matchesCleanup) return <p className="field-note">{t('review.textEdited')}</p>;
  return (
    <ol className="cleanup-diff">
      {diff.edits.slice(0, 200).map((edit) => (
        <li key={edit.start}>
          {diff.raw.slice(Math.max(0, edit.start - CONTEXT), edit.start)}
          <del>{edit.removed}</del>
          {diff.raw.slice(edit.start + edit.removed.length, edit.start + edit.removed.length + CONTEXT)}
        </li>
      ))}
    </ol>
  );
}

/** Dates kept as written because they could not be read: the person rewrites them in the form. */
function UnreadDates({ dates }: { dates: { field: string; text: string }[] }) {
  const { t } = useTranslation();
  if (dates.length === 0) return null;
  return (
    <div className="unread-dates" role="note">
      <h4>{t('review.unreadDates')}</h4>
      <ul>
        {dates.map((date) => (
          <li key={date.field}>
            {t('review.unreadDate', {
              field: t(`review.dateField.${date.field.replace('.', '_')}`),
              text: date.text,
            })}
          </li>
        ))}
      </ul>
      <p className="field-note">{t('review.unreadDatesHint')}</p>
    </div>
  );
}

/** Import's suggestions (EXIF dates, text cleanups), garbled-text flags and unread dates, for a person to decide. */
export function ReviewPanel({
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
  const [diff, setDiff] = useState<Diff | null>(null);
  /** Which suggestion's changes are shown: 'text' (pinyin cleanup) or a typesetting kind. */
  const [open, setOpen] = useState<string | null>(null);
  const unread = unreadableDates(item);
  const offer = !readOnly && item.text.trim() !== '' && (
    <OfferTypesetButton id={item.id} onChanged={onChanged} />
  );
  if (item.suggestions.length === 0 && openGarbled(item).length === 0 && unread.length === 0)
    return offer ? <div className="typeset-offer">{offer}</div> : null;

  async function decide(index: number, accept: boolean) {
    try {
      await api.call('items.reviewSuggestion', { id: item.id, index, accept });
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  async function toggleDiff(which: string) {
    if (open === which) return setOpen(null);
    try {
      setDiff(await api.call('items.cleanupDiff', { id: item.id }));
      setOpen(which);
    } catch (error) {
      showError(error);
    }
  }

  return (
    <section className="review-panel" aria-labelledby="review-title">
      <h3 id="review-title">{t('review.title')}</h3>
      {offer}
      <ul>
        {item.suggestions.map((suggestion, index) => {
          if (suggestion.field === 'duplicate')
            return (
              <DuplicateReview
                key={`duplicate:${index}`}
                item={item}
                index={index}
                readOnly={readOnly}
                onChanged={onChanged}
              />
            );
          const typeset = suggestion.field === 'typeset' ? typesetValue(suggestion.value) : null;
          const which = typeset ? typeset.kind : suggestion.field === 'text' ? 'text' : null;
          return (
            <li key={`${suggestion.field}:${index}`}>
              {typeset ? (
                <TypesetLabel value={typeset} />
              ) : (
                <span className="suggestion-source">{suggestion.source}</span>
              )}
              {which === null && (
                <span className="suggestion-value">
                  {String(suggestion.value)}{' '}
                  <span className="suggestion-target">
                    {t('form.suggestionInto', {
                      // Text read from the pages goes into 全文.
                      field: fieldLabel({ path: suggestion.field === OCR_SUGGESTION_FIELD ? 'text' : suggestion.field }, t),
                    })}
                  </span>
                </span>
              )}
              {which !== null && (
                <button
                  type="button"
                  className="link"
                  aria-expanded={open === which}
                  onClick={() => void toggleDiff(which)}
                >
                  {typeset ? t('review.showChanges') : t('review.compare')}
                </button>
              )}
              {!readOnly && (
                <span className="review-actions">
                  <button type="button" className="primary small" onClick={() => void decide(index, true)}>
                    {t('review.accept')}
                  </button>
                  <button type="button" className="secondary small" onClick={() => void decide(index, false)}>
                    {suggestion.field === 'text' ? t('review.restore') : t('review.reject')}
                  </button>
                </span>
              )}
              {which === 'text' && open === 'text' && diff && <DiffView diff={diff} />}
              {typeset && open === typeset.kind && diff && (
                <TypesetDiff text={diff.cleaned} edits={diff.typeset} kind={typeset.kind} />
              )}
            </li>
          );
        })}
      </ul>
      <UnreadDates dates={unread} />
      <GarbledReview item={item} readOnly={readOnly} onChanged={onChanged} />
    </section>
  );
}
