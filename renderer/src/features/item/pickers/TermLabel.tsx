import { useTranslation } from 'react-i18next';
import type { VocabularyMatch } from './useLookup';

/** A suggestion as a row shows it: the name, what else helps to tell it apart, how often it is used. */
export function TermLabel({
  match,
  note,
  matched = false,
}: {
  match: VocabularyMatch;
  /** A role, a former name. */
  note?: string;
  /** Marks the rows that fit the typed text, in a tree that also shows their parents. */
  matched?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <span className={matched ? 'term-name matched' : 'term-name'}>{match.value}</span>
      {note && <span className="term-note">{note}</span>}
      {match.count > 0 && <span className="term-count">{t('picker.usedIn', { count: match.count })}</span>}
    </>
  );
}
