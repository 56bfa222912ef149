import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import type { HitFocus } from '../search/hitFocus';
import { OcrLineList } from './OcrLineList';
import { OcrPageImage } from './OcrPageImage';
import { OcrRunButton } from './OcrRunButton';
import { lineOf, suggestedLines, suggestionIndex, withLine, type OcrPage } from './ocrLines';

/**
 * 识别文字 for one item: the run, then proofreading beside the image, a page at a time. While the
 * text read waits in 待复核, a correction is an audited edit of that suggestion; accepting it puts
 * the corrected text into 全文 after any typed text. Opened from a search, it shows the line found.
 */
export function OcrProofreader({
  item,
  focus,
  readOnly,
  onChanged,
}: {
  item: Item;
  focus?: HitFocus;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const [pages, setPages] = useState<OcrPage[]>([]);
  const [index, setIndex] = useState(0);
  const [selected, setSelected] = useState<number | null>(null);

  useEffect(() => {
    let live = true;
    api
      .call('ocr.pages', { id: item.id })
      .then((answer) => {
        if (!live) return;
        setPages(answer.pages);
        const found = lineOf(answer.pages, focus?.text ?? '');
        if (found) {
          setIndex(found.page);
          setSelected(found.line);
        }
      })
      .catch((error: unknown) => live && showError(error));
    return () => {
      live = false;
    };
    // Read again after each change of the item: a run adds pages and its suggestion together.
  }, [item.id, item.updatedAt, focus?.text, showError]);

  const pending = suggestionIndex(item);
  const suggestion = pending >= 0 ? item.suggestions[pending] : undefined;
  const texts = suggestion && !readOnly ? suggestedLines(suggestion.value, pages) : null;
  const count = pages.length;
  const shown = Math.min(index, Math.max(0, count - 1));
  const page = pages[shown];

  function go(to: number) {
    setIndex(Math.min(count - 1, Math.max(0, to)));
    setSelected(null);
  }

  async function save(line: number, text: string) {
    if (!texts) return;
    const value = withLine(texts, shown, line, text);
    const suggestions = item.suggestions.map((s, i) => (i === pending ? { ...s, value } : s));
    try {
      await api.call('items.update', { id: item.id, patch: { suggestions } });
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  async function accept() {
    try {
      await api.call('items.reviewSuggestion', { id: item.id, index: pending, accept: true });
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <section className="ocr-proofreader" aria-labelledby="ocr-title">
      <div className="ocr-head">
        <h3 id="ocr-title">{t('ocr.proofTitle')}</h3>
        {!readOnly && <OcrRunButton ids={[item.id]} onDone={onChanged} />}
        {!readOnly && pending >= 0 && (
          <button type="button" className="primary" onClick={() => void accept()}>
            {t('ocr.accept')}
          </button>
        )}
      </div>
      {page && (
        <>
          <div className="pager" role="group" aria-label={t('ocr.pager')}>
            <button type="button" className="secondary" disabled={shown === 0} onClick={() => go(shown - 1)}>
              {t('ocr.previous')}
            </button>
            <span>{t('ocr.page', { page: shown + 1, count })}</span>
            <button type="button" className="secondary" disabled={shown >= count - 1} onClick={() => go(shown + 1)}>
              {t('ocr.next')}
            </button>
          </div>
          <p className="field-note">{t(pending >= 0 ? 'ocr.pending' : 'ocr.accepted')}</p>
          <div className="ocr-side-by-side">
            <OcrPageImage itemId={item.id} page={page} number={shown + 1} selected={selected} onSelect={setSelected} />
            <OcrLineList
              key={`${item.id}-${shown}`}
              lines={page.lines}
              texts={texts?.[shown] ?? null}
              selected={selected}
              onSelect={setSelected}
              onSave={(line, text) => void save(line, text)}
            />
          </div>
        </>
      )}
    </section>
  );
}
