import { useEffect, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 200;

/** Search as you type (debounced); Enter moves to the results. Ctrl+K (useAppCommands) focuses `inputRef`. */
export function SearchBox({
  inputRef,
  value,
  onChange,
  onSearch,
  onEnter,
}: {
  inputRef: RefObject<HTMLInputElement | null>;
  value: string;
  onChange: (value: string) => void;
  onSearch: (query: string) => void;
  onEnter?: () => void;
}) {
  const { t } = useTranslation();

  useEffect(() => {
    const timer = setTimeout(() => onSearch(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, onSearch]);

  return (
    <form
      className="search-box"
      role="search"
      onSubmit={(e) => {
        e.preventDefault();
        // Enter runs the search at once (no debounce) and then moves to the results.
        onSearch(value.trim());
        onEnter?.();
      }}
    >
      <input
        ref={inputRef}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
      />
    </form>
  );
}
