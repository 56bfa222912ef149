import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/api/contract';

type Hit = OpOutput<'search.query'>['hits'][number];

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

export function SearchResults({
  query,
  result,
  onOpen,
}: {
  query: string;
  result: OpOutput<'search.query'>;
  onOpen: (id: string) => void;
}) {
  const { t } = useTranslation();
  if (result.total === 0) return <p className="empty">{t('search.none', { query })}</p>;
  return (
    <section className="search-results" aria-label={t('search.results', { query, count: result.total })}>
      <p className="count">{t('search.results', { query, count: result.total })}</p>
      <ol>
        {result.hits.map((hit) => (
          <li key={hit.id}>
            <button type="button" className="link item-title" onClick={() => onOpen(hit.id)}>
              {hit.title}
            </button>
            <span className="kind-tag">{t(`kind.${hit.kind}`)}</span>
            <Snippet hit={hit} />
          </li>
        ))}
      </ol>
    </section>
  );
}
