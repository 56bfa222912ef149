import { afterEach, describe, expect, it, vi } from 'vitest';
import { act, fireEvent, render, renderHook, screen } from '@testing-library/react';
import { MessageArea, MessagesProvider } from '../../renderer/src/messages/MessagesProvider';
import { useMessages } from '../../renderer/src/messages/useMessages';
import { ApiCallError } from '../../renderer/src/api/client';
import i18n from '../../renderer/src/i18n';

/** A feature deep in the tree that reports, without any prop handed down to it. */
function Reporter() {
  const { showError, showInfo } = useMessages();
  return (
    <>
      <button type="button" onClick={() => showError(new ApiCallError('locked', '资料库正被另一个程序使用'))}>
        fail
      </button>
      <button type="button" onClick={() => showInfo('已保存「许昌发制品」')}>
        save
      </button>
    </>
  );
}

function renderApp() {
  render(
    <MessagesProvider>
      <section>
        <div>
          <Reporter />
        </div>
      </section>
      <MessageArea />
    </MessagesProvider>,
  );
  return screen.getByRole('status');
}

afterEach(() => vi.useRealTimers());

describe('messages', () => {
  it('shows an error from any feature in the status area, in the UI language, until dismissed', () => {
    vi.useFakeTimers();
    const area = renderApp();
    expect(area.textContent).toBe('');
    fireEvent.click(screen.getByRole('button', { name: 'fail' }));
    expect(area.textContent).toContain('出错了：资料库正被另一个程序使用');
    act(() => vi.advanceTimersByTime(60_000));
    expect(area.textContent).toContain('资料库正被另一个程序使用');
    fireEvent.click(screen.getByRole('button', { name: '关闭提示' }));
    expect(area.textContent).toBe('');
  });

  it('lets good news fade by itself, and a newer message replace an older one', () => {
    vi.useFakeTimers();
    const area = renderApp();
    fireEvent.click(screen.getByRole('button', { name: 'fail' }));
    fireEvent.click(screen.getByRole('button', { name: 'save' }));
    expect(area.textContent).toContain('已保存「许昌发制品」');
    expect(area.textContent).not.toContain('出错了');
    act(() => vi.advanceTimersByTime(5_000));
    expect(area.textContent).toContain('已保存「许昌发制品」');
    act(() => vi.advanceTimersByTime(2_000));
    expect(area.textContent).toBe('');
  });

  it('says a failure the application named in the interface language', async () => {
    const failure = { code: 'read_only', message: '当前为只读访问，不能修改资料库。', sentence: 'read_only' as const };
    function ReadOnly() {
      const { showError } = useMessages();
      return (
        <button type="button" onClick={() => showError(new ApiCallError('read_only', failure.message, failure))}>
          edit
        </button>
      );
    }
    await act(() => i18n.changeLanguage('en'));
    try {
      render(
        <MessagesProvider>
          <ReadOnly />
          <MessageArea />
        </MessagesProvider>,
      );
      fireEvent.click(screen.getByRole('button', { name: 'edit' }));
      expect(screen.getByRole('status').textContent).toMatch(/This is read-only access/);
    } finally {
      await act(() => i18n.changeLanguage('zh-Hans'));
    }
  });

  it('says a failure the core named in the interface language, with its parameters', async () => {
    const failure = {
      code: 'not_found',
      message: '找不到条目 a1b2',
      sentence: 'item_not_found' as const,
      params: { id: 'a1b2' },
    };
    function Missing() {
      const { showError } = useMessages();
      return (
        <button type="button" onClick={() => showError(new ApiCallError('not_found', failure.message, failure))}>
          open
        </button>
      );
    }
    await act(() => i18n.changeLanguage('zh-Hant'));
    try {
      render(
        <MessagesProvider>
          <Missing />
          <MessageArea />
        </MessagesProvider>,
      );
      fireEvent.click(screen.getByRole('button', { name: 'open' }));
      expect(screen.getByRole('status').textContent).toContain('找不到條目 a1b2');
    } finally {
      await act(() => i18n.changeLanguage('zh-Hans'));
    }
  });

  it('refuses to be used outside its provider, where nobody would see the message', () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(() => renderHook(() => useMessages())).toThrow(/MessagesProvider/);
  });
});
