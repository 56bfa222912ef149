import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';

type Comparison = OpOutput<'items.compareDuplicate'>;
type Row = Comparison['rows'][number];

/** A changed line with what differs from the line beside it marked: the common start and end stay plain. */
function Marked({ text, other, tag }: { text: string; other: string; tag: 'del' | 'ins' }) {
  let start = 0;
  while (start < text.length && start < other.length && text[start] === other[start]) start++;
  let end = 0;
  while (
    end < text.length - start &&
    end < other.length - start &&
    text[text.length - 1 - end] === other[other.length - 1 - end]
  )
    end++;
  const Tag = tag;
  return (
    <>
      {text.slice(0, start)}
      <Tag>{text.slice(start, text.length - end)}</Tag>
      {text.slice(text.length - end)}
    </>
  );
}

function CompareRow({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (row.type === 'skipped')
    return (
      <tr className="skipped">
        <td colSpan={4}>{t('duplicate.skipped', { count: row.count })}</td>
      </tr>
    );
  if (row.type === 'same')
    return (
      <tr className="same">
        <th scope="row">{row.left}</th>
        <td>{row.text}</td>
        <th scope="row">{row.right}</th>
        <td>{row.text}</td>
      </tr>
    );
  return (
    <tr className="changed">
      <th scope="row">{row.left?.line}</th>
      <td>{row.left && <Marked text={row.left.text} other={row.right?.text ?? ''} tag="del" />}</td>
      <th scope="row">{row.right?.line}</th>
      <td>{row.right && <Marked text={row.right.text} other={row.left?.text ?? ''} tag="ins" />}</td>
    </tr>
  );
}

/** The earlier item's text beside the flagged one's, line by line, only the differing lines with a little context. */
export function DuplicateCompare({ comparison }: { comparison: Comparison }) {
  const { t } = useTranslation();
  const { item, other } = comparison;
  return (
    <div className="duplicate-compare">
      {comparison.identical && <p className="field-note">{t('duplicate.identical')}</p>}
      <table aria-label={t('duplicate.compareTitle')}>
        <thead>
          <tr>
            <th colSpan={2} scope="colgroup">
              {t('duplicate.left', { identifier: other.identifier, title: other.title })}
            </th>
            <th colSpan={2} scope="colgroup">
              {t('duplicate.right', { identifier: item.identifier, title: item.title })}
            </th>
          </tr>
        </thead>
        <tbody>
          {comparison.rows.map((row, i) => (
            <CompareRow key={i} row={row} />
          ))}
        </tbody>
      </table>
      {comparison.more > 0 && <p className="field-note">{t('duplicate.more', { count: comparison.more })}</p>}
    </div>
  );
}
