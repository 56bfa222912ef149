export {
  XUCHANG_GAZETTEER,
  flattenGazetteer,
  findPlaces,
  type PlaceEntry,
  type PlaceMatch,
} from './xuchangPlaces';
export { DEFAULT_SUBJECTS } from './subjects';
