import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { ItemForm } from '../../renderer/src/features/item/ItemForm';
import type { ItemFieldsInput } from '../../electron/contract';

function renderForm() {
  const onSave = vi.fn<(fields: ItemFieldsInput) => Promise<void>>(async () => undefined);
  const onDirty = vi.fn();
  render(<ItemForm item={null} readOnly={false} onSave={onSave} onDirty={onDirty} />);
  return { onSave, onDirty };
}

describe('ItemForm', () => {
  it('refuses to save without a title and says so in Chinese', () => {
    const { onSave } = renderForm();
    fireEvent.click(screen.getByRole('button', { name: '新建' }));
    expect(screen.getByRole('alert')).toHaveProperty('textContent', '请填写题名');
    expect(screen.getByLabelText('题名').getAttribute('aria-invalid')).toBe('true');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('reads a fuzzy date as it is typed and shows what it will be stored as', () => {
    renderForm();
    const date = screen.getByLabelText('事件时间');
    fireEvent.change(date, { target: { value: '1984年春' } });
    expect(screen.getByText('记作 1984年春（1984-03-01 至 1984-05-31）')).toBeTruthy();
    fireEvent.change(date, { target: { value: '八十年代初' } });
    expect(screen.getByText(/记作 1980年—1983年/)).toBeTruthy();
    fireEvent.change(date, { target: { value: '前些年' } });
    expect(screen.getByRole('alert').textContent).toMatch(/无法识别这个日期/);
    expect(date.getAttribute('aria-invalid')).toBe('true');
  });

  it('does not save an unreadable date, and sends the fields when all is valid', async () => {
    const { onSave, onDirty } = renderForm();
    fireEvent.change(screen.getByLabelText('题名'), { target: { value: '禹州钧瓷复烧记' } });
    expect(onDirty).toHaveBeenCalledWith(true);
    fireEvent.change(screen.getByLabelText('事件时间'), { target: { value: '明天' } });
    fireEvent.click(screen.getByRole('button', { name: '新建' }));
    expect(onSave).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText('事件时间'), { target: { value: '约1990年' } });
    fireEvent.change(screen.getByLabelText('地点'), { target: { value: '禹州市、神垕镇' } });
    fireEvent.click(screen.getByRole('button', { name: '添加人物' }));
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'narrator' } });
    fireEvent.click(screen.getByRole('button', { name: '新建' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({
      title: '禹州钧瓷复烧记',
      eventDate: '约1990年',
      places: ['禹州市', '神垕镇'],
      people: [{ name: '王五', role: 'narrator' }],
    });
  });
});
