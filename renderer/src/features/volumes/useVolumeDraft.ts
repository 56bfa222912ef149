import { useState, type DragEvent } from 'react';
import type { ArticleEntry, Section, Volume } from '../../../../electron/contract';
import { api } from '../../api/client';
import { useMessages } from '../../messages/useMessages';
import { move } from './move';

/** What is being dragged: a section, or an article of a section. */
export type Dragged =
  { kind: 'section'; index: number } | { kind: 'article'; section: number; index: number };

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

/** A volume being edited: its fields, the 编委会 as typed, the order of sections and articles, and saving. */
export function useVolumeDraft(volume: Volume, onSaved: (volume: Volume) => void) {
  const { showError } = useMessages();
  const [draft, setDraft] = useState<Volume>(volume);
  const [board, setBoard] = useState(() => boardToText(volume.board));
  const [dragged, setDragged] = useState<Dragged | null>(null);

  const update = (patch: Partial<Volume>) => setDraft((d) => ({ ...d, ...patch }));
  const setSections = (sections: Section[]) => update({ sections });
  const setSection = (index: number, section: Section) =>
    setSections(draft.sections.map((s, i) => (i === index ? section : s)));
  const setArticle = (s: number, a: number, patch: Partial<ArticleEntry>) =>
    setSection(s, {
      ...draft.sections[s]!,
      articles: draft.sections[s]!.articles.map((x, i) => (i === a ? { ...x, ...patch } : x)),
    });
  const addSection = () =>
    setSections([...draft.sections, { id: crypto.randomUUID().slice(0, 8), title: '', articles: [] }]);

  /** Drops what is dragged on a place of its kind: a section among sections, an article anywhere in the list. */
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
      showError(error);
    }
  }

  const used = new Set(draft.sections.flatMap((s) => s.articles.map((a) => a.itemId)));
  return {
    draft,
    board,
    setBoard,
    update,
    setSections,
    setSection,
    setArticle,
    addSection,
    drag: { start: setDragged, drop },
    used,
    save,
  };
}

export type VolumeDraft = ReturnType<typeof useVolumeDraft>;
