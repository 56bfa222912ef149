import { useTranslation } from 'react-i18next';
import type { Volume, VolumeCounts } from '../../../../electron/contract';
import { PAGE_SIZE_NAMES, SCRIPT_MODES } from '../../../../electron/contract/shared';
import { CompilePanel } from '../compile/CompilePanel';
import { ExportDocx } from '../compile/ExportDocx';
import { CopyrightFields } from './CopyrightFields';
import { PageStylePanel } from './PageStylePanel';
import { SectionEditor } from './SectionEditor';
import { MatterFields, TitlePageFields } from './VolumeFrontFields';
import { useArticleTitles } from './useArticleTitles';
import { useVolumeDraft } from './useVolumeDraft';
import { TitleChecks, type TitleCheckList } from './TitleChecks';

interface Props {
  volume: Volume;
  counts: VolumeCounts;
  titleChecks: TitleCheckList;
  readOnly: boolean;
  onSaved: (volume: Volume) => void;
}

/**
 * Edits one volume: its title page, 编委会, 前言/后记, page style, and the order of sections and
 * articles (drag and drop, or the move buttons from the keyboard); then compiles it as saved.
 */
export function VolumeEditor({ volume, counts, titleChecks, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const draft = useVolumeDraft(volume, onSaved);
  const titles = useArticleTitles(volume);
  return (
    <form
      className="volume-editor"
      aria-label={t('volumes.editorLabel', { title: volume.title })}
      onSubmit={(e) => {
        e.preventDefault();
        void draft.save();
      }}
    >
      <TitlePageFields volume={draft} readOnly={readOnly} />
      <CopyrightFields volume={draft} readOnly={readOnly} />
      <MatterFields volume={draft} readOnly={readOnly} />
      <PageStylePanel
        page={draft.draft.page}
        sizes={PAGE_SIZE_NAMES}
        scripts={SCRIPT_MODES}
        disabled={readOnly}
        onChange={(page) => draft.update({ page })}
      />
      <fieldset disabled={readOnly}>
        <legend>{t('volumes.contents', { chars: counts.total })}</legend>
        <ol className="sections">
          {draft.draft.sections.map((section, s) => (
            <SectionEditor
              key={section.id}
              volume={draft}
              section={section}
              index={s}
              counts={counts}
              titles={titles}
              readOnly={readOnly}
            />
          ))}
        </ol>
        <button type="button" className="secondary" onClick={draft.addSection}>
          {t('volumes.addSection')}
        </button>
      </fieldset>
      <div className="row">
        <button type="submit" className="primary" disabled={readOnly}>
          {t('volumes.save')}
        </button>
      </div>
      <TitleChecks titles={titleChecks} />
      <CompilePanel target={{ volumeId: volume.id, title: volume.title }} preview />
      <ExportDocx target={{ volumeId: volume.id }} />
    </form>
  );
}
