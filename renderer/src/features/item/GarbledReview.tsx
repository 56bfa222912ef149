import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, OpInput } from '../../../../electron/contract';
import { openGarbled } from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

type Run = Item['mojibake'][number];
type Resolution = OpInput<'items.resolveGarbled'>['resolution'];
const CONTEXT = 12;
/** The passage shown beside the correction: wide enough to read the sentence the run sits in. */
const PASSAGE = 40;

/** A run in its sentence: the characters around it, the run itself marked. */
function Passage({ text, run, around }: { text: string; run: Run; around: number }) {
  return (
    <>
      {text.slice(Math.max(0, run.start - around), run.start)}
      <mark>{run.text}</mark>
      {text.slice(run.end, run.end + around)}
    </>
  );
}

/** Corrects the run in place: the raw passage beside a box holding the run to edit. */
function FixRun({
  text,
  run,
  onSave,
  onCancel,
}: {
  text: string;
  run: Run;
  onSave: (replacement: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(run.text);
  return (
    <form
      className="garbled-fix"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value);
      }}
    >
      <p className="garbled-raw">
        <span className="field-note">{t('review.garbled.raw')}</span>
        <Passage text={text} run={run} around={PASSAGE} />
      </p>
      <label>
        {t('review.garbled.replacement')}
        <input value={value} onChange={(e) => setValue(e.target.value)} autoFocus />
      </label>
      <button type="submit" className="primary small" disabled={value === run.text}>
        {t('review.garbled.save')}
      </button>
      <button type="button" className="secondary small" onClick={onCancel}>
        {t('review.garbled.cancel')}
      </button>
    </form>
  );
}

/**
 * The garbled-text (乱码) flags still open on an item, each to be marked 已核实 (the text is right,
 * say a rare character), 忽略, or corrected in place. The flags come from the text as it is now.
 */
export function GarbledReview({
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
  const [fixing, setFixing] = useState<number | null>(null);
  const runs = openGarbled(item);
  if (runs.length === 0) return null;

  async function resolve(run: Run, resolution: Resolution) {
    try {
      await api.call('items.resolveGarbled', { id: item.id, run, resolution });
      setFixing(null);
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <div className="mojibake" role="group" aria-label={t('review.garbled.label')}>
      <p>{t('review.mojibake', { count: runs.length })}</p>
      <ul>
        {runs.map((run) => (
          <li key={`${run.start}:${run.text}`}>
            <span className="garbled-snippet">
              <Passage text={item.text} run={run} around={CONTEXT} />
            </span>
            {!readOnly && fixing !== run.start && (
              <span className="review-actions">
                <button
                  type="button"
                  className="primary small"
                  onClick={() => void resolve(run, { action: 'verified' })}
                >
                  {t('review.garbled.verified')}
                </button>
                <button
                  type="button"
                  className="secondary small"
                  onClick={() => void resolve(run, { action: 'ignored' })}
                >
                  {t('review.garbled.ignored')}
                </button>
                <button type="button" className="secondary small" onClick={() => setFixing(run.start)}>
                  {t('review.garbled.fix')}
                </button>
              </span>
            )}
            {fixing === run.start && (
              <FixRun
                text={item.text}
                run={run}
                onSave={(replacement) => void resolve(run, { action: 'fix', replacement })}
                onCancel={() => setFixing(null)}
              />
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
