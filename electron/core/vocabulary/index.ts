export {
  XUCHANG_GAZETTEER,
  flattenGazetteer,
  findPlaces,
  type PlaceEntry,
  type PlaceMatch,
} from './xuchangPlaces';
export { DEFAULT_SUBJECTS } from './subjects';
export { TermIndex, type VocabularyTerm, type TermMatch } from './matchTerms';
export {
  Vocabulary,
  VOCABULARY_FIELDS,
  peopleTerms,
  placeTerms,
  subjectTerms,
  type VocabularyField,
  type VocabularySettings,
} from './vocabulary';
