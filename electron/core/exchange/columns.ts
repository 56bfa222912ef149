import {
  EDITORIAL_STATUSES,
  PERSON_ROLES,
  PERSON_ROLE_NAMES,
  WITNESS_TYPES,
  dateText,
  type FuzzyDateInput,
  type Item,
  type ItemFieldsInput,
  type ItemKind,
  type PersonRole,
} from '../model';

/**
 * The columns of a register spreadsheet: Chinese headers as 文史 offices write them (with
 * common variants), mapped to item fields. Export writes the first header of each column.
 */
export interface Column {
  headers: string[];
  /** The item field it fills (`section.key` for nested ones), to name it in error messages. */
  field: string;
  read(item: Item): string;
  /** Puts the cell's text into the fields; returns an error message if the text is unusable. */
  write(fields: ItemFieldsInput, value: string): string | void;
}

const KIND_NAMES: Record<ItemKind, string> = { oral: '口述', photo: '照片', document: '文献' };
const WITNESS_NAMES: Record<(typeof WITNESS_TYPES)[number], string> = {
  lived: '亲历',
  witnessed: '亲见',
  heard: '亲闻',
  retold: '转述',
};
const STATUS_NAMES: Record<(typeof EDITORIAL_STATUSES)[number], string> = {
  collected: '征集',
  review1: '初审',
  review2: '复审',
  review3: '终审',
  selected: '入选',
  reserve: '备用',
  rejected: '退稿',
};
const ACCESS_NAMES = { public: '公开', internal: '内部', restricted: '限制' } as const;
const LIST_SEPARATOR = /[、,，;；]/;

function list(value: string): string[] {
  return value
    .split(LIST_SEPARATOR)
    .map((v) => v.trim())
    .filter(Boolean);
}

function byName<K extends string>(names: Record<K, string>, value: string, what: string): K | string {
  const key = (Object.keys(names) as K[]).find((k) => names[k] === value || k === value);
  return key ?? `无法识别的${what}「${value}」，应为 ${Object.values(names).join('/')}`;
}

function text<K extends keyof ItemFieldsInput>(key: K, ...headers: string[]): Column {
  return {
    headers,
    field: key,
    read: (item) => String(item[key as keyof Item] ?? ''),
    write: (fields, value) => {
      (fields as Record<string, unknown>)[key] = value;
    },
  };
}

/**
 * A date column: export writes the wording as the archivist typed it, and import reads it again
 * (an EDTF cell from an older export reads too), so a register round-trips without an EDTF column.
 */
function date(key: 'eventDate' | 'createdDate', ...headers: string[]): Column {
  return {
    headers,
    field: key,
    read: (item) => dateText(item[key]),
    write: (fields, value) => {
      fields[key] = value;
    },
  };
}

function listColumn<K extends 'places' | 'organizations' | 'subjects' | 'keywords' | 'collections' | 'tags'>(
  key: K,
  ...headers: string[]
): Column {
  return {
    headers,
    field: key,
    read: (item) => item[key].join('、'),
    write: (fields, value) => {
      fields[key] = list(value);
    },
  };
}

function nested<S extends 'provenance' | 'rights' | 'photo' | 'document' | 'oral'>(
  section: S,
  key: string,
  headers: string[],
  parse: (value: string) => unknown = (v) => v,
  show: (value: unknown) => string = (v) => (v === undefined ? '' : String(v)),
): Column {
  return {
    headers,
    field: `${section}.${key}`,
    read: (item) => show((item[section] as Record<string, unknown> | undefined)?.[key]),
    write: (fields, value) => {
      const parsed = parse(value);
      if (typeof parsed === 'string' && parsed.startsWith('无法识别')) return parsed;
      fields[section] = { ...(fields[section] as object | undefined), [key]: parsed } as never;
    },
  };
}

function peopleWith(role: PersonRole | ''): Column {
  const header = role ? PERSON_ROLE_NAMES[role].zh : '人物';
  return {
    headers: role === 'narrator' ? [header, '口述者'] : [header],
    field: 'people',
    read: (item) =>
      item.people
        .filter((p) => p.role === role)
        .map((p) => p.name)
        .join('、'),
    write: (fields, value) => {
      fields.people = [...(fields.people ?? []), ...list(value).map((name) => ({ name, role }))];
    },
  };
}

const yesNo = (value: string) =>
  /^(是|有|已签|已审|y|yes|true|1)$/i.test(value)
    ? true
    : /^(否|无|未签|未审|n|no|false|0)$/i.test(value)
      ? false
      : `无法识别「${value}」，应为 是/否`;
const showYesNo = (v: unknown) => (v === true ? '是' : v === false ? '否' : '');
const integer = (value: string) => (/^\d+$/.test(value) ? Number(value) : `无法识别的数字「${value}」`);

export const REGISTER_COLUMNS: Column[] = [
  text('identifier', '档号', '编号'),
  {
    headers: ['类型', '类别', '资料类型'],
    field: 'kind',
    read: (item) => KIND_NAMES[item.kind],
    write: (fields, value) => {
      const kind = byName(KIND_NAMES, value, '类型');
      if (kind.startsWith('无法识别')) return kind;
      fields.kind = kind as ItemKind;
    },
  },
  text('title', '题名', '标题', '篇名'),
  text('subtitle', '副题名', '副标题'),
  text('abstract', '内容提要', '摘要', '提要'),
  date('eventDate', '事件时间', '时间', '年代'),
  date('createdDate', '形成时间', '成文时间'),
  listColumn('places', '地点', '地名'),
  ...PERSON_ROLES.map((role) => peopleWith(role)),
  peopleWith(''),
  listColumn('organizations', '机构', '单位'),
  listColumn('subjects', '主题词', '主题'),
  listColumn('keywords', '关键词'),
  {
    headers: ['三亲', '三亲类型'],
    field: 'witnessType',
    read: (item) => (item.witnessType ? WITNESS_NAMES[item.witnessType] : ''),
    write: (fields, value) => {
      const type = byName(WITNESS_NAMES, value, '三亲类型');
      if (type.startsWith('无法识别')) return type;
      fields.witnessType = type as (typeof WITNESS_TYPES)[number];
    },
  },
  nested('provenance', 'method', ['征集方式']),
  nested('provenance', 'provider', ['提供者']),
  nested('provenance', 'collector', ['征集人']),
  nested('provenance', 'date', ['征集日期', '征集时间'], undefined, (v) => dateText(v as FuzzyDateInput)),
  nested('provenance', 'location', ['原件存放处', '存放处']),
  nested('rights', 'releaseSigned', ['授权书', '已签授权书'], yesNo, showYesNo),
  nested('rights', 'releaseDate', ['授权日期'], undefined, (v) => dateText(v as FuzzyDateInput)),
  nested(
    'rights',
    'access',
    ['开放级别'],
    (v) => byName(ACCESS_NAMES, v, '开放级别'),
    (v) => (v ? ACCESS_NAMES[v as keyof typeof ACCESS_NAMES] : ''),
  ),
  {
    headers: ['审稿状态', '状态'],
    field: 'editorialStatus',
    read: (item) => STATUS_NAMES[item.editorialStatus],
    write: (fields, value) => {
      const status = byName(STATUS_NAMES, value, '审稿状态');
      if (status.startsWith('无法识别')) return status;
      fields.editorialStatus = status as (typeof EDITORIAL_STATUSES)[number];
    },
  },
  nested('photo', 'caption', ['图片说明']),
  nested('document', 'genre', ['文种']),
  nested('document', 'creator', ['责任者']),
  nested('document', 'docNumber', ['文号']),
  nested('document', 'pages', ['页数'], integer),
  listColumn('collections', '专题', '所属专题', '栏目'),
  listColumn('tags', '标签'),
  text('notes', '备注'),
  text('text', '全文', '正文'),
];

/** The column a header names, by any of its Chinese names or its field name; null for unknown headers. */
export function labelOfField(path: readonly PropertyKey[]): string {
  const [first, second] = path.map(String);
  return (
    REGISTER_COLUMNS.find((c) => c.field === `${first}.${second}`)?.headers[0] ??
    REGISTER_COLUMNS.find((c) => c.field === first)?.headers[0] ??
    String(first)
  );
}

export function columnFor(header: string): Column | null {
  const h = header.replace(/\s+/g, '').replace(/[（(].*[)）]$/, '');
  return REGISTER_COLUMNS.find((c) => c.headers.includes(h)) ?? null;
}
