import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArticleEntry, OpOutput, Section, Volume, VolumeCounts } from '../../../../electron/contract';
import { PAGE_SIZE_NAMES, SCRIPT_MODES } from '../../../../electron/contract/shared';
import { api } from '../../api/client';
import { PageStylePanel } from './PageStylePanel';
import { VolumeCompile } from './VolumeCompile';
import { move } from './move';

type ItemSummary = OpOutput<'items.list'>['items'][number];

interface Props {
  volume: Volume;
  counts: VolumeCounts;
  items: ItemSummary[];
  readOnly: boolean;
  onSaved: (volume: Volume) => void;
  onError: (error: unknown) => void;
}

/** What is being dragged: a section, or an article of a section. */
type Dragged = { kind: 'section'; index: number } | { kind: 'article'; section: number; index: number };

function boardToText(board: Volume['board']): string {
  return board.map((b) => `${b.role}：${b.names.join('、')}`).join('\n');
}
function textToBoard(text: string): Volume['board'] {
  return text
    .split('\n')
    .map((line) => line.split(/[:：]/))
    .filter(([role]) => role?.trim())
    .map(([role, names]) => ({
      role: role!.trim(),
      names: (names ?? '')
        .split(/[、,，\s]+/)
        .map((n) => n.trim())
        .filter(Boolean),
    }));
}

/**
 * Edits one volume: its title page, 编委会, 前言/后记, page style, and the order of sections and
 * articles (drag and drop, or the move buttons from the keyboard).
 */
export function VolumeEditor({ volume, counts, items, readOnly, onSaved, onError }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<Volume>(volume);
  const [board, setBoard] = useState(() => boardToText(volume.board));
  const [dragged, setDragged] = useState<Dragged | null>(null);
  const [adding, setAdding] = useState<Record<string, string>>({});

  const titleOf = (id: string) => items.find((i) => i.id === id)?.title ?? id;
  const charsOf = (sectionId: string, itemId: string) =>
    counts.sections.find((s) => s.id === sectionId)?.articles.find((a) => a.itemId === itemId)?.chars;
  const update = (patch: Partial<Volume>) => setDraft((d) => ({ ...d, ...patch }));
  const setSections = (sections: Section[]) => update({ sections });
  const setSection = (index: number, section: Section) =>
    setSections(draft.sections.map((s, i) => (i === index ? section : s)));
  const setArticle = (s: number, a: number, patch: Partial<ArticleEntry>) =>
    setSection(s, {
      ...draft.sections[s]!,
      articles: draft.sections[s]!.articles.map((x, i) => (i === a ? { ...x, ...patch } : x)),
    });

  function drop(target: Dragged, event: DragEvent) {
    event.preventDefault();
    if (!dragged) return;
    if (dragged.kind === 'section' && target.kind === 'section')
      setSections(move(draft.sections, dragged.index, target.index));
    if (dragged.kind === 'article' && target.kind === 'article') {
      const article = draft.sections[dragged.section]!.articles[dragged.index]!;
      const sections = draft.sections.map((s) => ({ ...s, articles: [...s.articles] }));
      sections[dragged.section]!.articles.splice(dragged.index, 1);
      sections[target.section]!.articles.splice(target.index, 0, article);
      setSections(sections);
    }
    setDragged(null);
  }

  async function save() {
    try {
      const { id: _id, createdAt: _c, updatedAt: _u, ...fields } = draft;
      onSaved(
        await api.call('volumes.update', { id: volume.id, fields: { ...fields, board: textToBoard(board) } }),
      );
    } catch (error) {
      onError(error);
    }
  }

  const used = new Set(draft.sections.flatMap((s) => s.articles.map((a) => a.itemId)));
  return (
    <form
      className="volume-editor"
      aria-label={t('volumes.editorLabel', { title: volume.title })}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
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
            value={board}
            placeholder={t('volumes.boardHint')}
            onChange={(e) => setBoard(e.target.value)}
          />
        </label>
        <label>
          {t('volumes.fields.imprint')}
          <textarea
            rows={3}
            value={draft.imprint.join('\n')}
            onChange={(e) => update({ imprint: e.target.value.split('\n') })}
          />
        </label>
      </fieldset>

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
          <input
            type="checkbox"
            checked={draft.index}
            onChange={(e) => update({ index: e.target.checked })}
          />
          {t('volumes.fields.index')}
        </label>
      </fieldset>

      <PageStylePanel
        page={draft.page}
        sizes={PAGE_SIZE_NAMES}
        scripts={SCRIPT_MODES}
        disabled={readOnly}
        onChange={(page) => update({ page })}
      />

      <fieldset disabled={readOnly}>
        <legend>{t('volumes.contents', { chars: counts.total })}</legend>
        <ol className="sections">
          {draft.sections.map((section, s) => (
            <li
              key={section.id}
              className="section"
              draggable={!readOnly}
              onDragStart={(e) => {
                e.stopPropagation();
                setDragged({ kind: 'section', index: s });
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => drop({ kind: 'section', index: s }, e)}
            >
              <div className="row">
                <input
                  aria-label={t('volumes.sectionTitle')}
                  value={section.title}
                  placeholder={t('volumes.sectionTitle')}
                  onChange={(e) => setSection(s, { ...section, title: e.target.value })}
                />
                <span className="count">
                  {t('volumes.chars', {
                    count: counts.sections.find((c) => c.id === section.id)?.chars ?? 0,
                  })}
                </span>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('volumes.moveUp', { title: section.title })}
                  disabled={s === 0}
                  onClick={() => setSections(move(draft.sections, s, s - 1))}
                >
                  ↑
                </button>
                <button
                  type="button"
                  className="secondary"
                  aria-label={t('volumes.moveDown', { title: section.title })}
                  disabled={s === draft.sections.length - 1}
                  onClick={() => setSections(move(draft.sections, s, s + 1))}
                >
                  ↓
                </button>
                <button
                  type="button"
                  className="danger"
                  onClick={() => setSections(draft.sections.filter((_, i) => i !== s))}
                >
                  {t('volumes.removeSection')}
                </button>
              </div>
              <ol className="articles">
                {section.articles.map((article, a) => {
                  const title = article.title ?? titleOf(article.itemId);
                  return (
                    <li
                      key={article.itemId}
                      draggable={!readOnly}
                      onDragStart={(e) => {
                        e.stopPropagation();
                        setDragged({ kind: 'article', section: s, index: a });
                      }}
                      onDragOver={(e) => e.preventDefault()}
                      onDrop={(e) => {
                        e.stopPropagation();
                        drop({ kind: 'article', section: s, index: a }, e);
                      }}
                    >
                      <div className="row">
                        <span className="article-title">{title}</span>
                        <span className="count">
                          {t('volumes.chars', { count: charsOf(section.id, article.itemId) ?? 0 })}
                        </span>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('volumes.moveUp', { title })}
                          disabled={a === 0}
                          onClick={() =>
                            setSection(s, { ...section, articles: move(section.articles, a, a - 1) })
                          }
                        >
                          ↑
                        </button>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={t('volumes.moveDown', { title })}
                          disabled={a === section.articles.length - 1}
                          onClick={() =>
                            setSection(s, { ...section, articles: move(section.articles, a, a + 1) })
                          }
                        >
                          ↓
                        </button>
                        <button
                          type="button"
                          className="danger"
                          aria-label={t('volumes.removeArticle', { title })}
                          onClick={() =>
                            setSection(s, {
                              ...section,
                              articles: section.articles.filter((_, i) => i !== a),
                            })
                          }
                        >
                          ✕
                        </button>
                      </div>
                      <details>
                        <summary>{t('volumes.overrides')}</summary>
                        <label>
                          {t('volumes.fields.articleTitle')}
                          <input
                            value={article.title ?? ''}
                            placeholder={titleOf(article.itemId)}
                            onChange={(e) => setArticle(s, a, { title: e.target.value || undefined })}
                          />
                        </label>
                        <label>
                          {t('volumes.fields.byline')}
                          <input
                            value={article.byline ?? ''}
                            onChange={(e) => setArticle(s, a, { byline: e.target.value || undefined })}
                          />
                        </label>
                        <label>
                          {t('volumes.fields.editorNote')}
                          <textarea
                            rows={2}
                            value={article.editorNote}
                            onChange={(e) => setArticle(s, a, { editorNote: e.target.value })}
                          />
                        </label>
                        <label className="inline">
                          <input
                            type="checkbox"
                            checked={article.shared}
                            onChange={(e) => setArticle(s, a, { shared: e.target.checked })}
                          />
                          {t('volumes.fields.shared')}
                        </label>
                      </details>
                    </li>
                  );
                })}
              </ol>
              <div className="row">
                <select
                  aria-label={t('volumes.addArticleTo', { title: section.title })}
                  value={adding[section.id] ?? ''}
                  onChange={(e) => setAdding({ ...adding, [section.id]: e.target.value })}
                >
                  <option value="">{t('volumes.chooseItem')}</option>
                  {items
                    .filter((i) => !used.has(i.id))
                    .map((i) => (
                      <option key={i.id} value={i.id}>
                        {i.title}
                      </option>
                    ))}
                </select>
                <button
                  type="button"
                  className="secondary"
                  disabled={!adding[section.id]}
                  onClick={() => {
                    const itemId = adding[section.id]!;
                    const photo = items.find((i) => i.id === itemId)?.kind === 'photo';
                    setSection(s, {
                      ...section,
                      articles: [
                        ...section.articles,
                        {
                          itemId,
                          editorNote: '',
                          shared: false,
                          figures: photo ? [{ itemId, width: 1 }] : [],
                        },
                      ],
                    });
                    setAdding({ ...adding, [section.id]: '' });
                  }}
                >
                  {t('volumes.addArticle')}
                </button>
              </div>
            </li>
          ))}
        </ol>
        <button
          type="button"
          className="secondary"
          onClick={() =>
            setSections([...draft.sections, { id: crypto.randomUUID().slice(0, 8), title: '', articles: [] }])
          }
        >
          {t('volumes.addSection')}
        </button>
      </fieldset>

      <div className="row">
        <button type="submit" className="primary" disabled={readOnly}>
          {t('volumes.save')}
        </button>
      </div>
      <VolumeCompile volumeId={volume.id} title={volume.title} onError={onError} />
    </form>
  );
}
