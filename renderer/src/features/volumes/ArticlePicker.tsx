import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Combobox, type ComboboxRow } from '../../components/Combobox';
import { useArticleSearch, type ArticleHit } from './useArticleSearch';
import './articlePicker.css';

interface Props {
  /** Makes the box's id, one picker per section. */
  sectionId: string;
  sectionTitle: string;
  /** Items already in the volume: not offered again. */
  used: ReadonlySet<string>;
  onPick: (hit: ArticleHit) => void;
}

/**
 * Adds an article by searching for it, as the search box does (titles, 档号 and text, in either
 * script), a page of results at a time: usable in a library of any size. ↓ ↑ choose, Enter adds
 * (the first result when none is chosen), Esc closes; the last row shows more results.
 */
export function ArticlePicker({ sectionId, sectionTitle, used, onPick }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const { hits, total, answered, more } = useArticleSearch(text, open);
  const offered = hits.filter((hit) => !used.has(hit.id));
  const hasMore = hits.length < total;
  // Choosing "more" is a pick to the combobox, which then closes the list: this keeps it open.
  const keepOpen = useRef(false);

  const rows: ComboboxRow[] = offered.map((hit) => ({
    key: hit.id,
    content: (
      <>
        <span className="article-hit-identifier">{hit.identifier}</span>
        <span className="article-hit-title">{hit.title}</span>
        <span className="article-hit-kind">{t(`kind.${hit.kind}`)}</span>
      </>
    ),
  }));
  if (hasMore)
    rows.push({
      key: 'more',
      content: (
        <span className="article-hit-more">{t('volumes.moreArticles', { shown: hits.length, total })}</span>
      ),
    });

  function add(hit: ArticleHit | undefined) {
    if (!hit) return;
    onPick(hit);
    setText('');
  }

  return (
    <div className="article-picker">
      <Combobox
        inputId={`article-picker-${sectionId}`}
        ariaLabel={t('volumes.addArticleTo', { title: sectionTitle })}
        placeholder={t('volumes.findArticle')}
        value={text}
        onChange={setText}
        popup="listbox"
        popupLabel={t('volumes.articleResults')}
        rows={rows}
        open={open}
        onOpenChange={(next) => {
          if (!next && keepOpen.current) keepOpen.current = false;
          else setOpen(next);
        }}
        onPick={(index) => {
          if (index < offered.length) return add(offered[index]);
          keepOpen.current = true;
          more();
        }}
        onEnter={() => add(offered[0])}
      />
      <p className="article-picker-status" aria-live="polite">
        {open && answered
          ? total === 0
            ? t('volumes.noArticles', { query: answered })
            : t('volumes.articleCount', { total })
          : ''}
      </p>
    </div>
  );
}
