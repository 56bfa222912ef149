import type { ComponentProps } from 'react';
import { useTranslation } from 'react-i18next';
import { ITEM_KINDS } from '../../../../electron/contract/shared';
import { sameView, type CollectionNode, type View } from './views';
import { SavedSearchList } from './SavedSearchList';

interface Props {
  view: View;
  counts: Map<string, number>;
  collections: CollectionNode[];
  onView: (view: View) => void;
  /** 已存检索, with what to do with them. */
  savedSearches: ComponentProps<typeof SavedSearchList>;
}

function NavButton({
  view,
  current,
  label,
  count,
  onView,
}: {
  view: View;
  current: View | null;
  label: string;
  count?: number;
  onView: (v: View) => void;
}) {
  const active = current !== null && sameView(view, current);
  return (
    <button
      type="button"
      className={active ? 'nav-item active' : 'nav-item'}
      aria-current={active ? 'page' : undefined}
      onClick={() => onView(view)}
    >
      <span>{label}</span>
      {count !== undefined && <span className="nav-count">{count}</span>}
    </button>
  );
}

function CollectionBranch({
  nodes,
  view,
  onView,
}: {
  nodes: CollectionNode[];
  view: View | null;
  onView: (v: View) => void;
}) {
  return (
    <ul role="group">
      {nodes.map((node) => (
        <li
          key={node.path.join('/')}
          role="treeitem"
          aria-expanded={node.children.length ? true : undefined}
          aria-selected={view !== null && sameView(view, { type: 'collection', path: node.path })}
        >
          <NavButton
            view={{ type: 'collection', path: node.path }}
            current={view}
            label={node.name}
            count={node.count}
            onView={onView}
          />
          {node.children.length > 0 && <CollectionBranch nodes={node.children} view={view} onView={onView} />}
        </li>
      ))}
    </ul>
  );
}

/** 全部资料, the three kinds, the review queue, recent imports, saved searches and the collections tree. */
export function Sidebar({ view, counts, collections, onView, savedSearches }: Props) {
  const { t } = useTranslation();
  // While a saved search is on screen, it is what the sidebar marks, not the view behind it.
  const current = savedSearches.activeId ? null : view;
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        <li>
          <NavButton
            view={{ type: 'all' }}
            current={current}
            label={t('nav.all')}
            count={counts.get('all')}
            onView={onView}
          />
        </li>
        {ITEM_KINDS.map((kind) => (
          <li key={kind}>
            <NavButton
              view={{ type: 'kind', kind }}
              current={current}
              label={t(`nav.${kind}`)}
              count={counts.get(kind)}
              onView={onView}
            />
          </li>
        ))}
        <li>
          <NavButton
            view={{ type: 'review' }}
            current={current}
            label={t('nav.review')}
            count={counts.get('review')}
            onView={onView}
          />
        </li>
        <li>
          <NavButton
            view={{ type: 'pending' }}
            current={current}
            label={t('nav.pending')}
            count={counts.get('pending')}
            onView={onView}
          />
        </li>
        <li>
          <NavButton
            view={{ type: 'recent' }}
            current={current}
            label={t('nav.recent')}
            count={counts.get('recent')}
            onView={onView}
          />
        </li>
      </ul>
      <SavedSearchList {...savedSearches} />
      <h2 className="nav-heading">{t('nav.collections')}</h2>
      {collections.length === 0 ? (
        <p className="nav-empty">{t('nav.noCollections')}</p>
      ) : (
        <div role="tree" aria-label={t('nav.collections')}>
          <CollectionBranch nodes={collections} view={current} onView={onView} />
        </div>
      )}
    </nav>
  );
}
