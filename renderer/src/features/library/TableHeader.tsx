import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMN_KEYS, sortable, type ColumnKey, type SortOrder } from './columns';

/** Which columns the table shows; 题名 always. */
export function ColumnChooser({
  columns,
  onColumns,
}: {
  columns: ColumnKey[];
  onColumns: (columns: ColumnKey[]) => void;
}) {
  const { t } = useTranslation();
  const [choosing, setChoosing] = useState(false);
  return (
    <>
      <button
        type="button"
        className="secondary small"
        aria-expanded={choosing}
        onClick={() => setChoosing((c) => !c)}
      >
        {t('list.chooseColumns')}
      </button>
      {choosing && (
        <fieldset className="column-chooser">
          <legend className="visually-hidden">{t('list.chooseColumns')}</legend>
          {COLUMN_KEYS.map((key) => (
            <label key={key}>
              <input
                type="checkbox"
                checked={columns.includes(key)}
                disabled={key === 'title'}
                onChange={(e) =>
                  onColumns(
                    e.target.checked
                      ? COLUMN_KEYS.filter((k) => k === key || columns.includes(k))
                      : columns.filter((k) => k !== key),
                  )
                }
              />
              {t(`list.columns.${key}`)}
            </label>
          ))}
        </fieldset>
      )}
    </>
  );
}

/**
 * The header row. Columns the core can order by are buttons that sort and say how (aria-sort);
 * the others are plain headers, without aria-sort, as they cannot be sorted.
 */
export function TableHeader({
  columns,
  gridColumns,
  sort,
  onSort,
}: {
  columns: ColumnKey[];
  gridColumns: string;
  sort: SortOrder;
  onSort: (sort: SortOrder) => void;
}) {
  const { t } = useTranslation();
  return (
    <div
      className="grid-row header"
      role="row"
      aria-rowindex={1}
      style={{ gridTemplateColumns: gridColumns }}
    >
      {columns.map((key) =>
        sortable(key) ? (
          <div
            key={key}
            role="columnheader"
            aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : 'none'}
          >
            <button
              type="button"
              className="link"
              onClick={() => onSort({ key, descending: sort.key === key && !sort.descending })}
            >
              {t(`list.columns.${key}`)}
              {sort.key === key && <span aria-hidden="true">{sort.descending ? ' ▼' : ' ▲'}</span>}
            </button>
          </div>
        ) : (
          <div key={key} role="columnheader">
            {t(`list.columns.${key}`)}
          </div>
        ),
      )}
    </div>
  );
}
