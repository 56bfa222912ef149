import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Item, OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { DuplicateCompare } from './DuplicateCompare';

/** What import put in a 「可能重复」 flag. */
interface DuplicateValue {
  of: string;
  identifier: string;
  title: string;
  similarity: number;
  exact: boolean;
}

/**
 * One 「可能重复」 flag in 待复核: which item it may duplicate and how alike they are, the two texts
 * side by side, 合并 (this item's files join the earlier item, this item goes) and 不是重复.
 */
export function DuplicateReview({
  item,
  index,
  readOnly,
  onChanged,
}: {
  item: Item;
  index: number;
  readOnly: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { showError, showInfo } = useMessages();
  const [comparison, setComparison] = useState<OpOutput<'items.compareDuplicate'> | null>(null);
  const value = item.suggestions[index]!.value as DuplicateValue;

  async function toggleCompare() {
    if (comparison) return setComparison(null);
    try {
      setComparison(await api.call('items.compareDuplicate', { id: item.id, index }));
    } catch (error) {
      showError(error);
    }
  }

  async function decide(merge: boolean) {
    try {
      await api.call('items.reviewSuggestion', { id: item.id, index, accept: merge });
      showInfo(merge ? t('duplicate.merged', { identifier: value.identifier }) : t('duplicate.dismissed'));
      onChanged();
    } catch (error) {
      showError(error);
    }
  }

  return (
    <li className="duplicate-flag">
      <span className="suggestion-source">
        {t('duplicate.label', { identifier: value.identifier, title: value.title })}
        {value.exact
          ? t('duplicate.exact')
          : t('duplicate.near', { percent: Math.floor(value.similarity * 100) })}
      </span>
      <button
        type="button"
        className="link"
        aria-expanded={comparison !== null}
        onClick={() => void toggleCompare()}
      >
        {t('duplicate.compare')}
      </button>
      {!readOnly && (
        <span className="review-actions">
          <button
            type="button"
            className="primary small"
            title={t('duplicate.mergeHint', { identifier: value.identifier })}
            onClick={() => void decide(true)}
          >
            {t('duplicate.merge')}
          </button>
          <button type="button" className="secondary small" onClick={() => void decide(false)}>
            {t('duplicate.notDuplicate')}
          </button>
        </span>
      )}
      {comparison && <DuplicateCompare comparison={comparison} />}
    </li>
  );
}
