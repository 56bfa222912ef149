import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Section, VolumeCounts } from '../../../../electron/contract';
import { ArticleEditor } from './ArticleEditor';
import { move } from './move';
import type { ItemSummary } from './useVolumes';
import type { Dragged, VolumeDraft } from './useVolumeDraft';

interface Props {
  volume: VolumeDraft;
  section: Section;
  index: number;
  counts: VolumeCounts;
  items: ItemSummary[];
  readOnly: boolean;
}

/** A section (栏目): its title, its place among the sections, its articles, and adding one. */
export function SectionEditor({ volume, section, index, counts, items, readOnly }: Props) {
  const { t } = useTranslation();
  const { draft, setSections, drag } = volume;
  const setSection = (changed: Section) => volume.setSection(index, changed);
  const sectionCounts = counts.sections.find((c) => c.id === section.id);
  const here: Dragged = { kind: 'section', index };
  return (
    <li
      className="section"
      draggable={!readOnly}
      onDragStart={(e) => {
        e.stopPropagation();
        drag.start(here);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => drag.drop(here, e)}
    >
      <div className="row">
        <input
          aria-label={t('volumes.sectionTitle')}
          value={section.title}
          placeholder={t('volumes.sectionTitle')}
          onChange={(e) => setSection({ ...section, title: e.target.value })}
        />
        <span className="count">{t('volumes.chars', { count: sectionCounts?.chars ?? 0 })}</span>
        <button
          type="button"
          className="secondary"
          aria-label={t('volumes.moveUp', { title: section.title })}
          disabled={index === 0}
          onClick={() => setSections(move(draft.sections, index, index - 1))}
        >
          ↑
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={t('volumes.moveDown', { title: section.title })}
          disabled={index === draft.sections.length - 1}
          onClick={() => setSections(move(draft.sections, index, index + 1))}
        >
          ↓
        </button>
        <button
          type="button"
          className="danger"
          onClick={() => setSections(draft.sections.filter((_, i) => i !== index))}
        >
          {t('volumes.removeSection')}
        </button>
      </div>
      <ol className="articles">
        {section.articles.map((article, a) => (
          <ArticleEditor
            key={article.itemId}
            article={article}
            itemTitle={items.find((i) => i.id === article.itemId)?.title ?? article.itemId}
            chars={sectionCounts?.articles.find((x) => x.itemId === article.itemId)?.chars ?? 0}
            section={index}
            index={a}
            count={section.articles.length}
            readOnly={readOnly}
            drag={drag}
            onChange={(patch) => volume.setArticle(index, a, patch)}
            onMove={(to) => setSection({ ...section, articles: move(section.articles, a, to) })}
            onRemove={() => setSection({ ...section, articles: section.articles.filter((_, i) => i !== a) })}
          />
        ))}
      </ol>
      <AddArticle section={section} items={items} used={volume.used} onChange={setSection} />
    </li>
  );
}

/** Picks an item not yet in the volume and adds it to the section; a photo comes with itself as figure. */
function AddArticle({
  section,
  items,
  used,
  onChange,
}: {
  section: Section;
  items: ItemSummary[];
  used: Set<string>;
  onChange: (section: Section) => void;
}) {
  const { t } = useTranslation();
  const [adding, setAdding] = useState('');
  function add() {
    const photo = items.find((i) => i.id === adding)?.kind === 'photo';
    const figures = photo ? [{ itemId: adding, width: 1 }] : [];
    onChange({
      ...section,
      articles: [...section.articles, { itemId: adding, editorNote: '', shared: false, figures }],
    });
    setAdding('');
  }
  return (
    <div className="row">
      <select
        aria-label={t('volumes.addArticleTo', { title: section.title })}
        value={adding}
        onChange={(e) => setAdding(e.target.value)}
      >
        <option value="">{t('volumes.chooseItem')}</option>
        {items
          .filter((i) => !used.has(i.id))
          .map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
      </select>
      <button type="button" className="secondary" disabled={!adding} onClick={add}>
        {t('volumes.addArticle')}
      </button>
    </div>
  );
}
