import { useTranslation } from 'react-i18next';
import { MoveButtons } from './MoveButtons';
import type { ArticleEntry } from '../../../../electron/contract';
import { ArticleFigures } from './FigureList';
import type { Dragged, VolumeDraft } from './useVolumeDraft';
import { ArticleHeadings } from './ArticleHeadings';

interface Props {
  article: ArticleEntry;
  /** The item's own title, shown when the article has none of its own. */
  itemTitle: string;
  chars: number;
  section: number;
  index: number;
  count: number;
  readOnly: boolean;
  drag: VolumeDraft['drag'];
  onChange: (patch: Partial<ArticleEntry>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}

/** One article of a section: dragged or moved by buttons, removed, and its title, byline and note overridden. */
export function ArticleEditor(props: Props) {
  const { t } = useTranslation();
  const { article, itemTitle, section, index, count, readOnly, drag, onChange, onMove } = props;
  const title = article.title ?? itemTitle;
  const here: Dragged = { kind: 'article', section, index };
  return (
    <li
      draggable={!readOnly}
      onDragStart={(e) => {
        e.stopPropagation();
        drag.start(here);
      }}
      onDragOver={(e) => e.preventDefault()}
      onDrop={(e) => {
        e.stopPropagation();
        drag.drop(here, e);
      }}
    >
      <div className="row">
        <span className="article-title">{title}</span>
        <span className="count">{t('volumes.chars', { count: props.chars })}</span>
        <MoveButtons
          index={index}
          count={count}
          labels={{
            up: t('volumes.moveUp', { title }),
            down: t('volumes.moveDown', { title }),
            remove: t('volumes.removeArticle', { title }),
          }}
          onMove={onMove}
          onRemove={props.onRemove}
        />
      </div>
      <details>
        <summary>{t('volumes.overrides')}</summary>
        <label>
          {t('volumes.fields.articleTitle')}
          <input
            value={article.title ?? ''}
            placeholder={itemTitle}
            onChange={(e) => onChange({ title: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('volumes.fields.byline')}
          <input
            value={article.byline ?? ''}
            onChange={(e) => onChange({ byline: e.target.value || undefined })}
          />
        </label>
        <label>
          {t('volumes.fields.editorNote')}
          <textarea
            rows={2}
            value={article.editorNote}
            onChange={(e) => onChange({ editorNote: e.target.value })}
          />
        </label>
        <ArticleHeadings article={article} readOnly={readOnly} onChange={onChange} />
        <label className="inline">
          <input
            type="checkbox"
            checked={article.shared}
            onChange={(e) => onChange({ shared: e.target.checked })}
          />
          {t('volumes.fields.shared')}
        </label>
      </details>
      <ArticleFigures article={article} onChange={(figures) => onChange({ figures })} />
    </li>
  );
}
