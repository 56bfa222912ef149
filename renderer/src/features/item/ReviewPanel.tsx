import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { fieldLabel } from './fields/fieldNames';

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

/** Import's suggestions (EXIF dates, text cleanups) and garbled-text flags, for a person to decide. */
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
  if (item.suggestions.length === 0 && item.mojibake.length === 0) return null;

  async function decide(index: number, accept: boolean) {
    try {
      await api.call('items.reviewSuggestion', { id: item.id, index, accept });
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  async function toggleDiff() {
    if (diff) return setDiff(null);
    try {
      setDiff(await api.call('items.cleanupDiff', { id: item.id }));
    } catch (error) {
      showError(error);
    }
  }

  return (
    <section className="review-panel" aria-labelledby="review-title">
      <h3 id="review-title">{t('review.title')}</h3>
      <ul>
        {item.suggestions.map((suggestion, index) => (
          <li key={`${suggestion.field}:${index}`}>
            <span className="suggestion-source">{suggestion.source}</span>
            {suggestion.field !== 'text' && (
              <span className="suggestion-value">
                {String(suggestion.value)}{' '}
                <span className="suggestion-target">
                  {t('form.suggestionInto', { field: fieldLabel({ path: suggestion.field }, t) })}
                </span>
              </span>
            )}
            {suggestion.field === 'text' && (
              <button
                type="button"
                className="link"
                aria-expanded={diff !== null}
                onClick={() => void toggleDiff()}
              >
                {t('review.compare')}
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
            {suggestion.field === 'text' && diff && <DiffView diff={diff} />}
          </li>
        ))}
      </ul>
      {item.mojibake.length > 0 && (
        <div className="mojibake" role="note">
          <p>{t('review.mojibake', { count: item.mojibake.length })}</p>
          <ul>
            {item.mojibake.map((run) => (
              <li key={run.start}>
                {item.text.slice(Math.max(0, run.start - CONTEXT), run.start)}
                <mark>{run.text}</mark>
                {item.text.slice(run.end, run.end + CONTEXT)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
