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
    expect(screen.getByText('= 1984年春（1984-03-01 至 1984-05-31）')).toBeTruthy();
    fireEvent.change(date, { target: { value: '民国三十八年' } });
    expect(screen.getByText('= 1949年（1949-01-01 至 1949-12-31）')).toBeTruthy();
    fireEvent.change(date, { target: { value: '前些年' } });
    expect(screen.getByText('未识别，将按原文保存')).toBeTruthy();
    expect(date.getAttribute('aria-invalid')).toBeNull();
  });

  it('warns of a date in the future without refusing it', () => {
    renderForm();
    fireEvent.change(screen.getByLabelText('事件时间'), { target: { value: '2099年' } });
    expect(screen.getByRole('status').textContent).toMatch('这个日期还没有到，请核对');
  });

  it('saves an unreadable date as written, and sends the fields', async () => {
    const { onSave, onDirty } = renderForm();
    fireEvent.change(screen.getByLabelText('题名'), { target: { value: '禹州钧瓷复烧记' } });
    expect(onDirty).toHaveBeenCalledWith(true);
    fireEvent.change(screen.getByLabelText('事件时间'), { target: { value: '明天' } });
    fireEvent.click(screen.getByRole('button', { name: '新建' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(1));
    expect(onSave.mock.calls[0]![0]).toMatchObject({ eventDate: '明天' });

    fireEvent.change(screen.getByLabelText('事件时间'), { target: { value: '约1990年' } });
    fireEvent.change(screen.getByLabelText('地点'), { target: { value: '禹州市、神垕镇' } });
    fireEvent.click(screen.getByRole('button', { name: '添加人物' }));
    fireEvent.change(screen.getByLabelText('姓名'), { target: { value: '王五' } });
    fireEvent.change(screen.getByLabelText('角色'), { target: { value: 'narrator' } });
    fireEvent.click(screen.getByRole('button', { name: '新建' }));
    await vi.waitFor(() => expect(onSave).toHaveBeenCalledTimes(2));
    expect(onSave.mock.calls[1]![0]).toMatchObject({
      title: '禹州钧瓷复烧记',
      eventDate: '约1990年',
      places: ['禹州市', '神垕镇'],
      people: [{ name: '王五', role: 'narrator' }],
    });
  });
});
