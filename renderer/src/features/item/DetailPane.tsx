import { useTranslation } from 'react-i18next';
import type { FormSettings } from '../../../../electron/contract';
import { ItemPanel } from './ItemPanel';
import type { ItemEditor } from './useItemEditor';

/** The right pane: the item open (or a new one), or a word that nothing is. */
export function DetailPane({
  editor,
  readOnly,
  formSettings,
}: {
  editor: ItemEditor;
  readOnly: boolean;
  formSettings?: FormSettings;
}) {
  const { t } = useTranslation();
  const { item } = editor;
  return (
    <aside className="detail-pane" aria-label={t('item.pane')}>
      {editor.mode === 'none' ? (
        <p className="empty">{t('item.nothingSelected')}</p>
      ) : (
        <ItemPanel
          key={item?.id ?? 'new'}
          item={item}
          readOnly={readOnly}
          lookup={editor.lookup}
          formSettings={formSettings}
          onSave={editor.save}
          onUpdate={editor.update}
          onDelete={item ? () => void editor.remove() : undefined}
          onDirty={editor.setDirty}
          onUndone={() => void editor.reload()}
        />
      )}
    </aside>
  );
}
