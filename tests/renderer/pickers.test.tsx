import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { ItemForm } from '../../renderer/src/features/item/ItemForm';
import type { VocabularyLookup } from '../../renderer/src/features/item/pickers/useLookup';
import { PERSON_ROLES, PERSON_ROLE_NAMES } from '../../electron/contract/shared';
import type { Item, ItemFieldsInput } from '../../electron/contract';
import { Vocabulary } from '../../electron/core/vocabulary';
import { zhHans } from '../../renderer/src/i18n/zh-Hans';

// The pickers ask the core's real vocabulary, so folding (長葛 → 长葛) and pinyin are the real thing.
const catalog = [
  { people: [{ name: '张德顺', role: 'narrator' }], places: ['长葛市'], subjects: ['发制品产业'] },
  { people: [{ name: '张德顺', role: 'narrator' }], places: ['禹州市'], subjects: ['钧瓷'] },
  { people: [{ name: '张德顺', role: '' }], places: ['禹州市'], subjects: [] },
  { people: [{ name: '李秀英', role: 'transcriber' }], places: [], subjects: [] },
] as unknown as Item[];
const settings = { subjects: ['钧瓷', '发制品产业', '花木'], extraPlaces: [] };
const vocabulary = new Vocabulary({ items: () => catalog, settings: () => settings });
const lookup: VocabularyLookup = async (field, query, limit) => vocabulary.match(field, query, limit);
// Terms are built on first use; built here, a loaded machine does not make the first lookup time out.
beforeAll(() => {
  for (const field of ['people', 'places', 'subjects'] as const) vocabulary.match(field, '', 1);
});

function renderForm() {
  const onSave = vi.fn<(fields: ItemFieldsInput) => Promise<void>>(async () => undefined);
  render(<ItemForm item={null} readOnly={false} onSave={onSave} lookup={lookup} />);
  fireEvent.change(screen.getByLabelText('题名'), { target: { value: '钧瓷复烧记' } });
  return { onSave };
}

async function saved(onSave: ReturnType<typeof renderForm>['onSave']): Promise<ItemFieldsInput> {
  fireEvent.click(screen.getByRole('button', { name: '新建' }));
  await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
  return onSave.mock.calls[0]![0];
}

const key = (element: HTMLElement, k: string) => fireEvent.keyDown(element, { key: k });
/** The row the combobox has chosen (aria-activedescendant). */
const activeRow = (box: HTMLElement) =>
  document.getElementById(box.getAttribute('aria-activedescendant') ?? '') as HTMLElement | null;

describe('people picker', () => {
  it('offers names already used, with their item count, by pinyin initials; ↓ Enter adds a chip', async () => {
    const { onSave } = renderForm();
    const box = screen.getByRole('combobox', { name: '姓名' });
    expect(box.getAttribute('aria-expanded')).toBe('false');
    fireEvent.change(box, { target: { value: 'zds' } });
    const list = await screen.findByRole('listbox', { name: '人名候选' });
    expect(box.getAttribute('aria-expanded')).toBe('true');
    expect(box.getAttribute('aria-controls')).toBe(list.id);
    const option = within(list).getByRole('option');
    expect(option.textContent).toBe('张德顺口述人3 条');

    key(box, 'ArrowDown');
    expect(activeRow(box)).toBe(option);
    expect(option.getAttribute('aria-selected')).toBe('true');
    key(box, 'Enter');
    expect(box).toHaveProperty('value', '');
    const chips = screen.getByRole('list', { name: '已选人物' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['张德顺']);
    // The role they usually have is taken when none was chosen.
    expect(screen.getByLabelText('张德顺的角色')).toHaveProperty('value', 'narrator');
    expect((await saved(onSave)).people).toEqual([{ name: '张德顺', role: 'narrator' }]);
  });

  it('takes a new name as typed with the chosen role; Backspace in the empty box removes the last chip', () => {
    renderForm();
    const box = screen.getByRole('combobox', { name: '姓名' });
    fireEvent.change(box, { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'interviewer' } });
    key(box, 'Enter');
    fireEvent.change(box, { target: { value: '赵六' } });
    fireEvent.click(screen.getByRole('button', { name: '添加人物' }));
    const chips = () => within(screen.getByRole('list', { name: '已选人物' })).getAllByRole('listitem');
    expect(chips().map((c) => c.firstChild?.textContent)).toEqual(['王五', '赵六']);
    expect(screen.getByLabelText('王五的角色')).toHaveProperty('value', 'interviewer');
    expect(screen.getByLabelText('赵六的角色')).toHaveProperty('value', '');

    key(box, 'Backspace');
    expect(chips().map((c) => c.firstChild?.textContent)).toEqual(['王五']);
  });

  it('moves chips earlier and later, keeping the focus on the moved chip, and removes one', async () => {
    const { onSave } = renderForm();
    const box = screen.getByRole('combobox', { name: '姓名' });
    for (const name of ['甲', '乙', '丙']) {
      fireEvent.change(box, { target: { value: name } });
      key(box, 'Enter');
    }
    const earlier = screen.getByRole('button', { name: '前移 丙' });
    earlier.focus();
    fireEvent.click(earlier);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '前移 丙' }));
    fireEvent.click(screen.getByRole('button', { name: '前移 丙' }));
    // 丙 is first now: moving earlier is no longer offered, and the focus went to 后移.
    expect(screen.getByRole('button', { name: '前移 丙' })).toHaveProperty('disabled', true);
    expect(document.activeElement).toBe(screen.getByRole('button', { name: '后移 丙' }));
    fireEvent.click(screen.getByRole('button', { name: '移除 甲' }));
    expect(document.activeElement).toBe(box);
    expect((await saved(onSave)).people?.map((p) => p.name)).toEqual(['丙', '乙']);
  });

  it('Esc closes the suggestions; an input method’s Enter is left to it', async () => {
    renderForm();
    const box = screen.getByRole('combobox', { name: '姓名' });
    fireEvent.change(box, { target: { value: 'zhang' } });
    await screen.findByRole('listbox');
    fireEvent.keyDown(box, { key: 'Enter', isComposing: true });
    expect(screen.queryByRole('list', { name: '已选人物' })).toBeNull();
    key(box, 'Escape');
    expect(screen.queryByRole('listbox')).toBeNull();
    expect(box.getAttribute('aria-expanded')).toBe('false');
  });

  it('names the roles as the model does', () => {
    for (const role of PERSON_ROLES) expect(zhHans.role[role]).toBe(PERSON_ROLE_NAMES[role].zh);
  });
});

describe('place picker', () => {
  it('finds simplified gazetteer entries from traditional input, under their parents', async () => {
    const { onSave } = renderForm();
    const box = screen.getByRole('combobox', { name: '地点' });
    expect(box.getAttribute('aria-haspopup')).toBe('tree');
    fireEvent.change(box, { target: { value: '長葛' } });
    // The row that adds the text as typed shows at once; the gazetteer's answer follows.
    await screen.findByRole('treeitem', { name: /长葛市/ });
    const tree = screen.getByRole('tree', { name: '地名表' });
    const rows = within(tree).getAllByRole('treeitem');
    expect(rows.map((r) => [r.getAttribute('aria-level'), r.textContent])).toEqual([
      ['1', '▾许昌市'],
      ['2', '长葛市1 条'],
      // The text as typed may still be kept as it is.
      ['1', '添加「長葛」（词表中没有）'],
    ]);
    // ↓ skips the parent shown for context and lands on the match.
    key(box, 'ArrowDown');
    expect(activeRow(box)?.textContent).toContain('长葛市');
    key(box, 'Enter');
    expect(within(screen.getByRole('list', { name: '已选地点' })).getByText('长葛市')).toBeTruthy();
    expect((await saved(onSave)).places).toEqual(['长葛市']);
  });

  it('finds a place by its former name and by pinyin, and adds the full current name', async () => {
    renderForm();
    const box = screen.getByRole('combobox', { name: '地点' });
    fireEvent.change(box, { target: { value: '禹縣' } });
    const row = await screen.findByRole('treeitem', { name: /禹州市/ });
    expect(row.textContent).toContain('旧称禹县');
    expect(row.textContent).toContain('2 条');
    fireEvent.click(row);
    fireEvent.change(box, { target: { value: 'shenhou' } });
    fireEvent.click(await screen.findByRole('treeitem', { name: /神垕镇/ }));
    const chips = screen.getByRole('list', { name: '已选地点' });
    expect(
      within(chips)
        .getAllByRole('listitem')
        .map((li) => li.firstChild?.textContent),
    ).toEqual(['禹州市', '神垕镇']);
  });

  it('browses the gazetteer as a tree: → opens a branch, ← closes it', async () => {
    renderForm();
    const box = screen.getByRole('combobox', { name: '地点' });
    fireEvent.click(screen.getByRole('button', { name: '地名表' }));
    const tree = await screen.findByRole('tree', { name: '地名表' });
    expect(document.activeElement).toBe(box);
    const yuzhou = () => within(tree).getByRole('treeitem', { name: /^禹州市/ });
    expect(yuzhou().getAttribute('aria-level')).toBe('2');
    expect(yuzhou().getAttribute('aria-expanded')).toBe('false');
    expect(within(tree).queryByRole('treeitem', { name: /神垕镇/ })).toBeNull();

    key(box, 'ArrowDown');
    for (let i = 0; i < 20 && activeRow(box) !== yuzhou(); i++) key(box, 'ArrowDown');
    expect(activeRow(box)).toBe(yuzhou());
    key(box, 'ArrowRight');
    expect(yuzhou().getAttribute('aria-expanded')).toBe('true');
    expect(
      within(tree)
        .getByRole('treeitem', { name: /神垕镇/ })
        .getAttribute('aria-level'),
    ).toBe('3');
    key(box, 'ArrowRight');
    expect(activeRow(box)?.getAttribute('aria-level')).toBe('3');
    key(box, 'ArrowLeft');
    expect(activeRow(box)).toBe(yuzhou());
    key(box, 'ArrowLeft');
    expect(yuzhou().getAttribute('aria-expanded')).toBe('false');
    key(box, 'Enter');
    expect(within(screen.getByRole('list', { name: '已选地点' })).getByText('禹州市')).toBeTruthy();
  });

  it('keeps a place outside the gazetteer as typed', async () => {
    const { onSave } = renderForm();
    const box = screen.getByRole('combobox', { name: '地点' });
    fireEvent.change(box, { target: { value: '郑州市' } });
    expect(await screen.findByRole('treeitem', { name: '添加「郑州市」（词表中没有）' })).toBeTruthy();
    key(box, 'Enter');
    fireEvent.change(box, { target: { value: '开封市' } });
    // Typed and not yet added: saving keeps it too.
    expect((await saved(onSave)).places).toEqual(['郑州市', '开封市']);
  });
});

describe('subject picker', () => {
  it('offers the subject list by pinyin and leaves out subjects already chosen', async () => {
    renderForm();
    const box = screen.getByRole('combobox', { name: '主题词' });
    fireEvent.change(box, { target: { value: 'jun' } });
    fireEvent.click(await screen.findByRole('option', { name: /钧瓷/ }));
    fireEvent.change(box, { target: { value: '钧' } });
    const list = await screen.findByRole('listbox', { name: '主题词候选' });
    expect(
      within(list)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['添加「钧」（词表中没有）']);
    fireEvent.change(box, { target: { value: '' } });
    key(box, 'Backspace');
    expect(screen.queryByRole('list', { name: '已选主题词' })).toBeNull();
  });
});
