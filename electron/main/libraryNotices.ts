// What the desktop app says when a library cannot be opened or created; free of Electron imports for tests.
import { errorCode } from '../app';

export interface Notice {
  message: string;
  detail: string;
}

const WHAT_TO_CHOOSE =
  '请选择资料库文件夹本身（其中有 library.json 文件），或用「文件 › 新建资料库…」新建一个。';

/** Why `root` could not be opened, and what to do instead. */
export function openFailure(error: unknown, root: string): Notice {
  const reason = error instanceof Error ? error.message : String(error);
  if (errorCode(error) === 'not_a_library') return { message: reason, detail: WHAT_TO_CHOOSE };
  if (errorCode(error) === 'newer_format') return { message: reason, detail: root };
  return { message: '无法打开这个资料库', detail: `${root}\n\n${reason}` };
}

/**
 * Why no library could be created at `root`. When the folder already holds a library the person
 * is offered to open it instead (`offerOpen`).
 */
export function createFailure(
  error: unknown,
  root: string,
  holdsLibrary: boolean,
): Notice & { offerOpen: boolean } {
  if (holdsLibrary)
    return { message: '这里已经有一个资料库', detail: `${root}\n\n要打开它吗？`, offerOpen: true };
  if (errorCode(error) === 'exists')
    return {
      message: '只能在空文件夹里新建资料库',
      detail: `${root} 里已有其他文件。请输入一个新文件夹的名称，或选择一个空文件夹。`,
      offerOpen: false,
    };
  const reason = error instanceof Error ? error.message : String(error);
  return { message: '无法新建资料库', detail: `${root}\n\n${reason}`, offerOpen: false };
}

/** Said once the window is up when the library of last time could not be opened at start. */
export function startFailure(error: unknown, root: string, opened: string): Notice {
  const failure = openFailure(error, root);
  return {
    message: '上次使用的资料库没能打开',
    detail: `${failure.message}\n${failure.detail}\n\n现在打开的是：${opened}`,
  };
}
