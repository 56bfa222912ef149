import { useTranslation } from 'react-i18next';
import type { OpOutput } from '../../../../electron/contract';

/** How the library reads a register: each column's meaning, and the rows it cannot take, by row number. */
export function RegisterPreview({ preview }: { preview: OpOutput<'registers.preview'> }) {
  const { t } = useTranslation();
  const faulty = preview.rows.filter((r) => r.errors.length > 0);
  return (
    <div className="register-preview">
      <table className="register-columns">
        <caption>{t('tools.register.columns')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('tools.register.header')}</th>
            <th scope="col">{t('tools.register.field')}</th>
          </tr>
        </thead>
        <tbody>
          {preview.columns.map((c, i) => (
            <tr key={`${i}:${c.header}`} className={c.known ? undefined : 'unknown'}>
              <td>{c.header}</td>
              <td>{c.field ?? t('tools.register.unknown')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        {t('tools.register.rows', {
          count: preview.valid + preview.invalid,
          valid: preview.valid,
          invalid: preview.invalid,
        })}
      </p>
      {faulty.length > 0 && (
        <ul className="register-errors">
          {faulty.flatMap((r) =>
            r.errors.map((error, i) => (
              <li key={`${r.row}:${i}`}>
                {t('tools.register.rowError', { row: r.row, title: r.title, error })}
              </li>
            )),
          )}
        </ul>
      )}
    </div>
  );
}
