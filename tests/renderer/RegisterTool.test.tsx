import { describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { RegisterTool } = await import('../../renderer/src/features/tools/RegisterTool');
const { MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');

const PREVIEW = {
  columns: [
    { header: '题名', known: true, field: '题名' },
    { header: '受访人', known: true, field: '口述人' },
    { header: '备忘', known: false },
  ],
  rows: [
    { row: 2, title: '许昌发制品产业的起步', errors: [] },
    { row: 3, title: '', errors: ['题名：不能为空'] },
    { row: 4, title: '鄢陵花木', errors: ['类型：无法识别的类型「图画」，应为 口述/照片/文献'] },
    { row: 5, title: '魏都老街', errors: [] },
  ],
  valid: 2,
  invalid: 2,
};

describe('the register preview', () => {
  it('uploads the dropped register, shows its columns as read and row errors by number, then imports the valid rows', async () => {
    fake.api.call.mockImplementation(async (op: string) => {
      if (op === 'registers.preview') return PREVIEW;
      if (op === 'registers.import') return { ...PREVIEW, added: ['a', 'b'], skipped: [] };
      throw new Error(op);
    });
    const file = new File(['题名,受访人,备忘\n'], '登记表.csv', { type: 'text/csv' });
    render(
      <MessagesProvider>
        <RegisterTool source={{ file }} onSource={() => undefined} readOnly={false} />
      </MessagesProvider>,
    );
    expect(await screen.findByText('口述人')).toBeTruthy();
    expect(fake.api.uploadFile).toHaveBeenCalledWith(file, {});
    expect(fake.api.call).toHaveBeenCalledWith('registers.preview', {
      upload: { batchId: 'batch-0001', name: '登记表.csv' },
    });
    expect(screen.getByText('未识别，忽略')).toBeTruthy();
    expect(screen.getByText('第 3 行「」：题名：不能为空')).toBeTruthy();
    expect(screen.getByText(/第 4 行「鄢陵花木」：类型：无法识别的类型「图画」/)).toBeTruthy();
    expect(screen.getByText(/有效 2 行，有误 2 行/)).toBeTruthy();

    await act(async () => fireEvent.click(screen.getByRole('button', { name: '导入有效的 2 行' })));
    const [op, args, meta] = fake.api.call.mock.calls.at(-1)!;
    expect(op).toBe('registers.import');
    expect(args).toEqual({ upload: { batchId: 'batch-0001', name: '登记表.csv' } });
    expect(meta).toMatchObject({ jobId: expect.any(String) });
    expect(await screen.findByText('已导入 2 条，跳过 0 条')).toBeTruthy();
  });
});
