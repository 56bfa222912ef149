// The values the renderer may import from electron/: constants, enums and pure functions of the
// model. Everything else it takes from the contract as types only (lint-enforced).
// Each from its own module, never the model's index: the index brings every schema, and the
// item schema brings the date reader with its lunar calendar, into the renderer's first script.
export {
  ITEM_KINDS,
  PERSON_ROLES,
  PERSON_ROLE_NAMES,
  RELATION_ROLES,
  PAGE_BREAK,
  WITNESS_TYPES,
  EDITORIAL_STATUSES,
  ACCESS_LEVELS,
  ORIGINAL_FORMS,
} from '../core/model/itemTerms';
export {
  FORM_GROUPS,
  TEMPLATE_FIELDS,
  NOT_IN_FORM,
  ALWAYS_SHOWN,
  templateFor,
  bulkFields,
  bulkEditable,
  fieldValue,
  patchForField,
} from '../core/model/templates';
export { parseFuzzyDate } from '../core/model/dates/parse';
export { formatFuzzyDate } from '../core/model/dates/format';
export { dateRange } from '../core/model/dates/range';
export { dateText } from '../core/model/dates/value';
export { dateWarnings, DATE_FIELD_NAMES, unreadableDates } from '../core/model/dates/fields';
export { DEFAULT_PERIODS } from '../core/model/dates/periods';
export { PAGE_SIZE_NAMES, SCRIPT_MODES, FIGURE_LAYOUTS } from '../core/model/volume';
export { SEARCH_SORTS, SEARCH_FACETS, VOCABULARY_FIELDS } from '../core/model/search';
export { openGarbled, decisionFor, garbledContext } from '../core/model/garbled';
export { OCR_SUGGESTION_FIELD } from '../core/model/ocr';
export {
  HEADING_LEVELS,
  headingOf,
  setHeadingLevel,
  headingOffers,
  acceptHeadingOffers,
} from '../core/model/headings';
export {
  articleParagraphs,
  anchorAfter,
  resolveAnchor,
  photoCaption,
  figureCaption,
} from '../core/model/figures';
export { describeError, languageOf, LANGUAGES } from './errors';
export { SEARCH_INDEX_JOB } from './events';
export { SHORTCUT_KEYS, LIBRARY_TOOLS, PATH_PURPOSES } from './desktop';
export {
  ACTOR_MAX_LENGTH,
  ActorSchema,
  IPC_INVOKE_CHANNEL,
  IPC_EVENT_CHANNEL,
  IPC_COMMAND_CHANNEL,
  IPC_LIBRARY_CHANNEL,
  IPC_PERSON_CHANNEL,
  IPC_DIALOG_CHANNEL,
  HTTP_API_PREFIX,
  HTTP_EXPORTS_PREFIX,
  HTTP_FILES_PREFIX,
  HTTP_UPLOADS_PREFIX,
  HTTP_BACKUP_PATH,
  HTTP_TOKEN_COOKIE,
} from './transport';
