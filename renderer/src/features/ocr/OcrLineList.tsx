import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { confidenceRuns, type OcrLine } from './ocrLines';

/** One line as read, its unsure characters marked with how sure the recognizer was. */
function ReadText({ line }: { line: OcrLine }) {
  const { t } = useTranslation();
  return (
    <>
      {confidenceRuns(line).map((run, i) =>
        run.unsure === undefined ? (
          run.text
        ) : (
          <mark key={i} className="ocr-unsure" title={t('ocr.unsure', { percent: Math.round(run.unsure * 100) })}>
            {run.text}
          </mark>
        ),
      )}
    </>
  );
}

/** The correction of the selected line: Enter saves, Escape leaves it. */
function LineEditor({ text, onSave, onCancel }: { text: string; onSave: (text: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(text);
  return (
    <form
      className="ocr-line-edit"
      onSubmit={(e) => {
        e.preventDefault();
        onSave(value.replace(/[\r\n]+/g, ''));
      }}
    >
      <input
        aria-label={t('ocr.edit')}
        value={value}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => e.key === 'Escape' && onCancel()}
      />
      <button type="submit" className="primary small">
        {t('ocr.save')}
      </button>
      <button type="button" className="secondary small" onClick={onCancel}>
        {t('ocr.cancelEdit')}
      </button>
    </form>
  );
}

/**
 * The page's lines beside its image. Clicking a line selects it (and its box); while the text waits
 * in 待复核 the selected line can be corrected. A corrected line shows as corrected, unmarked.
 */
export function OcrLineList({
  lines,
  texts,
  selected,
  onSelect,
  onSave,
}: {
  lines: OcrLine[];
  /** The lines as they stand in the suggestion; null once it is accepted (then read only). */
  texts: string[] | null;
  selected: number | null;
  onSelect: (line: number) => void;
  onSave: (line: number, text: string) => void;
}) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<number | null>(null);
  const selectedRef = useRef<HTMLLIElement>(null);
  useEffect(() => {
    selectedRef.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return (
    <ol className="ocr-lines" aria-label={t('ocr.lines')}>
      {lines.map((line, i) => {
        const text = texts?.[i] ?? line.text;
        const corrected = text !== line.text;
        return (
          <li
            key={i}
            ref={i === selected ? selectedRef : undefined}
            className={i === selected ? 'selected' : undefined}
            aria-current={i === selected ? 'true' : undefined}
          >
            {editing === i ? (
              <LineEditor
                text={text}
                onCancel={() => setEditing(null)}
                onSave={(value) => {
                  setEditing(null);
                  if (value !== text) onSave(i, value);
                }}
              />
            ) : (
              <button
                type="button"
                className={corrected ? 'ocr-line corrected' : 'ocr-line'}
                aria-label={`${t('ocr.lineLabel', { n: i + 1 })} ${text}`}
                onClick={() => onSelect(i)}
                onDoubleClick={() => texts && setEditing(i)}
              >
                {corrected ? text : <ReadText line={line} />}
              </button>
            )}
            {texts && i === selected && editing !== i && (
              <button type="button" className="link" onClick={() => setEditing(i)}>
                {t('ocr.edit')}
              </button>
            )}
          </li>
        );
      })}
    </ol>
  );
}
