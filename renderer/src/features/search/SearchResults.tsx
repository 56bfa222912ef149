import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpInput, OpOutput } from '../../../../electron/contract';
import { SEARCH_FACETS, SEARCH_SORTS } from '../../../../electron/contract/shared';
import { SaveSearchButton } from './SaveSearchButton';
import { focusOf, type HitFocus } from './hitFocus';

type Result = OpOutput<'search.query'>;
type Hit = Result['hits'][number];
export type SearchSort = (typeof SEARCH_SORTS)[number];
export type SearchFacet = (typeof SEARCH_FACETS)[number];
export type SearchFilters = NonNullable<OpInput<'search.query'>['filters']>;

/** The snippet with its matches marked. */
function Snippet({ hit }: { hit: Hit }) {
  const parts: ReactNode[] = [];
  let at = 0;
  hit.highlights.forEach(([start, end], index) => {
    if (start < at) return;
    parts.push(hit.snippet.slice(at, start));
    parts.push(<mark key={index}>{hit.snippet.slice(start, end)}</mark>);
    at = end;
  });
  parts.push(hit.snippet.slice(at));
  return <p className="snippet">{parts}</p>;
}

/** 95.5 s → 1:35 */
function clock(seconds: number): string {
  const s = Math.floor(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const mmss = `${String(m).padStart(h ? 2 : 1, '0')}:${String(s % 60).padStart(2, '0')}`;
  return h ? `${h}:${mmss}` : mmss;
}

function FacetPanel({
  result,
  filters,
  onFilters,
}: {
  result: Result;
  filters: SearchFilters;
  onFilters: (filters: SearchFilters) => void;
}) {
  const { t } = useTranslation();
  const label = (facet: SearchFacet, value: string) =>
    facet === 'kind'
      ? t(`kind.${value as 'oral'}`)
      : facet === 'status'
        ? t(`editorialStatus.${value as 'collected'}`)
        : facet === 'decade'
          ? t('search.decade', { decade: value })
          : value;
  const toggle = (facet: SearchFacet, value: string) => {
    const current = filters[facet] ?? [];
    const next = current.includes(value) ? current.filter((v) => v !== value) : [...current, value];
    onFilters({ ...filters, [facet]: next });
  };
  const active = Object.values(filters).some((v) => v?.length);
  return (
    <aside className="facets" aria-label={t('search.facetsLabel')}>
      {SEARCH_FACETS.map((facet) => {
        const counts = result.facets?.[facet] ?? [];
        const chosen = filters[facet] ?? [];
        // A chosen value stays visible (to be unticked) even when no hit has it any more.
        const values = [
          ...counts,
          ...chosen.filter((v) => !counts.some((c) => c.value === v)).map((value) => ({ value, count: 0 })),
        ];
        if (values.length === 0) return null;
        return (
          <fieldset key={facet}>
            <legend>{t(`search.facets.${facet}`)}</legend>
            {values.map(({ value, count }) => (
              <label key={value}>
                <input
                  type="checkbox"
                  checked={chosen.includes(value)}
                  onChange={() => toggle(facet, value)}
                  aria-label={t('search.filterBy', {
                    facet: t(`search.facets.${facet}`),
                    value: label(facet, value),
                    count,
                  })}
                />
                {label(facet, value)} <span className="facet-count">{count}</span>
              </label>
            ))}
          </fieldset>
        );
      })}
      {active && (
        <button type="button" className="link" onClick={() => onFilters({})}>
          {t('search.clearFilters')}
        </button>
      )}
    </aside>
  );
}

export function SearchResults({
  query,
  result,
  sort,
  filters,
  onSort,
  onFilters,
  onQuery,
  onOpen,
  canSave,
  onSaveSearch,
}: {
  query: string;
  result: Result;
  sort: SearchSort;
  filters: SearchFilters;
  onSort: (sort: SearchSort) => void;
  onFilters: (filters: SearchFilters) => void;
  /** Runs a suggested query. */
  onQuery: (query: string) => void;
  /** Opens a hit's item, scrolled to and marking the match. */
  onOpen: (id: string, focus?: HitFocus) => void;
  /** False in a read-only library. */
  canSave: boolean;
  /** Keeps this query, its filters and its sort under a name; says whether it was kept. */
  onSaveSearch: (name: string) => Promise<boolean>;
}) {
  const { t } = useTranslation();
  return (
    <div className="search-layout">
      <FacetPanel result={result} filters={filters} onFilters={onFilters} />
      <section className="search-results" aria-label={t('search.results', { query, count: result.total })}>
        <div className="search-bar">
          <p className="count">{t('search.results', { query, count: result.total })}</p>
          <label>
            {t('search.sort')}{' '}
            <select value={sort} onChange={(e) => onSort(e.target.value as SearchSort)}>
              {SEARCH_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`search.sorts.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <SaveSearchButton query={query} disabled={!canSave} onSave={onSaveSearch} />
        </div>
        {result.total === 0 && (
          <div className="empty">
            <p>{t('search.none', { query })}</p>
            {result.suggestions && result.suggestions.length > 0 && (
              <p className="suggestions">
                {t('search.suggest')}
                {result.suggestions.map((s) => (
                  <button key={s.query} type="button" className="link" onClick={() => onQuery(s.query)}>
                    {t('search.suggestion', { query: s.query, count: s.total })}
                  </button>
                ))}
              </p>
            )}
          </div>
        )}
        <ol>
          {result.hits.map((hit) => (
            <li key={hit.id}>
              <button type="button" className="link item-title" onClick={() => onOpen(hit.id, focusOf(hit))}>
                {hit.title}
              </button>
              <span className="kind-tag">{t(`kind.${hit.kind}`)}</span>
              {hit.identifier && <span className="identifier">{hit.identifier}</span>}
              {hit.timecode !== undefined && (
                <span className="timecode">{t('search.timecode', { time: clock(hit.timecode) })}</span>
              )}
              <Snippet hit={hit} />
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
