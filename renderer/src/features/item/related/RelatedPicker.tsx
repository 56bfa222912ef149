import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../../electron/contract';
import { RELATION_ROLES } from '../../../../../electron/contract/shared';
import { api } from '../../../api/client';
import { Combobox, type ComboboxRow } from '../../../components/Combobox';

type Hit = OpOutput<'search.query'>['hits'][number];

export const RELATED_INPUT_ID = 'related-add';
const LIMIT = 8;

/**
 * Finds an item to link with the library's own search (题名、档号、正文, 简繁), leaving out the
 * item itself and those already linked; ↓ ↑ choose, Enter links, with an optional role.
 */
export function RelatedPicker({
  exclude,
  onLink,
}: {
  exclude: ReadonlySet<string>;
  onLink: (hit: Hit, role: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [open, setOpen] = useState(false);
  const [role, setRole] = useState('');
  const [answer, setAnswer] = useState<{ query: string; hits: Hit[] }>({ query: '', hits: [] });
  const query = text.trim();
  // Enough hits that LIMIT remain once the linked ones are left out.
  const limit = LIMIT + exclude.size;

  useEffect(() => {
    if (!open || !query) return;
    let latest = true;
    // Only the answer to the latest text is kept, however the replies arrive.
    api.call('search.query', { query, limit }).then(
      (result) => latest && setAnswer({ query, hits: result.hits }),
      () => latest && setAnswer({ query, hits: [] }),
    );
    return () => {
      latest = false;
    };
  }, [open, query, limit]);

  const offered = query ? answer.hits.filter((hit) => !exclude.has(hit.id)).slice(0, LIMIT) : [];
  const rows: ComboboxRow[] = offered.map((hit) => ({
    key: hit.id,
    content: (
      <span className="related-hit">
        <span className="related-kind">{t(`kind.${hit.kind}`)}</span> {hit.title}
        {hit.identifier && <span className="identifier">{hit.identifier}</span>}
      </span>
    ),
  }));
  const link = async (index: number) => {
    const hit = offered[index];
    if (!hit) return;
    await onLink(hit, role);
    setText('');
  };

  return (
    <div className="related-add">
      <label htmlFor={RELATED_INPUT_ID}>{t('related.addLabel')}</label>
      <div className="related-add-row">
        <Combobox
          inputId={RELATED_INPUT_ID}
          value={text}
          onChange={setText}
          placeholder={t('related.addPlaceholder')}
          popup="listbox"
          popupLabel={t('related.suggestions')}
          rows={rows}
          open={open}
          onOpenChange={setOpen}
          onPick={(index) => void link(index)}
          // Enter on the text alone takes the best match: what the search ranks first.
          onEnter={() => void link(0)}
        />
        <select aria-label={t('related.role')} value={role} onChange={(event) => setRole(event.target.value)}>
          <option value="">{t('related.roleNone')}</option>
          {RELATION_ROLES.map((name) => (
            <option key={name} value={name}>
              {t(`related.roles.${name}`)}
            </option>
          ))}
        </select>
      </div>
      {open && query && answer.query === query && offered.length === 0 && (
        <p className="field-note" role="status">
          {t('related.nothingFound', { text: query })}
        </p>
      )}
    </div>
  );
}
