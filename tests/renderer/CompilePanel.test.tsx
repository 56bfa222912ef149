import { describe, expect, it, vi, beforeEach } from 'vitest';
import { act, fireEvent, render, screen } from '@testing-library/react';
import { createFakeApi } from './fakeApi';

const fake = vi.hoisted(() => ({ api: null as unknown as ReturnType<typeof createFakeApi> }));
vi.mock('../../renderer/src/api/client', async () => {
  const { createFakeApi } = await import('./fakeApi');
  fake.api = createFakeApi();
  return { api: fake.api, ApiCallError: class extends Error {} };
});

const { CompilePanel } = await import('../../renderer/src/features/compile/CompilePanel');
const { MessageArea, MessagesProvider } = await import('../../renderer/src/messages/MessagesProvider');
type Target = Parameters<typeof CompilePanel>[0]['target'];

const COMPILED = {
  fileName: '许昌改革记忆.pdf',
  path: '/library/exports/许昌改革记忆.pdf',
  pages: 12,
  bytes: 1000,
  articles: 2,
  figures: 1,
  characters: 5300,
  missingGlyphs: [],
  missingImages: [],
  script: { mode: 'keep', changed: 0 },
  garbled: [],
  titles: [],
  lowResolution: [],
  movedFigures: [],
};

function renderPanel(target: Target, preview = false) {
  return render(
    <MessagesProvider>
      <CompilePanel target={target} preview={preview} />
      <MessageArea />
    </MessagesProvider>,
  );
}

beforeEach(() => {
  fake.api.call.mockReset();
});

describe('the compile panel', () => {
  it('with nothing selected, will not compile (it would be the whole library) and says why', () => {
    renderPanel({ itemIds: [] });
    const button = screen.getByRole('button', { name: '编印 PDF' });
    expect(button).toHaveProperty('disabled', true);
    expect(screen.getByText(/^未选择条目/)).toBeTruthy();
    // The reason is the button's description, so a screen reader hears it on the button.
    const described = document.getElementById(button.getAttribute('aria-describedby') ?? '');
    expect(described?.textContent).toMatch(/^未选择条目/);
    fireEvent.click(button);
    expect(fake.api.call).not.toHaveBeenCalled();
  });

  it('compiles exactly the selected items under the title typed, then says what was made', async () => {
    fake.api.call.mockResolvedValueOnce({
      ...COMPILED,
      garbled: [{ itemId: 'b', title: '政协规划', runs: ['膬?'] }],
    });
    const view = renderPanel({ itemIds: [] });
    view.rerender(
      <MessagesProvider>
        <CompilePanel target={{ itemIds: ['a', 'b'] }} />
      </MessagesProvider>,
    );
    expect(screen.queryByText(/^未选择条目/)).toBeNull();
    expect(screen.getByText('已选 2 条')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('书名'), { target: { value: '许昌改革记忆（试印本）' } });
    fireEvent.change(screen.getByLabelText('乱码'), { target: { value: 'mark' } });
    const button = screen.getByRole('button', { name: '编印 PDF' });
    expect(button).toHaveProperty('disabled', false);
    expect(button.getAttribute('aria-describedby')).toBeNull();
    fireEvent.click(button);
    expect(fake.api.call).toHaveBeenCalledWith(
      'volumes.compile',
      { itemIds: ['a', 'b'], title: '许昌改革记忆（试印本）', garbled: 'mark' },
      { jobId: expect.any(String) },
    );
    expect(
      await screen.findByText('已生成《许昌改革记忆（试印本）》：12 页，2 篇，1 幅图，5300 字'),
    ).toBeTruthy();
    expect(screen.getByText('以下文章仍有乱码：《政协规划》')).toBeTruthy();
    expect(screen.getByRole('link', { name: '下载 PDF' }).getAttribute('href')).toBe(
      `/exports/${encodeURIComponent('许昌改革记忆.pdf')}`,
    );
    // The library's compile bar has no room for the PDF itself.
    expect(screen.queryByTitle('PDF 预览')).toBeNull();
  });

  it('compiles a saved volume by its id, shows progress with cancel while it runs, and the PDF after', async () => {
    let finish: (value: unknown) => void = () => undefined;
    fake.api.call.mockImplementation((op) =>
      op === 'volumes.compile' ? new Promise((resolve) => (finish = resolve)) : Promise.resolve({}),
    );
    renderPanel({ volumeId: 'v1', title: '许昌改革记忆（第一辑）' }, true);
    expect(screen.queryByLabelText('书名')).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: '编印本卷' }));
    const [, args, meta] = fake.api.call.mock.calls[0]!;
    // Garbled text stops the compile unless the editor chose otherwise.
    expect(args).toEqual({ volumeId: 'v1', garbled: 'stop' });
    const { jobId } = meta as { jobId: string };
    expect(screen.getByRole('button', { name: '编印本卷' })).toHaveProperty('disabled', true);

    act(() =>
      fake.api.emit({ type: 'progress', jobId, op: 'volumes.compile', phase: 'images', done: 3, total: 8 }),
    );
    expect(screen.getByText('处理图片：3/8')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: '取消' }));
    expect(fake.api.call).toHaveBeenLastCalledWith('jobs.cancel', { jobId });

    await act(async () =>
      finish({
        ...COMPILED,
        script: { mode: 'simplified', changed: 40 },
        lowResolution: [{ article: '老厂房', file: '翻拍.jpg', dpi: 72, page: '5' }],
        movedFigures: [{ article: '车间里的日子', file: '车间.jpg' }],
      }),
    );
    expect(screen.getByText(/^已生成《许昌改革记忆（第一辑）》：12 页/)).toBeTruthy();
    expect(screen.getByText('已转为简体：40 字')).toBeTruthy();
    // Figures that print soft, and figures whose paragraph is gone, are named with where they are.
    expect(screen.getByText(/不足 300 dpi.*《老厂房》翻拍\.jpg（第 5 页，72 dpi）/)).toBeTruthy();
    expect(screen.getByText(/所接的段落已改动.*《车间里的日子》车间\.jpg/)).toBeTruthy();
    expect(screen.getByTitle('PDF 预览').getAttribute('src')).toMatch(/\?inline=1$/);
    expect(screen.queryByRole('button', { name: '取消' })).toBeNull();
  });

  it('reports a failed compile in the app’s messages and can run again', async () => {
    fake.api.call.mockRejectedValueOnce(new Error('卷中没有文章'));
    renderPanel({ volumeId: 'v1', title: '空卷' });
    fireEvent.click(screen.getByRole('button', { name: '编印本卷' }));
    expect(await screen.findByText('出错了：卷中没有文章')).toBeTruthy();
    expect(screen.getByRole('button', { name: '编印本卷' })).toHaveProperty('disabled', false);
  });
});
