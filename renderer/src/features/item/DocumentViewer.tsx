import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useElementSize } from '../../hooks/useElementSize';
import { charsToFill, documentPages, pageAt } from './documentPages';
import { splitAtMatches, type HitFocus } from '../search/hitFocus';

/** Until the reading box is measured, pages are about this long. */
const FIRST_PAGE_CHARS = 1200;
/** Matches `.document-page` in styles.css. */
const LINE_HEIGHT = 1.8;

/**
 * A document's text a page at a time: the PDF's own pages when it came from one, else screens.
 * Only the page shown is rendered, so a text of hundreds of thousands of characters opens at once.
 */
export function DocumentViewer({ item, focus }: { item: Item; focus?: HitFocus }) {
  const { t } = useTranslation();
  const { setElement, element, size } = useElementSize<HTMLDivElement>();
  const perPage =
    size.height > 0 && size.fontSize > 0 ? charsToFill(size, size.fontSize, LINE_HEIGHT) : FIRST_PAGE_CHARS;
  const paging = useMemo(
    () => documentPages(item.text, perPage, item.document?.pages),
    [item.text, perPage, item.document?.pages],
  );
  // The place read is kept as a character offset, so resizing the pane (and so re-paging) keeps it.
  const [offset, setOffset] = useState(0);
  const match = focus?.text ?? '';
  const firstMark = useRef<HTMLElement>(null);
  // Opened from a search (or sent to another match): go to the page of the first match. Done while
  // rendering, as React advises for state that follows a prop, so the right page shows at once.
  const [focusShown, setFocusShown] = useState<HitFocus | undefined>();
  if (focus !== focusShown) {
    setFocusShown(focus);
    const at = match ? item.text.indexOf(match) : -1;
    if (at >= 0) setOffset(at);
  }
  useEffect(() => {
    firstMark.current?.scrollIntoView?.({ block: 'center' });
  }, [offset, match]);
  const count = paging.pages.length;
  const index = pageAt(paging.pages, offset);
  const page = paging.pages[index]!;
  const text = item.text.slice(page.start, page.end);
  const pdf = item.files.find((f) => f.mime === 'application/pdf');
  const parts = splitAtMatches(text, match);
  const firstMatch = parts.findIndex((part) => typeof part !== 'string');

  function go(to: number) {
    const target = Math.min(count - 1, Math.max(0, to));
    setOffset(paging.pages[target]!.start);
    element?.scrollTo?.({ top: 0 });
  }

  function onPageKey(event: KeyboardEvent) {
    if (event.key === 'ArrowLeft' || event.key === 'PageUp') go(index - 1);
    else if (event.key === 'ArrowRight' || event.key === 'PageDown') go(index + 1);
    else return;
    event.preventDefault();
  }

  function commitNumber(input: HTMLInputElement) {
    const wanted = Number.parseInt(input.value, 10);
    const target = Number.isFinite(wanted) ? Math.min(count, Math.max(1, wanted)) : index + 1;
    input.value = String(target);
    if (target - 1 !== index) go(target - 1);
  }

  return (
    <section className="document-viewer" aria-label={t('reader.label')}>
      <div className="pager" role="group" aria-label={t('reader.pager')}>
        <button type="button" className="secondary" disabled={index === 0} onClick={() => go(index - 1)}>
          {t('reader.previous')}
        </button>
        <label className="page-number">
          {t('reader.pageBefore')}
          <input
            // Re-created on each page, so it shows the page reached by the buttons too.
            key={index}
            type="number"
            min={1}
            max={count}
            defaultValue={index + 1}
            aria-label={t('reader.pageNumber')}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              e.preventDefault();
              commitNumber(e.currentTarget);
            }}
            onBlur={(e) => commitNumber(e.currentTarget)}
          />
          {t('reader.pageAfter', { count })}
        </label>
        <button
          type="button"
          className="secondary"
          disabled={index === count - 1}
          onClick={() => go(index + 1)}
        >
          {t('reader.next')}
        </button>
        {pdf && !api.desktop && (
          <a
            className="open-original"
            // Chromium's and Firefox's PDF viewers open at #page=N.
            href={`${api.fileUrl(pdf.sha256)}${paging.original ? `#page=${index + 1}` : ''}`}
            target="_blank"
            rel="noopener noreferrer"
          >
            {t('reader.openPdf')}
          </a>
        )}
      </div>
      {!paging.original && count > 1 && <p className="field-note">{t('reader.byScreen')}</p>}
      <div
        ref={setElement}
        className="document-page"
        tabIndex={0}
        role="region"
        aria-label={t('reader.pageText', { page: index + 1, count })}
        onKeyDown={onPageKey}
      >
        {text.trim() ? (
          parts.map((part, i) =>
            typeof part === 'string' ? (
              part
            ) : (
              <mark key={i} ref={i === firstMatch ? firstMark : undefined} className="search-match">
                {part.match}
              </mark>
            ),
          )
        ) : (
          <p className="empty">{t('reader.emptyPage')}</p>
        )}
      </div>
    </section>
  );
}
