import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { z } from 'zod';
import { ItemForm } from '../../renderer/src/features/item/ItemForm';
import type { FormSettings, Item, ItemFieldsInput, ItemKind } from '../../electron/contract';
import { ITEM_KINDS, ItemSchema, ItemFieldsSchema, NOT_IN_FORM } from '../../electron/core/model';

/** A schema with its defaults and optionality taken off. */
function bare(schema: z.ZodType): z.ZodType {
  let inner = schema as unknown as { _zod: { def: { innerType?: z.ZodType } } };
  while (inner._zod.def.innerType) inner = inner._zod.def.innerType as unknown as typeof inner;
  return inner as unknown as z.ZodType;
}

/**
 * Every field path of an item of this kind, read from the schema itself: top-level fields, and the
 * fields inside groups (provenance, rights, the kind's own details). A field added to the schema
 * and forgotten by the templates fails here.
 */
function schemaPaths(kind: ItemKind): string[] {
  return Object.entries(ItemFieldsSchema.shape).flatMap(([key, schema]) => {
    const inner = bare(schema as z.ZodType);
    if ((ITEM_KINDS as readonly string[]).includes(key) && key !== kind) return [];
    if (inner instanceof z.ZodObject) return Object.keys(inner.shape).map((sub) => `${key}.${sub}`);
    return [key];
  });
}

function itemOf(kind: ItemKind, more: Partial<Item> = {}): Item {
  return ItemSchema.parse({
    id: 'i1',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    kind,
    title: '许昌发制品产业的起步',
    ...(kind === 'oral' && { oral: {} }),
    ...(kind === 'photo' && { photo: {} }),
    ...(kind === 'document' && { document: {} }),
    ...more,
  });
}

function renderForm(item: Item | null, formSettings?: FormSettings) {
  const onSave = vi.fn<(fields: ItemFieldsInput) => Promise<void>>(async () => undefined);
  const view = render(<ItemForm item={item} readOnly={false} onSave={onSave} formSettings={formSettings} />);
  return { onSave, ...view };
}

const SETTINGS: FormSettings = { hidden: [], required: [], customFields: [] };

describe('forms from templates', () => {
  it.each(ITEM_KINDS)('the %s form shows every field of the schema, each with a name of its own', (kind) => {
    const { container } = renderForm(itemOf(kind));
    const expected = schemaPaths(kind).filter((path) => !(path in NOT_IN_FORM));
    expect(expected.length).toBeGreaterThan(20);
    const shown = [...container.querySelectorAll<HTMLElement>('[data-field]')].map((e) => e.dataset['field']);
    expect([...shown].sort()).toEqual([...expected].sort());
    for (const path of expected) {
      const field = container.querySelector(`[data-field="${path}"]`)!;
      const named = field.querySelector('label') ?? field.querySelector('[role=group]');
      const label = named?.textContent || named?.getAttribute('aria-label') || '';
      // Named in Chinese from the UI text, not by its path.
      expect(label, path).toMatch(/\p{Script=Han}/u);
    }
  });

  it('shows enums by their Chinese names', () => {
    renderForm(itemOf('photo'));
    const witness = screen.getByLabelText('三亲') as HTMLSelectElement;
    expect([...witness.options].map((o) => o.textContent)).toEqual([
      '（未填）',
      '亲历',
      '亲见',
      '亲闻',
      '转述',
    ]);
    const access = screen.getByLabelText('开放级别') as HTMLSelectElement;
    expect([...access.options].map((o) => o.textContent)).toEqual(['公开', '内部', '限制']);
    const form = screen.getByLabelText('原件形态') as HTMLSelectElement;
    expect([...form.options].map((o) => o.textContent)).toEqual(['（未填）', '照片原件', '底片', '数码']);
  });

  it('leaves out a field the library hides, and keeps its value on save', async () => {
    const item = itemOf('oral', { notes: '原稿存档案馆' });
    const { container, onSave } = renderForm(item, { ...SETTINGS, hidden: ['notes', 'oral.interviewPlace'] });
    expect(container.querySelector('[data-field="notes"]')).toBeNull();
    expect(container.querySelector('[data-field="oral.interviewPlace"]')).toBeNull();
    expect(screen.queryByLabelText('备注')).toBeNull();
    fireEvent.change(screen.getByLabelText('副题名'), { target: { value: '亲历者口述' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    // Only what was changed is sent: the hidden note is not touched.
    expect(onSave.mock.calls[0]![0]).toEqual({ kind: 'oral', subtitle: '亲历者口述' });
  });

  it('saves a custom field on the item, and sends groups whole', async () => {
    const settings: FormSettings = {
      ...SETTINGS,
      customFields: [
        { key: 'donor-unit', label: '捐赠单位', group: 'provenanceAndRights', input: 'text', kinds: [] },
      ],
    };
    const item = itemOf('document', {
      provenance: { method: '捐赠', provider: '', collector: '', date: { text: '', edtf: '' }, location: '' },
    });
    const { onSave } = renderForm(item, settings);
    fireEvent.change(screen.getByLabelText('捐赠单位'), { target: { value: '许昌市档案馆' } });
    fireEvent.change(screen.getByLabelText('提供者'), { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('文号'), { target: { value: '许政〔1984〕12号' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    const sent = onSave.mock.calls[0]![0];
    expect(sent.custom).toEqual({ 'donor-unit': '许昌市档案馆' });
    expect(sent.provenance).toMatchObject({ method: '捐赠', provider: '王五' });
    expect(sent.document).toMatchObject({ docNumber: '许政〔1984〕12号' });
  });

  it('marks a required field left empty and names it, but still saves what was typed', async () => {
    const { onSave } = renderForm(itemOf('oral'), {
      ...SETTINGS,
      required: ['provenance.provider', 'eventDate'],
    });
    const provider = screen.getByLabelText('提供者');
    expect(provider.getAttribute('aria-required')).toBe('true');
    expect(provider.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toMatch(/事件时间、提供者/);
    fireEvent.change(screen.getByLabelText('备注'), { target: { value: '待补提供者' } });
    fireEvent.click(screen.getByRole('button', { name: '保存' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ notes: '待补提供者' });
  });

  it('opens and closes a section from its heading', () => {
    const { container } = renderForm(itemOf('oral'));
    const section = container.querySelector('details')!;
    expect(section.open).toBe(true);
    expect(screen.getByText('题名与责任').closest('summary')).toBeTruthy();
  });
});
