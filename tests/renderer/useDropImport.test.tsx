import { describe, expect, it, vi } from 'vitest';
import { act, renderHook } from '@testing-library/react';
import type { DragEvent, ReactNode } from 'react';
import { MessagesProvider } from '../../renderer/src/messages/MessagesProvider';
import { useDropImport } from '../../renderer/src/features/import/useDropImport';

const wrapper = ({ children }: { children: ReactNode }) => <MessagesProvider>{children}</MessagesProvider>;

/** A drag of files over the window, as the browser reports it. */
function fileDrag() {
  return {
    dataTransfer: { types: ['Files'] },
    preventDefault: vi.fn(),
    relatedTarget: null,
  } as unknown as DragEvent & {
    preventDefault: ReturnType<typeof vi.fn>;
  };
}

describe('useDropImport', () => {
  it('shows the drop overlay while files are dragged over, and takes the drop', () => {
    const { result } = renderHook(() => useDropImport(false), { wrapper });
    const over = fileDrag();
    act(() => result.current.dropTarget.onDragOver(over));
    expect(over.preventDefault).toHaveBeenCalled();
    expect(result.current.dropping).toBe(true);
    act(() => result.current.dropTarget.onDragLeave(fileDrag()));
    expect(result.current.dropping).toBe(false);
  });

  it('imports paths from the menu, but not an empty choice', () => {
    const { result } = renderHook(() => useDropImport(false), { wrapper });
    act(() => result.current.start({ paths: [] }));
    expect(result.current.importing).toBeNull();
    act(() => result.current.start({ paths: ['/稿件/访谈.docx'] }));
    expect(result.current.importing).toEqual({ paths: ['/稿件/访谈.docx'] });
    act(() => result.current.close());
    expect(result.current.importing).toBeNull();
  });

  it('takes nothing into a read-only library: no overlay, no import', () => {
    const { result } = renderHook(() => useDropImport(true), { wrapper });
    const over = fileDrag();
    act(() => result.current.dropTarget.onDragOver(over));
    expect(over.preventDefault).not.toHaveBeenCalled();
    expect(result.current.dropping).toBe(false);
    act(() => result.current.start({ paths: ['/稿件/访谈.docx'] }));
    expect(result.current.importing).toBeNull();
  });

  it('imports the files of a folder that holds its register, and previews the register', () => {
    const onRegister = vi.fn();
    const { result } = renderHook(() => useDropImport(false, onRegister), { wrapper });
    const file = (relativePath: string) => ({
      file: new File(['x'], relativePath.split('/').pop()!),
      relativePath,
    });
    const photo = file('征集/02 车间.jpg');
    const register = file('征集/登记表.csv');
    const text = file('征集/04 计划.txt');
    act(() => result.current.start({ files: [photo, register, text] }));
    expect(onRegister).toHaveBeenCalledWith({ file: register.file });
    expect(result.current.importing).toEqual({ files: [photo, text] });
  });
});
