import { useTranslation } from 'react-i18next';
import type { FormSettings } from '../../../../electron/contract';
import { ItemPanel } from './ItemPanel';
import type { ItemEditor } from './useItemEditor';

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
          onOpen={editor.open}
        />
      )}
    </aside>
  );
}
