import { useTranslation } from 'react-i18next';
import type { VolumeDraft } from './useVolumeDraft';

interface Props {
  volume: VolumeDraft;
  readOnly: boolean;
}

/** The title page: title, subtitle, series, compiler and 编委会 (the 版权页 is CopyrightFields). */
export function TitlePageFields({ volume, readOnly }: Props) {
  const { t } = useTranslation();
  const { draft, update } = volume;
  return (
    <fieldset disabled={readOnly}>
      <legend>{t('volumes.titlePage')}</legend>
      <label>
        {t('volumes.fields.title')}
        <input value={draft.title} required onChange={(e) => update({ title: e.target.value })} />
      </label>
      <label>
        {t('volumes.fields.subtitle')}
        <input value={draft.subtitle} onChange={(e) => update({ subtitle: e.target.value })} />
      </label>
      <label>
        {t('volumes.fields.series')}
        <input value={draft.series} onChange={(e) => update({ series: e.target.value })} />
      </label>
      <label>
        {t('volumes.fields.compiler')}
        <input value={draft.compiler} onChange={(e) => update({ compiler: e.target.value })} />
      </label>
      <label>
        {t('volumes.fields.board')}
        <textarea
          rows={3}
          value={volume.board}
          placeholder={t('volumes.boardHint')}
          onChange={(e) => volume.setBoard(e.target.value)}
        />
      </label>
    </fieldset>
  );
}

/** 前言, 后记 and whether the volume gets an index. */
export function MatterFields({ volume, readOnly }: Props) {
  const { t } = useTranslation();
  const { draft, update } = volume;
  return (
    <fieldset disabled={readOnly}>
      <legend>{t('volumes.matter')}</legend>
      <label>
        {t('volumes.fields.preface')}
        <textarea
          rows={5}
          value={draft.preface.text}
          onChange={(e) => update({ preface: { ...draft.preface, text: e.target.value } })}
        />
      </label>
      <label>
        {t('volumes.fields.afterword')}
        <textarea
          rows={4}
          value={draft.afterword.text}
          onChange={(e) => update({ afterword: { ...draft.afterword, text: e.target.value } })}
        />
      </label>
      <label className="inline">
        <input type="checkbox" checked={draft.index} onChange={(e) => update({ index: e.target.checked })} />
        {t('volumes.fields.index')}
      </label>
    </fieldset>
  );
}
