import { useTranslation } from 'react-i18next';
import type { Section, VolumeCounts } from '../../../../electron/contract';
import { ArticleEditor } from './ArticleEditor';
import { ArticlePicker } from './ArticlePicker';
import { move } from './move';
import type { ArticleHit } from './useArticleSearch';
import type { ArticleTitles } from './useArticleTitles';
import type { Dragged, VolumeDraft } from './useVolumeDraft';

interface Props {
  volume: VolumeDraft;
  section: Section;
  index: number;
  counts: VolumeCounts;
  titles: ArticleTitles;
  readOnly: boolean;
}

/** A section (栏目): its title, its place among the sections, its articles, and adding one. */
export function SectionEditor({ volume, section, index, counts, titles, readOnly }: Props) {
  const { t } = useTranslation();
  const { draft, setSections, drag } = volume;
  const setSection = (changed: Section) => volume.setSection(index, changed);
  const sectionCounts = counts.sections.find((c) => c.id === section.id);
  const here: Dragged = { kind: 'section', index };
  /** Adds a picked item at the end of the section; a photo comes with itself as figure. */
  function addArticle(hit: ArticleHit) {
    titles.remember(hit.id, hit.title);
    const figures = hit.kind === 'photo' ? [{ itemId: hit.id, width: 1 }] : [];
    setSection({
      ...section,
      articles: [...section.articles, { itemId: hit.id, editorNote: '', shared: false, figures }],
    });
  }
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
            itemTitle={titles.titleOf(article.itemId)}
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
      {!readOnly && (
        <ArticlePicker
          sectionId={section.id}
          sectionTitle={section.title}
          used={volume.used}
          onPick={addArticle}
        />
      )}
    </li>
  );
}
