import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

const DEBOUNCE_MS = 200;

/** Search as you type (debounced); Ctrl+K or Ctrl+F focuses it from anywhere; Enter moves to the results. */
export function SearchBox({
  value,
  onChange,
  onSearch,
  onEnter,
}: {
  value: string;
  onChange: (value: string) => void;
  onSearch: (query: string) => void;
  onEnter?: () => void;
}) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const timer = setTimeout(() => onSearch(value.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [value, onSearch]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && (event.key === 'k' || event.key === 'f')) {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

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
        ref={input}
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={t('search.placeholder')}
        aria-label={t('search.label')}
      />
    </form>
  );
}
