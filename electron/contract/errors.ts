// How a failed call comes back through every door, and how a door says it in the user's language.
import {
  CORE_SENTENCES,
  fillSentence,
  LANGUAGES,
  type CoreSentence,
  type Language,
  type SentenceTable,
} from '../core/model/sentences';

export { LANGUAGES, type Language };

/**
 * Sentences for the failures the application layer itself names, by key, with `{name}` for each
 * parameter. Failures the core names have theirs in the model (`CORE_SENTENCES`).
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
    'zh-Hans': '参数有误：{detail}',
    'zh-Hant': '參數有誤：{detail}',
    en: 'Invalid argument: {detail}',
  },
  invalid_argument_at: {
    'zh-Hans': '参数有误：{where}：{detail}',
    'zh-Hant': '參數有誤：{where}：{detail}',
    en: 'Invalid argument {where}: {detail}',
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
  save_path_in_browser: {
    'zh-Hans': '浏览器模式不能指定保存路径',
    'zh-Hant': '瀏覽器模式不能指定儲存路徑',
    en: 'Browser mode cannot choose where to save.',
  },
  demo_needs_empty_library: {
    'zh-Hans': '示例资料只能导入空的资料库',
    'zh-Hant': '範例資料只能匯入空的資料庫',
    en: 'The sample material can only be imported into an empty library.',
  },
  demo_missing: {
    'zh-Hans': '找不到随程序附带的示例资料，请重新安装文史典藏',
    'zh-Hant': '找不到隨程式附帶的範例資料，請重新安裝文史典藏',
    en: 'The sample material that comes with the program is missing; reinstall Wenshi.',
  },
  upload_missing: {
    'zh-Hans': '没有收到这批上传的文件，请重新拖入',
    'zh-Hant': '沒有收到這批上傳的檔案，請重新拖入',
    en: 'The uploaded files did not arrive; drop them in again.',
  },
  field_not_bulk_editable: {
    'zh-Hans': '不能批量修改这个字段：{field}',
    'zh-Hant': '不能批次修改這個欄位：{field}',
    en: 'The field {field} cannot be edited in bulk.',
  },
  local_path_use_upload: {
    'zh-Hans': '浏览器模式不能指定本机路径，请上传文件',
    'zh-Hant': '瀏覽器模式不能指定本機路徑，請上傳檔案',
    en: 'Browser mode cannot name a path on this computer; upload the file instead.',
  },
  backup_download_read_only: {
    'zh-Hans': '只读访问不能下载整个资料库的备份',
    'zh-Hant': '唯讀存取不能下載整個資料庫的備份',
    en: 'Read-only access cannot download a backup of the whole library.',
  },
  no_items_selected: {
    'zh-Hans': '未选择条目：先在列表中选择要编印的条目',
    'zh-Hant': '未選擇條目：先在列表中選擇要編印的條目',
    en: 'No items selected: select the items to compile in the list first.',
  },
  nothing_to_compile: {
    'zh-Hans': '没有可编印的条目，请先添加或选择条目',
    'zh-Hant': '沒有可編印的條目，請先新增或選擇條目',
    en: 'There are no items to compile; add or select items first.',
  },
  garbled_articles: {
    'zh-Hans':
      '有 {count} 篇文章仍有未处理的乱码，未编印：{articles}。请先在待复核中核实修正，或选择以「□」标出乱码、或照原样编印。',
    'zh-Hant':
      '有 {count} 篇文章仍有未處理的亂碼，未編印：{articles}。請先在待複核中核實修正，或選擇以「□」標出亂碼、或照原樣編印。',
    en: '{count} article(s) still hold garbled text, so nothing was compiled: {articles}. Correct them in review first, or choose to mark the garbled text with “□” or to print it as it is.',
  },
  volume_without_articles: {
    'zh-Hans': '这一卷还没有文章，请先加入文章',
    'zh-Hant': '這一卷還沒有文章，請先加入文章',
    en: 'This volume has no articles yet; add some first.',
  },
} as const satisfies SentenceTable;
export type ErrorSentence = keyof typeof ERROR_SENTENCES;

/** Every failure that has a sentence: those the application names and those the core names. */
export type SentenceKey = ErrorSentence | CoreSentence;
const SENTENCES: SentenceTable = { ...CORE_SENTENCES, ...ERROR_SENTENCES };

export interface ApiError {
  /** What went wrong, for programs: `invalid_argument`, `not_found`, `read_only`, `forbidden`, `io`… */
  code: string;
  /** The sentence for a person, in Simplified Chinese. */
  message: string;
  /** When the failure has a name: its sentence and parameters, to say it in any language. */
  sentence?: SentenceKey;
  params?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** A named failure, with its sentence filled in (Simplified Chinese in `message`). */
export function namedError(
  code: string,
  sentence: SentenceKey,
  params: Record<string, string> = {},
): ApiError {
  return { code, sentence, params, message: fillSentence(SENTENCES[sentence]!['zh-Hans'], params) };
}

/** A failure as a sentence in the given language; one without a known name keeps its message. */
export function describeError(error: ApiError, language: Language): string {
  const table =
    error.sentence && Object.hasOwn(SENTENCES, error.sentence) ? SENTENCES[error.sentence] : undefined;
  return table ? fillSentence(table[language], error.params ?? {}) : error.message;
}

/** The interface language a locale name (`LANG`, `navigator.language`) asks for; Simplified Chinese by default. */
export function languageOf(locale: string | undefined): Language {
  const name = (locale ?? '').toLowerCase();
  if (name.startsWith('en')) return 'en';
  if (/^zh[-_](hant|tw|hk|mo)/.test(name)) return 'zh-Hant';
  return 'zh-Hans';
}
