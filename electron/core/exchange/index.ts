export {
  readRegister,
  previewRegister,
  importRegister,
  exportCsv,
  exportJson,
  type RegisterPreview,
  type RegisterImport,
  type RegisterRow,
} from './register';
export { toCsv, parseCsv, neutralizeFormula } from './csv';
export { columnFor } from './columns';
