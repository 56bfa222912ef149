import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FormSettings } from '../../../../electron/contract';
import type { ItemEditor } from './useItemEditor';
import { lazyNamed } from '../../components/lazyNamed';

// The form (with the date reader and its calendar) loads when the first item opens.
const ItemPanel = lazyNamed(() => import('./ItemPanel'), 'ItemPanel');

/** The right pane: the item open (or a new one), or a word that nothing is. */
export function DetailPane({
  editor,
  readOnly,
  selectedCount,
  formSettings,
}: {
  editor: ItemEditor;
  readOnly: boolean;
  /** Rows selected in the list: with several, the pane says so rather than show one of them. */
  selectedCount: number;
  formSettings?: FormSettings;
}) {
  const { t } = useTranslation();
  const { item } = editor;
  // Links followed from the pane, so Alt+← (or the button) goes back the way it came; an item
  // opened any other way ends the trail.
  const [trail, setTrail] = useState<{ from: { id: string; title: string }; to: string }[]>([]);
  const last = trail.at(-1);
  const back = last && last.to === item?.id ? last.from : undefined;
  const follow = (id: string) => {
    if (item) setTrail((steps) => [...(back ? steps : []), { from: { id: item.id, title: item.title }, to: id }]);
    editor.open(id);
  };
  const goBack = () => {
    if (!back) return;
    setTrail((steps) => steps.slice(0, -1));
    editor.open(back.id);
  };
  useEffect(() => {
    if (!back) return;
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.key !== 'ArrowLeft' || event.ctrlKey || event.metaKey || event.shiftKey) return;
      // In a text box Alt+← belongs to the box.
      if ((event.target as HTMLElement | null)?.closest('input, textarea, [contenteditable="true"]')) return;
      event.preventDefault();
      goBack();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  return (
    <aside className="detail-pane" aria-label={t('item.pane')}>
      {editor.mode === 'none' ? (
        <p className="empty">{t('item.nothingSelected')}</p>
      ) : selectedCount > 1 && !editor.dirty ? (
        // Unsaved typing keeps its form; otherwise the pane shows what the bulk edit will act on.
        <p className="empty" role="status">
          {t('item.manySelected', { count: selectedCount })}
        </p>
      ) : (
        <ItemPanel
          key={item?.id ?? 'new'}
          item={item}
          focus={editor.focus}
          readOnly={readOnly}
          lookup={editor.lookup}
          formSettings={formSettings}
          onSave={editor.save}
          onUpdate={editor.update}
          onDelete={item ? () => void editor.remove() : undefined}
          onDirty={editor.setDirty}
          onUndone={() => void editor.reload()}
          onOpen={follow}
          back={back}
          onBack={goBack}
        />
      )}
    </aside>
  );
}
