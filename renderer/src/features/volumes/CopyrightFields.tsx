import { useTranslation } from 'react-i18next';
import type { Volume } from '../../../../electron/contract';
import type { VolumeDraft } from './useVolumeDraft';

interface Props {
  volume: VolumeDraft;
  readOnly: boolean;
}

const FIELDS = ['publisher', 'printer', 'edition', 'impression', 'isbn'] as const;

/**
 * The 版权页 (版本记录) fields an editor fills in; 书名 and 编者 come from the title page, and
 * 开本, 印张 and 字数 are worked out when the volume is compiled.
 */
export function CopyrightFields({ volume, readOnly }: Props) {
  const { t } = useTranslation();
  const { draft, update } = volume;
  const copyright = draft.copyright;
  const set = (patch: Partial<Volume['copyright']>) => update({ copyright: { ...copyright, ...patch } });
  return (
    <fieldset disabled={readOnly}>
      <legend>{t('volumes.copyright.legend')}</legend>
      <p className="field-note">{t('volumes.copyright.computed')}</p>
      {FIELDS.map((key) => (
        <label key={key}>
          {t(`volumes.copyright.${key}`)}
          <input
            value={copyright[key]}
            placeholder={t(`volumes.copyright.${key}Hint`)}
            onChange={(e) => set({ [key]: e.target.value })}
          />
        </label>
      ))}
      <label>
        {t('volumes.copyright.cip')}
        <textarea
          rows={3}
          value={copyright.cip.join('\n')}
          onChange={(e) => set({ cip: e.target.value.split('\n') })}
        />
      </label>
      <label>
        {t('volumes.fields.imprint')}
        <textarea
          rows={2}
          value={draft.imprint.join('\n')}
          placeholder={t('volumes.copyright.imprintHint')}
          onChange={(e) => update({ imprint: e.target.value.split('\n') })}
        />
      </label>
    </fieldset>
  );
}
