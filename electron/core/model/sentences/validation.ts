// What the model's schemas say of a value they refuse. The schemas give the Simplified Chinese text
// as their message; the application finds the key again by it (see `sentenceOfMessage`).
import type { SentenceTable } from './language';

export const VALIDATION_SENTENCES = {
  title_empty: { 'zh-Hans': '题名不能为空', 'zh-Hant': '題名不能為空', en: 'The title cannot be empty.' },
  title_too_long: {
    'zh-Hans': '题名不能超过 500 字',
    'zh-Hant': '題名不能超過 500 字',
    en: 'The title can have at most 500 characters.',
  },
  person_name_empty: {
    'zh-Hans': '人名不能为空',
    'zh-Hant': '人名不能為空',
    en: 'A person’s name cannot be empty.',
  },
  region_outside_photo: {
    'zh-Hans': '人物框须在照片范围之内',
    'zh-Hant': '人物框須在照片範圍之內',
    en: 'A person’s frame must lie within the photo.',
  },
  date_unreadable: {
    'zh-Hans': '无法识别的日期「{text}」，可写作 1984、1984年3月、1984年春、八十年代初、1978—1985、约1990年',
    'zh-Hant': '無法識別的日期「{text}」，可寫作 1984、1984年3月、1984年春、八十年代初、1978—1985、約1990年',
    en: 'The date “{text}” is not recognised; write e.g. 1984, 1984-03, 1984年春, 八十年代初, 1978—1985 or 约1990年.',
  },
  book_title_empty: {
    'zh-Hans': '书名不能为空',
    'zh-Hant': '書名不能為空',
    en: 'The book title cannot be empty.',
  },
} as const satisfies SentenceTable;
