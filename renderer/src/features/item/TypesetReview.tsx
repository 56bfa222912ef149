import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';

type TypesetEdit = OpOutput<'items.cleanupDiff'>['typeset'][number];
const CONTEXT = 12;
const KINDS = ['punctuation', 'quotes', 'linebreaks'] as const;
type Kind = (typeof KINDS)[number];

export interface TypesetValue {
  kind: Kind;
  count: number;
  unbalancedQuotes?: number;
}

export function typesetValue(value: unknown): TypesetValue | null {
  const kind = (value as { kind?: unknown } | null)?.kind;
  return KINDS.includes(kind as Kind) ? (value as TypesetValue) : null;
}

/** What a typesetting suggestion would change, in the reader's language. */
export function TypesetLabel({ value }: { value: TypesetValue }) {
  const { t } = useTranslation();
  const count = value.kind === 'quotes' ? value.count / 2 : value.count;
  return (
    <span className="suggestion-source">
      {t(`review.typeset.${value.kind}`, { count })}
      {value.unbalancedQuotes ? ` ${t('review.typeset.unbalanced', { count: value.unbalancedQuotes })}` : ''}
    </span>
  );
}

/** Each change of one kind in the current text: what goes struck through, what comes in marked. */
export function TypesetDiff({ text, edits, kind }: { text: string; edits: TypesetEdit[]; kind: Kind }) {
  const { t } = useTranslation();
  return (
    <ol className="cleanup-diff">
      {edits
        .filter((edit) => edit.reason === kind)
        .slice(0, 200)
        .map((edit) => (
          <li key={edit.start}>
            {text.slice(Math.max(0, edit.start - CONTEXT), edit.start)}
            <del>{edit.removed === '\n' ? t('review.typeset.lineBreak') : edit.removed}</del>
            {edit.inserted && <ins>{edit.inserted}</ins>}
            {text.slice(edit.start + edit.removed.length, edit.start + edit.removed.length + CONTEXT)}
          </li>
        ))}
    </ol>
  );
}

/** 「排版清理」: offers the typesetting cleanups for the text as it is now; nothing changes until accepted. */
export function OfferTypesetButton({ id, onChanged }: { id: string; onChanged: () => void }) {
  const { t } = useTranslation();
  const { showError } = useMessages();
  async function offer() {
    try {
      await api.call('items.offerTypeset', { id });
      onChanged();
    } catch (error) {
      showError(error);
    }
  }
  return (
    <button
      type="button"
      className="secondary small"
      title={t('review.offerTypesetHint')}
      onClick={() => void offer()}
    >
      {t('review.offerTypeset')}
    </button>
  );
}
