export { csvCell, exportCsv, itemsToCsv } from './csvExport';
