import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface ComboboxRow {
  key: string;
  content: ReactNode;
  /** Tree popups: the row's depth, from 1. */
  level?: number;
  /** Tree popups: whether the row's children show; undefined for a row without children. */
  expanded?: boolean;
}

interface Props {
  inputId: string;
  value: string;
  onChange: (text: string) => void;
  placeholder?: string;
  /** For a box without a visible <label>. */
  ariaLabel?: string;
  popup: 'listbox' | 'tree';
  popupLabel: string;
  rows: ComboboxRow[];
  /** Where ↓ from the box lands: a filtered tree skips the parents shown only for context. */
  firstRow?: number;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onPick: (index: number) => void;
  /** Enter with no row chosen: the text is taken as typed. */
  onEnter: () => void;
  /** Backspace in the empty box. */
  onBackspaceEmpty?: () => void;
  /** Tree popups: shows or hides a row's children. */
  onToggle?: (index: number) => void;
  /** Controls beside the box (a button that opens the popup). */
  children?: ReactNode;
}

/**
 * A text box with suggestions (WAI-ARIA combobox): typing filters, ↓ ↑ move through the
 * suggestions, Enter takes the one chosen (or the text as typed), Esc closes the list. Focus
 * stays in the box; the chosen row is announced through aria-activedescendant. A tree popup
 * also opens and closes branches with → ←.
 */
export function Combobox({
  inputId,
  value,
  onChange,
  placeholder,
  ariaLabel,
  popup,
  popupLabel,
  rows,
  firstRow = 0,
  open,
  onOpenChange,
  onPick,
  onEnter,
  onBackspaceEmpty,
  onToggle,
  children,
}: Props) {
  const [active, setActive] = useState(-1);
  const root = useRef<HTMLDivElement>(null);
  const popupId = `${inputId}-popup`;
  const rowId = (index: number) => `${inputId}-row-${index}`;
  const shown = open && rows.length > 0;
  const current = shown && active < rows.length ? active : -1;

  useEffect(() => {
    if (current >= 0)
      document.getElementById(`${inputId}-row-${current}`)?.scrollIntoView?.({ block: 'nearest' });
  }, [current, inputId]);

  /** A choice made closes the list; typing or ↓ opens it again for the next one. */
  function pick(index: number) {
    onPick(index);
    setActive(-1);
    onOpenChange(false);
  }

  /** ← on a row: close it when open, else go to its parent. */
  function treeLeft(index: number) {
    const row = rows[index]!;
    if (row.expanded) return onToggle?.(index);
    const level = row.level ?? 1;
    for (let i = index - 1; i >= 0; i--) if ((rows[i]!.level ?? 1) < level) return setActive(i);
  }

  /** → on a row: open it when closed, else go to its first child. */
  function treeRight(index: number) {
    const row = rows[index]!;
    if (row.expanded === false) onToggle?.(index);
    else if (row.expanded) setActive(Math.min(index + 1, rows.length - 1));
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    // While an input method composes (pinyin → 汉字), its keys belong to it: Enter commits its text.
    if (event.nativeEvent.isComposing) return;
    const handled = () => event.preventDefault();
    switch (event.key) {
      case 'ArrowDown':
        handled();
        if (!open) {
          onOpenChange(true);
          setActive(firstRow);
        } else setActive(current < 0 ? firstRow : Math.min(current + 1, rows.length - 1));
        return;
      case 'ArrowUp':
        if (!shown) return;
        handled();
        setActive(Math.max(current - 1, -1));
        return;
      case 'Home':
      case 'End':
        if (current < 0) return;
        handled();
        setActive(event.key === 'Home' ? 0 : rows.length - 1);
        return;
      case 'ArrowLeft':
      case 'ArrowRight':
        // Only while a row is chosen; otherwise the arrows move the caret in the text.
        if (popup !== 'tree' || current < 0) return;
        handled();
        if (event.key === 'ArrowLeft') treeLeft(current);
        else treeRight(current);
        return;
      case 'Enter':
        if (current >= 0) {
          handled();
          pick(current);
        } else if (value.trim()) {
          handled();
          onEnter();
          onOpenChange(false);
        }
        return;
      case 'Escape':
        if (!open) return;
        handled();
        onOpenChange(false);
        setActive(-1);
        return;
      case 'Backspace':
        if (value === '' && onBackspaceEmpty) {
          handled();
          onBackspaceEmpty();
        }
        return;
    }
  }

  const rowRole = popup === 'tree' ? 'treeitem' : 'option';
  return (
    <div
      className="combobox"
      ref={root}
      onBlur={(event) => {
        if (!root.current?.contains(event.relatedTarget as Node | null)) onOpenChange(false);
      }}
    >
      <div className="combobox-entry">
        <input
          id={inputId}
          role="combobox"
          autoComplete="off"
          aria-label={ariaLabel}
          aria-expanded={shown}
          aria-controls={popupId}
          aria-haspopup={popup}
          aria-autocomplete="list"
          aria-activedescendant={current >= 0 ? rowId(current) : undefined}
          placeholder={placeholder}
          value={value}
          onChange={(event) => {
            onChange(event.target.value);
            setActive(-1);
            onOpenChange(true);
          }}
          onKeyDown={onKeyDown}
        />
        {children}
      </div>
      {shown && (
        <ul id={popupId} role={popup} aria-label={popupLabel} className={`combobox-popup ${popup}`}>
          {rows.map((row, index) => (
            <li
              key={row.key}
              id={rowId(index)}
              role={rowRole}
              aria-selected={index === current}
              aria-level={popup === 'tree' ? (row.level ?? 1) : undefined}
              aria-expanded={popup === 'tree' ? row.expanded : undefined}
              className={index === current ? 'active' : undefined}
              style={popup === 'tree' ? { paddingLeft: `${(row.level ?? 1) * 1.1 - 0.6}rem` } : undefined}
              // Clicks keep the focus in the box, so typing can go on.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => pick(index)}
            >
              {popup === 'tree' && (
                <span
                  className="twisty"
                  aria-hidden="true"
                  onClick={(event) => {
                    if (row.expanded === undefined) return;
                    event.stopPropagation();
                    onToggle?.(index);
                  }}
                >
                  {row.expanded === undefined ? '' : row.expanded ? '▾' : '▸'}
                </span>
              )}
              {row.content}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
