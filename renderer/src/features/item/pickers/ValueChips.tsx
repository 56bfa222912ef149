import { useTranslation } from 'react-i18next';

/** Chosen values (places, subjects) as chips, each with a button that takes it out. */
export function ValueChips({
  values,
  label,
  onRemove,
}: {
  values: readonly string[];
  label: string;
  onRemove: (index: number) => void;
}) {
  const { t } = useTranslation();
  if (values.length === 0) return null;
  return (
    <ul className="chips" aria-label={label}>
      {values.map((value, index) => (
        <li key={value} className="chip">
          <span className="chip-name">{value}</span>
          <button
            type="button"
            className="chip-button"
            aria-label={t('picker.remove', { name: value })}
            onClick={() => onRemove(index)}
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  );
}
