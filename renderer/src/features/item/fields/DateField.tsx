import { useTranslation } from 'react-i18next';
import type { DateFieldName } from '../../../../../electron/contract';
import {
  DATE_FIELD_NAMES,
  dateWarnings,
  formatFuzzyDate,
  parseFuzzyDate,
} from '../../../../../electron/contract/shared';
import { FieldLabel } from './FieldLabel';

interface Props {
  id: string;
  /** The field's path in the item (eventDate, oral.interviewDate), for comparisons with the others. */
  path: string;
  label: string;
  /** The date as a person writes it (1984年春, 民国三十八年): saved as written, read by the core. */
  value: string;
  /** The form's other values by path, for warnings such as an event after the item was made. */
  related: Record<string, unknown>;
  onChange: (value: string) => void;
  required?: boolean;
  missing?: boolean;
  /** Today as YYYY-MM-DD; the computer's date when not given. */
  today?: string;
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The item's other dates, as read, by field. */
function readDates(related: Record<string, unknown>): Partial<Record<DateFieldName, string>> {
  const out: Partial<Record<DateFieldName, string>> = {};
  for (const name of DATE_FIELD_NAMES) {
    const value = related[name];
    const parsed = typeof value === 'string' && value.trim() ? parseFuzzyDate(value) : null;
    if (parsed?.ok) out[name] = parsed.edtf;
  }
  return out;
}

/**
 * A date field: takes and gives the wording, and says how it is read as it is typed. A date that
 * cannot be read is kept as written (and listed for review), never refused; one in the future or
 * out of order with the item's other dates is flagged. Every date of the form goes through here.
 */
export function DateField({ id, path, label, value, related, onChange, required, missing, today }: Props) {
  const { t } = useTranslation();
  const parsed = value.trim() ? parseFuzzyDate(value) : null;
  const field = (DATE_FIELD_NAMES as readonly string[]).includes(path) ? (path as DateFieldName) : null;
  const warnings =
    parsed?.ok && field
      ? dateWarnings({ ...readDates(related), [field]: parsed.edtf }, today ?? localToday()).filter(
          (w) => w.field === field,
        )
      : [];
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
        aria-invalid={missing || undefined}
        aria-describedby={noteId}
      />
      <p id={noteId} className={parsed?.ok === false || warnings.length ? 'field-warning' : 'field-note'}>
        {parsed === null
          ? t('item.dateHint')
          : parsed.ok
            ? t('item.dateReadAs', {
                date: formatFuzzyDate(parsed.edtf),
                start: parsed.range.start,
                end: parsed.range.end,
              })
            : t('item.dateUnread')}
        {warnings.map((w) => (
          <span key={w.code} className="date-warning" role="status">
            {' '}
            {t(`item.dateWarning.${w.code}`)}
          </span>
        ))}
      </p>
    </div>
  );
}
