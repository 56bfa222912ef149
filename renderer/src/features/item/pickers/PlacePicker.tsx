import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComboboxRow } from '../../../components/Combobox';
import { collatorFor } from '../../../i18n';
import { placeForest, placeRows } from './placeTree';
import { TermLabel } from './TermLabel';
import { TermPicker } from './TermPicker';
import { splitList, useLookup, type TermFieldProps } from './useLookup';

const INPUT_ID = 'item-places';
/** Enough for the whole gazetteer and the places a library adds. */
const BROWSE_LIMIT = 500;
const FILTER_LIMIT = 60;
const NONE: ReadonlySet<string> = new Set();

/**
 * 地点: the gazetteer as a tree (许昌市 › 县市区 › 乡镇), opened from its button or with ↓, and
 * narrowed as you type (简繁、拼音); a place not in it is added as typed.
 */
export function PlacePicker({ values, onValues, text, onText, lookup }: TermFieldProps) {
  const { t, i18n } = useTranslation();
  const [open, setOpen] = useState(false);
  const query = text.trim();
  const filtering = query !== '';
  const matches = useLookup(lookup, 'places', query, filtering ? FILTER_LIMIT : BROWSE_LIMIT, open);
  // Branches opened or closed by hand belong to the text they were toggled for.
  const [toggled, setToggled] = useState({ query: '', keys: NONE });
  const toggledKeys = toggled.query === query ? toggled.keys : NONE;
  const collator = useMemo(() => collatorFor(i18n.language), [i18n.language]);
  const forest = useMemo(() => placeForest(matches, collator), [matches, collator]);
  // Browsing opens only the top level; a filtered tree shows every match, so all is open.
  const rows = placeRows(forest, (node, level) => (filtering || level === 1) !== toggledKeys.has(node.key));
  const typed = filtering && !matches.some((m) => m.value === query) ? query : null;

  const comboRows: ComboboxRow[] = rows.map(({ node, level, expanded }) => ({
    key: node.key,
    level,
    expanded,
    content: node.match ? (
      <TermLabel
        match={node.match}
        matched={filtering}
        note={node.match.formerName && t('picker.formerName', { name: node.match.formerName })}
      />
    ) : (
      <span className="term-name">{node.name}</span>
    ),
  }));
  if (typed) comboRows.push({ key: '\u0000typed', level: 1, content: t('picker.useTyped', { text: typed }) });

  const toggle = (index: number) => {
    const key = rows[index]!.node.key;
    const keys = new Set(toggledKeys);
    if (!keys.delete(key)) keys.add(key);
    setToggled({ query, keys });
  };

  return (
    <TermPicker
      inputId={INPUT_ID}
      label={t('item.fields.place')}
      chosenLabel={t('picker.chosenPlaces')}
      placeholder={t('picker.placePlaceholder')}
      popup="tree"
      popupLabel={t('picker.gazetteer')}
      values={values}
      onValues={onValues}
      text={text}
      onText={onText}
      open={open}
      onOpenChange={setOpen}
      rows={comboRows}
      firstRow={
        filtering
          ? Math.max(
              0,
              rows.findIndex((row) => row.node.match),
            )
          : 0
      }
      valuesOf={(index) => (index < rows.length ? [rows[index]!.node.name] : splitList(query))}
      onToggle={toggle}
    >
      <button
        type="button"
        className="secondary browse"
        aria-expanded={open}
        aria-controls={`${INPUT_ID}-popup`}
        onClick={() => {
          setOpen(!open);
          document.getElementById(INPUT_ID)?.focus();
        }}
      >
        {t('picker.browsePlaces')}
      </button>
    </TermPicker>
  );
}
