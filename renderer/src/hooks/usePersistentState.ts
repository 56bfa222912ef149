import { useEffect, useState } from 'react';

/** State remembered across restarts in localStorage (pane widths, view mode, columns, font size). */
export function usePersistentState<T>(key: string, initial: T): [T, (value: T | ((old: T) => T)) => void] {
  const [value, setValue] = useState<T>(() => readPersistent(key, initial));
  useEffect(() => {
    localStorage.setItem(`wenshi.${key}`, JSON.stringify(value));
  }, [key, value]);
  return [value, setValue];
}

/** A remembered value, or `initial` if none was saved (or it cannot be read). */
export function readPersistent<T>(key: string, initial: T): T {
  try {
    const saved = localStorage.getItem(`wenshi.${key}`);
    return saved === null ? initial : (JSON.parse(saved) as T);
  } catch {
    return initial;
  }
}
