// How a failed call comes back through every door, and how a door says it in the user's language.

/** The languages of the interface. */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/**
 * Sentences for the failures the application layer itself names, by key, with `{name}` for each
 * parameter. Failures the core names travel with their own sentence (in Simplified Chinese).
 */
export const ERROR_SENTENCES = {
  unknown_operation: {
    'zh-Hans': '没有这个操作：{op}',
    'zh-Hant': '沒有這個操作：{op}',
    en: 'There is no operation {op}.',
  },
  local_paths_forbidden: {
    'zh-Hans': '浏览器模式不能读取本机文件路径，请在桌面程序中导入。',
    'zh-Hant': '瀏覽器模式不能讀取本機檔案路徑，請在桌面程式中匯入。',
    en: 'Browser mode cannot read paths on this computer; import in the desktop app.',
  },
  read_only: {
    'zh-Hans': '当前为只读访问，不能修改资料库。',
    'zh-Hant': '目前為唯讀存取，不能修改資料庫。',
    en: 'This is read-only access: the library cannot be changed.',
  },
  invalid_meta: {
    'zh-Hans': '调用参数有误：任务信息无效',
    'zh-Hant': '呼叫參數有誤：任務資訊無效',
    en: 'Invalid call: the job information is not valid.',
  },
  invalid_argument: {
    'zh-Hans': '参数有误：{where}{detail}',
    'zh-Hant': '參數有誤：{where}{detail}',
    en: 'Invalid argument: {where}{detail}',
  },
  disk_full: {
    'zh-Hans': '磁盘空间不足，操作未完成，已保存的内容不受影响。',
    'zh-Hant': '磁碟空間不足，操作未完成，已儲存的內容不受影響。',
    en: 'The disk is full: the operation was not completed; what was saved is intact.',
  },
  no_permission: {
    'zh-Hans': '没有写入权限（只读磁盘或权限不足），操作未完成。',
    'zh-Hant': '沒有寫入權限（唯讀磁碟或權限不足），操作未完成。',
    en: 'No permission to write (a read-only disk, or not allowed): the operation was not completed.',
  },
  internal: {
    'zh-Hans': '内部错误：{detail}',
    'zh-Hant': '內部錯誤：{detail}',
    en: 'Internal error: {detail}',
  },
} as const satisfies Record<string, Record<Language, string>>;
export type ErrorSentence = keyof typeof ERROR_SENTENCES;

export interface ApiError {
  /** What went wrong, for programs: `invalid_argument`, `not_found`, `read_only`, `forbidden`, `io`… */
  code: string;
  /** The sentence for a person, in Simplified Chinese. */
  message: string;
  /** When the application named the failure: its sentence and parameters, to say it in any language. */
  sentence?: ErrorSentence;
  params?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A failure named by the application, with its sentence filled in (Simplified Chinese in `message`). */
export function namedError(
  code: string,
  sentence: ErrorSentence,
  params: Record<string, string> = {},
): ApiError {
  return { code, sentence, params, message: fillSentence(ERROR_SENTENCES[sentence]['zh-Hans'], params) };
}

function fillSentence(template: string, params: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
}

/** A failure as a sentence in the given language (a failure the core named keeps its own). */
export function describeError(error: ApiError, language: Language): string {
  if (!error.sentence || !(error.sentence in ERROR_SENTENCES)) return error.message;
  return fillSentence(ERROR_SENTENCES[error.sentence][language], error.params ?? {});
}

/** The interface language a locale name (`LANG`, `navigator.language`) asks for; Simplified Chinese by default. */
export function languageOf(locale: string | undefined): Language {
  const name = (locale ?? '').toLowerCase();
  if (name.startsWith('en')) return 'en';
  if (/^zh[-_](hant|tw|hk|mo)/.test(name)) return 'zh-Hant';
  return 'zh-Hans';
}
