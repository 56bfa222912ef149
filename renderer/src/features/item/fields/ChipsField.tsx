import { useTranslation } from 'react-i18next';
import { PlacePicker } from '../pickers/PlacePicker';
import { SubjectPicker } from '../pickers/SubjectPicker';
import { TermPicker } from '../pickers/TermPicker';
import { splitList, type TermFieldProps } from '../pickers/useLookup';

interface Props extends TermFieldProps {
  id: string;
  label: string;
  vocabulary?: 'places' | 'subjects';
}

/**
 * A list of names as chips: places and subjects offer the library's names as you type; the other
 * lists (机构, 关键词, 专题, 标签) take what is typed, several at once with 、 or commas.
 */
export function ChipsField({ id, label, vocabulary, ...props }: Props) {
  const { t } = useTranslation();
  if (vocabulary === 'places') return <PlacePicker {...props} />;
  if (vocabulary === 'subjects') return <SubjectPicker {...props} />;
  return (
    <TermPicker
      inputId={id}
      label={label}
      chosenLabel={t('form.chosen', { field: label })}
      placeholder={t('form.chipPlaceholder')}
      popup="listbox"
      popupLabel={label}
      values={props.values}
      onValues={props.onValues}
      text={props.text}
      onText={props.onText}
      open={false}
      onOpenChange={() => undefined}
      rows={[]}
      valuesOf={() => splitList(props.text)}
    />
  );
}
