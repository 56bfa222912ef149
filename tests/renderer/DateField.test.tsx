import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { DateField } from '../../renderer/src/features/item/fields/DateField';
import { ReviewPanel } from '../../renderer/src/features/item/ReviewPanel';
import { MessagesProvider } from '../../renderer/src/messages/MessagesProvider';
import type { Item } from '../../electron/contract';
import { ItemSchema } from '../../electron/core/model';

function Field({ related = {} }: { related?: Record<string, string> }) {
  const [value, setValue] = useState('');
  return (
    <DateField
      id="event-date"
      path="eventDate"
      label="时间"
      value={value}
      related={related}
      onChange={setValue}
      today="2026-01-15"
    />
  );
}

describe('the date field', () => {
  it('shows how a date is read, keeps an unreadable one, and warns without refusing', () => {
    render(<Field related={{ createdDate: '1984年春' }} />);
    const input = screen.getByLabelText('时间');
    fireEvent.change(input, { target: { value: '光绪庚子年' } });
    expect(screen.getByText('= 1900年（1900-01-01 至 1900-12-31）')).toBeTruthy();
    fireEvent.change(input, { target: { value: '那年发大水' } });
    expect(screen.getByText('未识别，将按原文保存')).toBeTruthy();
    fireEvent.change(input, { target: { value: '2099年' } });
    expect(screen.getAllByRole('status').map((s) => s.textContent?.trim())).toEqual([
      '这个日期还没有到，请核对',
      '事件时间晚于形成时间，请核对',
    ]);
    expect(input).toHaveProperty('value', '2099年');
  });
});

describe('ReviewPanel', () => {
  it('lists dates kept as written under 未识别的日期', () => {
    const item = ItemSchema.parse({
      id: 'a',
      createdAt: '',
      updatedAt: '',
      kind: 'oral',
      title: '发大水',
      eventDate: '那年发大水',
      provenance: { date: '民国三十八年' },
    }) as Item;
    render(
      <MessagesProvider>
        <ReviewPanel item={item} readOnly={false} onChanged={() => undefined} />
      </MessagesProvider>,
    );
    expect(screen.getByText('未识别的日期')).toBeTruthy();
    expect(screen.getByText('事件时间：「那年发大水」')).toBeTruthy();
  });
});
