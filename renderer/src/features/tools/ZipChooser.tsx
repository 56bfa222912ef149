import { useTranslation } from 'react-i18next';

/** Browser mode's way to give a tool a backup: a .zip chosen from this computer. */
export function ZipChooser({
  label,
  disabled,
  onChosen,
}: {
  label: string;
  disabled: boolean;
  onChosen: (file: File) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className={`button primary${disabled ? ' disabled' : ''}`} title={t('tools.choose')}>
      {label}
      <input
        type="file"
        accept=".zip,application/zip"
        className="visually-hidden"
        disabled={disabled}
        onChange={(e) => {
          const file = e.target.files?.[0];
          e.target.value = '';
          if (file) onChosen(file);
        }}
      />
    </label>
  );
}
