import { type ReactNode } from 'react';
import { Combobox, type ComboboxRow } from '../../../components/Combobox';
import { ValueChips } from './ValueChips';
import { splitList, withValues } from './useLookup';

interface Props {
  inputId: string;
  label: string;
  chosenLabel: string;
  placeholder: string;
  popup: 'listbox' | 'tree';
  popupLabel: string;
  values: string[];
  onValues: (values: string[]) => void;
  /** Typed but not yet added; the form keeps it, so saving takes it too. */
  text: string;
  onText: (text: string) => void;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  rows: ComboboxRow[];
  firstRow?: number;
  /** The values a row adds. */
  valuesOf: (index: number) => string[];
  onToggle?: (index: number) => void;
  children?: ReactNode;
}

/**
 * A list field edited as chips: suggestions or the text as typed are added, Backspace in the empty
 * box takes the last chip away. Used for places and subjects.
 */
export function TermPicker({
  inputId,
  label,
  chosenLabel,
  values,
  onValues,
  text,
  onText,
  valuesOf,
  ...rest
}: Props) {
  const add = (added: string[]) => {
    onValues(withValues(values, added));
    onText('');
  };
  const focusBox = () => document.getElementById(inputId)?.focus();
  return (
    <div className="picker">
      <label htmlFor={inputId}>{label}</label>
      <ValueChips
        values={values}
        label={chosenLabel}
        onRemove={(index) => {
          onValues(values.filter((_, i) => i !== index));
          focusBox();
        }}
      />
      <Combobox
        {...rest}
        inputId={inputId}
        value={text}
        onChange={onText}
        onPick={(index) => add(valuesOf(index))}
        onEnter={() => add(splitList(text))}
        onBackspaceEmpty={() => onValues(values.slice(0, -1))}
      />
    </div>
  );
}
