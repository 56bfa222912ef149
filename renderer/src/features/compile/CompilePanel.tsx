import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { JobProgress } from '../../components/JobProgress';
import { CompiledFile } from './CompiledFile';
import { useCompile, type Compiled, type CompileTarget, type GarbledMode } from './useCompile';

const GARBLED_MODES: GarbledMode[] = ['stop', 'mark', 'asIs'];

interface Props {
  target: CompileTarget;
  /** Shows the PDF inside the page once made, where there is room for it (the volume editor). */
  preview?: boolean;
}

/**
 * The one place a PDF is compiled: a saved volume, or the selected items under a title typed here.
 * With progress, time left and cancel while it runs, and what was made when done.
 */
export function CompilePanel({ target, preview = false }: Props) {
  const { t } = useTranslation();
  const compile = useCompile(target);
  const reasonId = useId();
  const volume = 'volumeId' in target;
  const label = volume ? t('compile.runVolume') : t('compile.run');
  return (
    <section className={volume ? 'compile-panel volume-compile' : 'compile-panel'} aria-label={label}>
      {!volume && (
        <>
          <span className="selected-count" id={reasonId}>
            {compile.blocker ? t(compile.blocker) : t('compile.selected', { count: target.itemIds.length })}
          </span>
          <label>
            {t('compile.titleLabel')}
            <input value={compile.title} onChange={(e) => compile.setTitle(e.target.value)} />
          </label>
        </>
      )}
      <label>
        {t('compile.garbledLabel')}
        <select value={compile.garbled} onChange={(e) => compile.setGarbled(e.target.value as GarbledMode)}>
          {GARBLED_MODES.map((mode) => (
            <option key={mode} value={mode}>
              {t(`compile.garbledMode.${mode}`)}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className="primary"
        onClick={() => void compile.run()}
        disabled={compile.running || compile.blocker !== null}
        aria-describedby={compile.blocker ? reasonId : undefined}
        title={volume ? t('compile.runVolumeHint') : t(compile.blocker ?? 'compile.runHint')}
      >
        {label}
      </button>
      {compile.running && (
        <JobProgress
          progress={compile.progress}
          describe={({ phase, ...values }) => t(`compile.phase.${phase}`, values)}
          onCancel={compile.cancel}
        />
      )}
      {compile.compiled && <CompileResult compiled={compile.compiled} preview={preview} />}
    </section>
  );
}

/** What was made: its size, conversions, where the file is, what is missing, and the PDF itself. */
function CompileResult({ compiled, preview }: { compiled: Compiled; preview: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      <div className="compiled" role="status">
        <span>
          {t('compile.done', {
            title: compiled.title,
            pages: compiled.pages,
            articles: compiled.articles,
            figures: compiled.figures,
            chars: compiled.characters,
          })}
        </span>
        {compiled.script.mode !== 'keep' && (
          <span>{t(`compile.converted.${compiled.script.mode}`, { count: compiled.script.changed })}</span>
        )}
        <CompiledFile compiled={compiled} />
        {compiled.garbled.length > 0 && (
          <span className="warning">
            {t('compile.garbled', { articles: compiled.garbled.map((g) => `《${g.title}》`).join('、') })}
          </span>
        )}
        {compiled.titles.some((c) => c.problems.includes('fileName')) && (
          <span className="warning">
            {t('volumes.titleChecks.fileName', {
              titles: compiled.titles
                .filter((c) => c.problems.includes('fileName'))
                .map((c) => `《${c.title}》`)
                .join('、'),
            })}
          </span>
        )}
        {compiled.missingImages.length > 0 && (
          <span className="warning">
            {t('compile.missingImages', { files: compiled.missingImages.map((m) => m.article).join('、') })}
          </span>
        )}
        <FigureWarnings compiled={compiled} />
      </div>
      {preview && (
        <iframe
          className="pdf-preview"
          title={t('compile.preview')}
          src={api.previewUrl(compiled.fileName)}
        />
      )}
    </>
  );
}

/** Figures that will print soft (under 300 dpi at their size) or whose place in the text was guessed. */
function FigureWarnings({ compiled }: { compiled: Compiled }) {
  const { t } = useTranslation();
  return (
    <>
      {compiled.lowResolution.length > 0 && (
        <span className="warning">
          {t('compile.lowResolution', {
            figures: compiled.lowResolution.map((f) => t('compile.lowResolutionItem', f)).join('、'),
          })}
        </span>
      )}
      {compiled.movedFigures.length > 0 && (
        <span className="warning">
          {t('compile.movedFigures', {
            figures: compiled.movedFigures.map((f) => `《${f.article}》${f.file}`).join('、'),
          })}
        </span>
      )}
    </>
  );
}
