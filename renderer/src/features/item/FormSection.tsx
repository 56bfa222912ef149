import { useTranslation } from 'react-i18next';
import type { FormField, FormGroup } from '../../../../electron/contract';
import { FieldInput, type FieldInputProps } from './fields/FieldInput';

interface Props extends Omit<FieldInputProps, 'field' | 'missing'> {
  group: FormGroup;
  fields: FormField[];
  open: boolean;
  onToggle: (open: boolean) => void;
  /** Paths of required fields left empty, marked once the form says so. */
  missing: ReadonlySet<string>;
}

/**
 * One section of the form (题名与责任, 来源与授权 …), opened and closed from its heading with the
 * keyboard as with the mouse. A closed section that holds a missing required field opens itself.
 */
export function FormSection({ group, fields, open, onToggle, missing, ...inputProps }: Props) {
  const { t } = useTranslation();
  const hasMissing = fields.some((f) => missing.has(f.path));
  return (
    <details
      className="form-section"
      open={open || hasMissing}
      onToggle={(e) => onToggle((e.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <h3>{t(`form.group.${group}`)}</h3>
      </summary>
      <div className="form-fields">
        {fields.map((field) => (
          <div key={field.path} className="form-field" data-field={field.path}>
            <FieldInput field={field} missing={missing.has(field.path)} {...inputProps} />
          </div>
        ))}
      </div>
    </details>
  );
}
