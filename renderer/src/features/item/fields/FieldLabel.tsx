import { useTranslation } from 'react-i18next';

/**
 * A field's name, and beside it (not in it, so the name stays the field's own) the mark of a
 * required field; assistive technology hears `aria-required` instead.
 */
export function FieldLabel({ id, label, required }: { id: string; label: string; required?: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <label htmlFor={id}>{label}</label>
      {required && (
        <span className="required-mark" aria-hidden="true">
          {t('form.required')}
        </span>
      )}
    </>
  );
}
