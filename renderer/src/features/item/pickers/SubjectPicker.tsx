import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ComboboxRow } from '../../../components/Combobox';
import { TermLabel } from './TermLabel';
import { TermPicker } from './TermPicker';
import { splitList, useLookup, type TermFieldProps } from './useLookup';

const SUGGESTIONS = 12;

/** 主题词: the library's subject list as you type, and any other subject as typed. */
export function SubjectPicker({ values, onValues, text, onText, lookup }: TermFieldProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const query = text.trim();
  const matches = useLookup(lookup, 'subjects', query, SUGGESTIONS, open).filter(
    (m) => !values.includes(m.value),
  );
  const typed = query && !matches.some((m) => m.value === query) ? query : null;
  const rows: ComboboxRow[] = matches.map((match) => ({
    key: match.value,
    content: <TermLabel match={match} />,
  }));
  if (typed) rows.push({ key: '\u0000typed', content: t('picker.useTyped', { text: typed }) });
  return (
    <TermPicker
      inputId="item-subjects"
      label={t('item.fields.subjects')}
      chosenLabel={t('picker.chosenSubjects')}
      placeholder={t('picker.subjectPlaceholder')}
      popup="listbox"
      popupLabel={t('picker.subjectSuggestions')}
      values={values}
      onValues={onValues}
      text={text}
      onText={onText}
      open={open}
      onOpenChange={setOpen}
      rows={rows}
      valuesOf={(index) => (index < matches.length ? [matches[index]!.value] : splitList(query))}
    />
  );
}
