/**
 * The contract between the doors and the application: operations (one file per feature), events,
 * errors, transport and the desktop bridge. It imports only the model and zod; the renderer takes
 * its types from here and its values from `./shared`.
 */
export * from './operations';
export * from './events';
export * from './errors';
export * from './transport';
export * from './desktop';
export * from './shared';
// The operation names are for the doors (the preload lists them); the renderer's first script has
// no need of the operations' schemas they would bring.
export { OP_NAMES } from './operations';
export type {
  Item,
  ItemKind,
  ItemFields,
  ItemFieldsInput,
  ItemPatchInput,
  Person,
  PersonRole,
  FileRef,
  Region,
  EditorialStatus,
  Volume,
  VolumeFieldsInput,
  VolumeCounts,
  Section,
  ArticleEntry,
  FigureEntry,
  PageSettings,
  FuzzyDate,
  DatePeriod,
  DateFieldName,
  DateWarning,
  SearchSort,
  SearchFacet,
  VocabularyField,
  FormField,
  FormTemplate,
  FormGroup,
  FormSettings,
  FormSettingsInput,
  CustomField,
  FieldInput,
} from '../core/model';
