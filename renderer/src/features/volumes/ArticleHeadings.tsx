import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleEntry } from '../../../../electron/contract';
import {
  acceptHeadingOffers,
  HEADING_LEVELS,
  headingOf,
  headingOffers,
  setHeadingLevel,
} from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

interface Props {
  article: ArticleEntry;
  readOnly: boolean;
  onChange: (patch: Partial<ArticleEntry>) => void;
}

/** A line shortened for the list: the start of a long paragraph is enough to recognise it. */
const shown = (line: string) => (line.length > 40 ? `${line.slice(0, 40)}…` : line);

/**
 * The article's 小标题: each line set as a heading of level 1–3 or as text, and the numbered
 * lines (一、 （一） 1.) offered as headings. Changes go to the volume's own copy of the text (the
 * item is never changed); the first change copies the item's text into the volume.
 */
export function ArticleHeadings({ article, readOnly, onChange }: Props) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  const [itemText, setItemText] = useState<string | null>(null);
  const [all, setAll] = useState(false);
  const text = article.text ?? itemText;

  async function load() {
    try {
      const item = await api.call('items.get', { id: article.itemId });
      setItemText(item.text || item.abstract);
    } catch (error) {
      showError(error);
    }
  }

  if (text === null)
    return (
      <button type="button" className="secondary" onClick={() => void load()}>
        {t('volumes.headings.load')}
      </button>
    );

  const offers = headingOffers(text);
  const offered = new Map(offers.map((o) => [o.line, o.level]));
  const lines = text.split('\n').flatMap((raw, index) => {
    const heading = headingOf(raw);
    const words = heading?.text ?? raw.trim();
    if (!words || (!all && !heading && !offered.has(index))) return [];
    return [{ index, words, level: heading?.level ?? 0 }];
  });
  const setLevel = (index: number, level: number) =>
    onChange({ text: setHeadingLevel(text, index, level as 0 | 1 | 2 | 3) });

  return (
    <div className="article-headings" role="group" aria-label={t('volumes.headings.title')}>
      <p className="hint">{t('volumes.headings.hint')}</p>
      {offers.length > 0 && (
        <div className="row">
          <span>{t('volumes.headings.offers', { count: offers.length })}</span>
          <button
            type="button"
            className="secondary"
            disabled={readOnly}
            onClick={() => onChange({ text: acceptHeadingOffers(text, offers) })}
          >
            {t('volumes.headings.acceptAll')}
          </button>
        </div>
      )}
      {lines.length === 0 && !all && <p>{t('volumes.headings.none')}</p>}
      <ul className="heading-lines">
        {lines.map(({ index, words, level }) => (
          <li key={index} className={level ? `heading-line level-${level}` : 'heading-line'}>
            <select
              aria-label={t('volumes.headings.level', { line: shown(words) })}
              value={level}
              disabled={readOnly}
              onChange={(e) => setLevel(index, Number(e.target.value))}
            >
              <option value={0}>{t('volumes.headings.body')}</option>
              {HEADING_LEVELS.map((n) => (
                <option key={n} value={n}>
                  {t(`volumes.headings.levels.${n}`)}
                </option>
              ))}
            </select>
            <span>{shown(words)}</span>
            {offered.has(index) && <span className="badge">{t('volumes.headings.offered')}</span>}
          </li>
        ))}
      </ul>
      <button type="button" className="secondary" onClick={() => setAll(!all)}>
        {all ? t('volumes.headings.showMarked') : t('volumes.headings.showAll')}
      </button>
    </div>
  );
}
