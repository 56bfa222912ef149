import { beforeEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { ImportPanel } = await import('../../renderer/src/features/import/ImportPanel');

const SOURCE = { paths: ['/征集/扫描件.pdf', '/征集/说明.txt'] };

function report(ocr?: { pagesRead: number }) {
  return {
    added: ['i-scan', 'i-note'],
    skipped: [],
    failed: [],
    planned: [],
    dryRun: false,
    cancelled: false,
    counts: { files: 2, added: 2, skipped: 0, failed: 0 },
    ...(ocr && { ocr: { items: [], ...ocr } }),
  };
}

/** A call the test answers later, with the meta (job id) it was made with. */
function pending() {
  let resolve!: (value: unknown) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<unknown>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

function jobOf(op: string): string {
  const call = fake.api.call.mock.calls.find(([name]) => name === op);
  return (call?.[2] as { jobId: string }).jobId;
}

describe('ImportPanel: 识别文字', () => {
  beforeEach(() => {
    localStorage.clear();
    fake.api.call.mockReset();
  });

  it('is off at first; ticked after the import, it reads what was imported, with progress and cancel', async () => {
    const reading = pending();
    fake.api.call.mockImplementation(async (op) => {
      if (op === 'items.add') return report();
      if (op === 'ocr.run') return reading.promise;
      return {};
    });
    render(<ImportPanel source={SOURCE} onClose={() => undefined} />);
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: '识别文字' });
    expect(box.checked).toBe(false);
    expect(fake.api.call).toHaveBeenCalledWith(
      'items.add',
      { paths: SOURCE.paths, ocr: false },
      expect.anything(),
    );
    await screen.findByText('已导入 2 个，跳过 0 个，失败 0 个');
    expect(fake.api.call).not.toHaveBeenCalledWith('ocr.run', expect.anything(), expect.anything());

    fireEvent.click(box);
    expect(fake.api.call).toHaveBeenCalledWith('ocr.run', { ids: ['i-scan', 'i-note'] }, expect.anything());
    expect(box.disabled).toBe(true);
    const jobId = jobOf('ocr.run');
    act(() =>
      fake.api.emit({
        type: 'progress',
        jobId,
        op: 'ocr.run',
        phase: 'ocr',
        done: 1,
        total: 2,
        current: '扫描件 · 2',
      }),
    );
    expect(screen.getByText('已识别 1/2 页 · 扫描件 · 2')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(fake.api.call).toHaveBeenLastCalledWith('jobs.cancel', { jobId });
    await act(async () => reading.resolve({ items: [], pagesRead: 2 }));
    expect(screen.getByText('已识别 2 页；识别出的文字在“待复核”中等待接受')).toBeTruthy();
    // Remembered for the next import.
    expect(localStorage.getItem('wenshi.import.ocr')).toBe('true');
  });

  it('once ticked, the next import reads its scans in the same job, and the box waits until it is done', async () => {
    localStorage.setItem('wenshi.import.ocr', 'true');
    const importing = pending();
    fake.api.call.mockImplementation(async (op) => (op === 'items.add' ? importing.promise : {}));
    render(<ImportPanel source={SOURCE} onClose={() => undefined} />);
    const box = screen.getByRole<HTMLInputElement>('checkbox', { name: '识别文字' });
    expect(box.checked).toBe(true);
    expect(fake.api.call).toHaveBeenCalledWith(
      'items.add',
      { paths: SOURCE.paths, ocr: true },
      expect.anything(),
    );
    expect(box.disabled).toBe(true);
    const jobId = jobOf('items.add');
    act(() => fake.api.emit({ type: 'progress', jobId, op: 'items.add', phase: 'ocr', done: 0, total: 3 }));
    expect(screen.getByText(/已识别 0\/3 页/)).toBeTruthy();
    await act(async () => importing.resolve(report({ pagesRead: 3 })));
    expect(screen.getByText('已识别 3 页；识别出的文字在“待复核”中等待接受')).toBeTruthy();
    expect(fake.api.call).not.toHaveBeenCalledWith('ocr.run', expect.anything(), expect.anything());
    expect(box.disabled).toBe(false);
  });

  it('says the files are in when only the reading after the import stops', async () => {
    localStorage.setItem('wenshi.import.ocr', 'true');
    const importing = pending();
    fake.api.call.mockImplementation(async (op) => (op === 'items.add' ? importing.promise : {}));
    render(<ImportPanel source={SOURCE} onClose={() => undefined} />);
    const jobId = jobOf('items.add');
    act(() => fake.api.emit({ type: 'progress', jobId, op: 'items.add', phase: 'ocr', done: 1, total: 3 }));
    await act(async () => importing.reject(new Error('已取消')));
    expect(screen.getByRole('alert').textContent).toContain('文件已导入，识别文字未完成：已取消');
  });
});
