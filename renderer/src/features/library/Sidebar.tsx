import { useTranslation } from 'react-i18next';
import { ITEM_KINDS, type ItemKind } from '../../../../electron/api/contract';

export function Sidebar({
  kind,
  onKind,
}: {
  kind: ItemKind | undefined;
  onKind: (kind: ItemKind | undefined) => void;
}) {
  const { t } = useTranslation();
  const entries: { key: ItemKind | undefined; label: string }[] = [
    { key: undefined, label: t('nav.all') },
    ...ITEM_KINDS.map((k) => ({ key: k, label: t(`nav.${k}`) })),
  ];
  return (
    <nav className="sidebar" aria-label={t('nav.label')}>
      <ul>
        {entries.map((entry) => (
          <li key={entry.key ?? 'all'}>
            <button
              type="button"
              className={entry.key === kind ? 'nav-item active' : 'nav-item'}
              aria-current={entry.key === kind ? 'page' : undefined}
              onClick={() => onKind(entry.key)}
            >
              {entry.label}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
