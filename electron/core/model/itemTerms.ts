// The item's closed vocabularies (kinds, roles, 三亲, 审稿状态, 开放级别, 原件形态) as plain values,
// apart from the schemas: the renderer's first script needs these lists, and importing the
// schemas would bring the whole date reader (with its lunar calendar) into it.

export const ITEM_KINDS = ['oral', 'photo', 'document'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** Roles a person has toward an item; other roles may be written freely. */
export const PERSON_ROLES = [
  'narrator',
  'interviewer',
  'transcriber',
  'author',
  'photographer',
  'depicted',
] as const;
export type PersonRole = (typeof PERSON_ROLES)[number];
/** The Chinese names archivists use for the roles (口述人 …), for input and for bylines. */
export const PERSON_ROLE_NAMES: Record<PersonRole, { zh: string; byline: string }> = {
  narrator: { zh: '口述人', byline: '口述' },
  interviewer: { zh: '采访人', byline: '采访' },
  transcriber: { zh: '整理人', byline: '整理' },
  author: { zh: '撰稿人', byline: '撰稿' },
  photographer: { zh: '摄影者', byline: '摄影' },
  depicted: { zh: '图中人物', byline: '' },
};

/** Roles offered for a link between items (相关条目); any other short wording may be typed. */
export const RELATION_ROLES = ['授权书', '照片', '文献', '录音', '整理稿'] as const;

/** Accepts a role key or its Chinese name (口述人 → narrator). */
export function normalizeRole(role: string): string {
  const trimmed = role.trim();
  const key = PERSON_ROLES.find((r) => r === trimmed || PERSON_ROLE_NAMES[r].zh === trimmed);
  return key ?? trimmed;
}

/** 三亲: how the teller knows — 亲历 lived it, 亲见 saw it, 亲闻 heard it first-hand, 转述 retold. */
export const WITNESS_TYPES = ['lived', 'witnessed', 'heard', 'retold'] as const;
/** 审稿状态, in the order material moves: 征集 → 初审 → 复审 → 终审 → 入选 / 备用 / 退稿. */
export const EDITORIAL_STATUSES = [
  'collected',
  'review1',
  'review2',
  'review3',
  'selected',
  'reserve',
  'rejected',
] as const;
export type EditorialStatus = (typeof EDITORIAL_STATUSES)[number];
/** 开放级别 */
export const ACCESS_LEVELS = ['public', 'internal', 'restricted'] as const;
/** 原件形态 of a photo: 照片 print, 底片 negative, 数码 born digital. */
export const ORIGINAL_FORMS = ['print', 'negative', 'digital'] as const;

/**
 * Between the pages of a document's text, as PDF import writes it: a form feed on a line of its
 * own. The viewer pages by it; search, print and word counts read it as a blank line.
 */
export const PAGE_BREAK = '\n\f\n';
