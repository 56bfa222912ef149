// Dates as 文史 workers write them: parsed to EDTF, the wording kept beside it.
export { dateRange, isEdtf, type DateRange } from './range';
export { parseFuzzyDate, type ParsedDate, type ParseOptions } from './parse';
export { formatFuzzyDate } from './format';
export {
  DEFAULT_PERIODS,
  DatePeriodSchema,
  periodNamed,
  type DatePeriod,
  type DatePeriodInput,
} from './periods';
export { yearGanzhi } from './ganzhi';
export {
  EMPTY_DATE,
  dateEdtf,
  dateText,
  isUnreadable,
  type FuzzyDate,
  type FuzzyDateInput,
} from './value';
export { toFuzzyDate } from './reading';
export {
  DATE_FIELDS,
  dateFieldName,
  dateWarnings,
  DATE_FIELD_NAMES,
  itemDateWarnings,
  unreadableDates,
  withDatesRead,
  type DateFieldName,
  type DateWarning,
  type DateWarningCode,
} from './fields';
