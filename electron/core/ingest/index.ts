export { addPaths, type AddResult, type AddOptions } from './addPaths';
export { fileTypeOf, SUPPORTED_EXTENSIONS } from './fileTypes';
