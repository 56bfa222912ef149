import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { DateFieldName, DatePeriod, DateWarning } from '../../../../electron/contract';
import { dateWarnings, formatFuzzyDate, parseFuzzyDate } from '../../../../electron/contract/shared';

interface Props {
  label: string;
  /** The wording as typed: 1984年春, 民国三十八年, 文革期间. */
  value: string;
  onChange: (value: string) => void;
  /** Which date this is, so the right comparisons are made. */
  field?: DateFieldName;
  /** The item's other dates (EDTF), for warnings such as an event after the item was made. */
  related?: Partial<Record<DateFieldName, string>>;
  /** The library's named periods; the built-in table when not given. */
  periods?: readonly DatePeriod[];
  /** Today as YYYY-MM-DD; the computer's date when not given. */
  today?: string;
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Whether a warning is about this field: its own, or a comparison it takes part in. */
function concerns(warning: DateWarning, field: DateFieldName): boolean {
  if (warning.field === field) return true;
  if (warning.code === 'eventAfterCreated') return field === 'createdDate';
  if (warning.code === 'releaseBeforeInterview') return field === 'oral.interviewDate';
  return false;
}

/**
 * A date typed as 文史 workers write it, with what it will be read as beneath: 「= 1949年」, or
 * that it will be kept as written when it cannot be read (it is saved either way), and a warning
 * when it lies in the future or conflicts with the item's other dates.
 */
export function DateInput({
  label,
  value,
  onChange,
  field = 'eventDate',
  related = {},
  periods,
  today,
}: Props) {
  const { t } = useTranslation();
  const noteId = useId();
  const parsed = value.trim() ? parseFuzzyDate(value, periods ? { periods } : {}) : null;
  const warnings = parsed?.ok
    ? dateWarnings({ ...related, [field]: parsed.edtf }, today ?? localToday()).filter((w) =>
        concerns(w, field),
      )
    : [];
  return (
    <>
      <label>
        {label}
        <input
          value={value}
          placeholder={t('item.dateHint')}
          onChange={(e) => onChange(e.target.value)}
          aria-describedby={noteId}
        />
      </label>
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
    </>
  );
}
