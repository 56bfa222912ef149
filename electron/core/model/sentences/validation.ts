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
  relation_role_too_long: {
    'zh-Hans': '关联说明不能超过 20 字',
    'zh-Hant': '關聯說明不能超過 20 字',
    en: 'A link’s role can have at most 20 characters.',
  },
  book_title_empty: {
    'zh-Hans': '书名不能为空',
    'zh-Hant': '書名不能為空',
    en: 'The book title cannot be empty.',
  },
} as const satisfies SentenceTable;
