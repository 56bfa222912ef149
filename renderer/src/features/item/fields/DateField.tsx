import { useTranslation } from 'react-i18next';
import { formatFuzzyDate, parseFuzzyDate } from '../../../../../electron/contract/shared';
import { FieldLabel } from './FieldLabel';

interface Props {
  id: string;
  label: string;
  /** The date as a person writes it (1984年春); what is stored is the core's business. */
  value: string;
  onChange: (value: string) => void;
  required?: boolean;
  missing?: boolean;
}

/** Whether a date as written can be read (empty is fine): the form does not save one that cannot. */
export function dateReadable(value: string): boolean {
  return !value.trim() || parseFuzzyDate(value).ok;
}

/**
 * A date field: takes and gives the wording, and says how it is read as it is typed. Every date of
 * the form goes through here, so the way dates are entered can change in one place.
 */
export function DateField({ id, label, value, onChange, required, missing }: Props) {
  const { t } = useTranslation();
  const parsed = value.trim() ? parseFuzzyDate(value) : null;
  const noteId = `${id}-note`;
  return (
    <div className="field">
      <FieldLabel id={id} label={label} required={required} />
      <input
        id={id}
        value={value}
        placeholder={t('item.dateHint')}
        onChange={(e) => onChange(e.target.value)}
        aria-required={required || undefined}
        aria-invalid={parsed?.ok === false || missing || undefined}
        aria-describedby={noteId}
      />
      <p
        id={noteId}
        className={parsed?.ok === false ? 'field-error' : 'field-note'}
        role={parsed?.ok === false ? 'alert' : undefined}
      >
        {parsed === null
          ? t('item.dateHint')
          : parsed.ok
            ? t('item.dateReadAs', {
                date: formatFuzzyDate(parsed.edtf),
                start: parsed.range.start,
                end: parsed.range.end,
              })
            : t('item.dateInvalid')}
      </p>
    </div>
  );
}
