import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Whether a name is already among the item's people as 图中人物 (then it is not offered again). */
  isDepicted: (name: string) => boolean;
  onSave: (name: string, addToPeople: boolean) => Promise<void>;
  onCancel: () => void;
}

/** Names the box just drawn; the name is offered to the item's people list too. */
export function RegionNameForm({ isDepicted, onSave, onCancel }: Props) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [addToPeople, setAddToPeople] = useState(true);
  const [saving, setSaving] = useState(false);
  const trimmed = name.trim();

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!trimmed) return;
    setSaving(true);
    try {
      await onSave(trimmed, addToPeople && !isDepicted(trimmed));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form
      className="region-name"
      aria-label={t('viewer.regionName')}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key !== 'Escape') return;
        // Escape leaves the name, not the viewer's enlarged view or marking.
        e.stopPropagation();
        onCancel();
      }}
    >
      <label>
        {t('viewer.regionName')}
        <input value={name} maxLength={100} autoFocus onChange={(e) => setName(e.target.value)} />
      </label>
      {trimmed && !isDepicted(trimmed) && (
        <label className="checkbox">
          <input type="checkbox" checked={addToPeople} onChange={(e) => setAddToPeople(e.target.checked)} />
          {t('viewer.addToPeople')}
        </label>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={!trimmed || saving}>
          {t('viewer.saveRegion')}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          {t('viewer.cancel')}
        </button>
      </div>
    </form>
  );
}
