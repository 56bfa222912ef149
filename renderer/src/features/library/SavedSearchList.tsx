import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SavedSearch } from '../search/useSavedSearches';

interface RowProps {
  search: SavedSearch;
  active: boolean;
  readOnly: boolean;
  onRun: () => void;
  /** Says whether the new name was taken, so the box stays open on a refusal. */
  onRename: (name: string) => Promise<boolean>;
  onDelete: () => void;
}

/** The new name, typed in place of the button: Enter or leaving the box keeps it, Esc does not. */
function RenameBox({
  search,
  onRename,
  onClose,
}: {
  search: SavedSearch;
  onRename: (name: string) => Promise<boolean>;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [name, setName] = useState(search.name);
  // Enter ends the edit and the box then loses focus: the name is sent once, and again only
  // after a refusal (a name already taken) has been corrected.
  const sending = useRef(false);
  // Esc closes the box; a blur as it goes away must not send the name after all.
  const cancelled = useRef(false);
  const finish = (value: string) => {
    if (cancelled.current) return;
    const trimmed = value.trim();
    if (!trimmed || trimmed === search.name) return onClose();
    if (sending.current) return;
    sending.current = true;
    void onRename(trimmed).then((renamed) => {
      sending.current = false;
      if (renamed) onClose();
    });
  };
  return (
    <form
      className="rename-search"
      onSubmit={(event) => {
        event.preventDefault();
        finish(name);
      }}
    >
      <input
        value={name}
        autoFocus
        maxLength={60}
        aria-label={t('savedSearches.renameLabel', { name: search.name })}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Escape') return;
          cancelled.current = true;
          onClose();
        }}
        onBlur={() => finish(name)}
      />
    </form>
  );
}

function SavedSearchRow({ search, active, readOnly, onRun, onRename, onDelete }: RowProps) {
  const { t } = useTranslation();
  const [renaming, setRenaming] = useState(false);
  const filterCount = Object.values(search.filters).reduce((n, values) => n + (values?.length ?? 0), 0);
  const described = t(filterCount ? 'savedSearches.describeFiltered' : 'savedSearches.describe', {
    query: search.query,
    sort: t(`search.sorts.${search.sort}`),
    count: filterCount,
  });
  if (renaming)
    return (
      <li className="saved-search">
        <RenameBox search={search} onRename={onRename} onClose={() => setRenaming(false)} />
      </li>
    );
  return (
    <li className="saved-search">
      <button
        type="button"
        className={active ? 'nav-item active' : 'nav-item'}
        aria-current={active ? 'true' : undefined}
        aria-description={described}
        title={described}
        onClick={onRun}
      >
        <span>{search.name}</span>
      </button>
      {!readOnly && (
        <span className="row-actions">
          <button
            type="button"
            className="icon-button"
            aria-label={t('savedSearches.rename', { name: search.name })}
            title={t('savedSearches.rename', { name: search.name })}
            onClick={() => setRenaming(true)}
          >
            ✎
          </button>
          <button
            type="button"
            className="icon-button"
            aria-label={t('savedSearches.delete', { name: search.name })}
            title={t('savedSearches.delete', { name: search.name })}
            onClick={() => {
              if (window.confirm(t('savedSearches.confirmDelete', { name: search.name }))) onDelete();
            }}
          >
            ×
          </button>
        </span>
      )}
    </li>
  );
}

/** 已存检索 in the sidebar: a click runs one; each can be renamed in place and deleted. */
export function SavedSearchList({
  searches,
  activeId,
  readOnly,
  onRun,
  onRename,
  onDelete,
}: {
  searches: SavedSearch[];
  activeId: string | null;
  readOnly: boolean;
  onRun: (search: SavedSearch) => void;
  onRename: (search: SavedSearch, name: string) => Promise<boolean>;
  onDelete: (search: SavedSearch) => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="saved-searches-heading">
      <h2 id="saved-searches-heading" className="nav-heading">
        {t('savedSearches.heading')}
      </h2>
      {searches.length === 0 ? (
        <p className="nav-empty">{t('savedSearches.empty')}</p>
      ) : (
        <ul>
          {searches.map((search) => (
            <SavedSearchRow
              key={search.id}
              search={search}
              active={search.id === activeId}
              readOnly={readOnly}
              onRun={() => onRun(search)}
              onRename={(name) => onRename(search, name)}
              onDelete={() => onDelete(search)}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
