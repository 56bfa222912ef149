import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import type { Item } from '../../electron/contract';
import { PAGE_BREAK } from '../../electron/contract/shared';
import { DocumentViewer } from '../../renderer/src/features/item/DocumentViewer';

/** jsdom lays nothing out: the reading box is never measured, so pages keep their first size. */
class UnmeasuredResizeObserver {
  observe() {}
  disconnect() {}
  unobserve() {}
}
beforeEach(() => vi.stubGlobal('ResizeObserver', UnmeasuredResizeObserver));
afterEach(() => vi.unstubAllGlobals());

const PDF_HASH = 'a'.repeat(64);

function documentItem(text: string, overrides: Partial<Item> = {}): Item {
  return { id: 'd1', kind: 'document', title: '政协工作计划', text, files: [], ...overrides } as Item;
}

describe('DocumentViewer', () => {
  it('shows a PDF’s pages one at a time, turned by buttons, keys and the page number', () => {
    const text = ['第一页：许昌市政协工作计划', '第二页：文史资料征集', '第三页：附件'].join(PAGE_BREAK);
    const pdf = { sha256: PDF_HASH, name: '计划.pdf', size: 10, mime: 'application/pdf' };
    render(
      <DocumentViewer item={documentItem(text, { files: [pdf], document: { pages: 3 } } as Partial<Item>)} />,
    );
    const page = screen.getByRole('region', { name: /第 1 页，共 3 页/ });
    expect(page.textContent).toBe('第一页：许昌市政协工作计划');
    expect(screen.queryByText('原文没有分页，按屏幕分段显示。')).toBeNull();
    expect(screen.getByRole('button', { name: '上一页' })).toHaveProperty('disabled', true);

    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByRole('region', { name: /第 2 页/ }).textContent).toBe('第二页：文史资料征集');
    expect(screen.getByLabelText('页码')).toHaveProperty('value', '2');
    // The original opens in a new tab at the page being read.
    const open = screen.getByRole('link', { name: '在新标签页打开原件 PDF' });
    expect(open.getAttribute('href')).toBe(`/files/${PDF_HASH}#page=2`);
    expect(open.getAttribute('target')).toBe('_blank');

    fireEvent.keyDown(screen.getByRole('region', { name: /第 2 页/ }), { key: 'ArrowRight' });
    expect(screen.getByRole('region', { name: /第 3 页/ }).textContent).toBe('第三页：附件');
    expect(screen.getByRole('button', { name: '下一页' })).toHaveProperty('disabled', true);

    const number = screen.getByLabelText('页码');
    fireEvent.change(number, { target: { value: '1' } });
    fireEvent.keyDown(number, { key: 'Enter' });
    expect(screen.getByRole('region', { name: /第 1 页/ }).textContent).toBe('第一页：许昌市政协工作计划');
    // A number past the end goes to the last page.
    fireEvent.change(screen.getByLabelText('页码'), { target: { value: '99' } });
    fireEvent.blur(screen.getByLabelText('页码'));
    expect(screen.getByRole('region', { name: /第 3 页/ })).toBeTruthy();
  });

  it('says so when a page has no text (a scan)', () => {
    render(<DocumentViewer item={documentItem(['封面', '', '正文'].join(PAGE_BREAK))} />);
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(screen.getByRole('region', { name: /第 2 页/ }).textContent).toMatch(/此页没有可读取的文字/);
  });

  it('renders only the current screen of a 300,000-character text', () => {
    const text = '一九八四年春，许昌的发制品产业刚刚起步。\n'.repeat(15_000);
    expect(text.length).toBe(315_000);
    const started = performance.now();
    render(<DocumentViewer item={documentItem(text)} />);
    const page = screen.getByRole('region', { name: /第 1 页，共 \d+ 页/ });
    expect(performance.now() - started).toBeLessThan(2000);
    expect(page.textContent!.length).toBeLessThanOrEqual(1200);
    expect(page.textContent!.startsWith('一九八四年春')).toBe(true);
    expect(screen.getByText('原文没有分页，按屏幕分段显示。')).toBeTruthy();
    // Not from a PDF: nothing to open.
    expect(screen.queryByRole('link')).toBeNull();
    fireEvent.keyDown(page, { key: 'PageDown' });
    expect(screen.getByRole('region', { name: /第 2 页/ }).textContent!.length).toBeLessThanOrEqual(1200);
  });
});
