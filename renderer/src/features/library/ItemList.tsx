import { useTranslation } from 'react-i18next';
import { formatFuzzyDate } from '../../../../electron/api/contract';
import type { ItemSummary } from './useItems';

interface Props {
  items: ItemSummary[];
  selectedId: string | null;
  checked: ReadonlySet<string>;
  emptyText: string;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
}

export function ItemList({ items, selectedId, checked, emptyText, onSelect, onToggle }: Props) {
  const { t } = useTranslation();
  if (items.length === 0) return <p className="empty">{emptyText}</p>;
  return (
    <table className="item-table" aria-label={t('list.label')}>
      <thead>
        <tr>
          <th scope="col" className="check-col" />
          <th scope="col">{t('list.columns.title')}</th>
          <th scope="col">{t('list.columns.kind')}</th>
          <th scope="col">{t('list.columns.date')}</th>
          <th scope="col">{t('list.columns.place')}</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr key={item.id} className={item.id === selectedId ? 'selected' : undefined}>
            <td className="check-col">
              <input
                type="checkbox"
                checked={checked.has(item.id)}
                onChange={() => onToggle(item.id)}
                aria-label={t('list.select', { title: item.title })}
              />
            </td>
            <td>
              <button type="button" className="link item-title" onClick={() => onSelect(item.id)}>
                {item.title}
              </button>
            </td>
            <td>{t(`kind.${item.kind}`)}</td>
            <td>{item.eventDate && formatFuzzyDate(item.eventDate)}</td>
            <td>{item.places.join('、')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
