/**
 * The one list of Wenshi's operations, gathered from one file per feature. IPC handlers, the
 * preload bridge, HTTP routes, the renderer client and the CLI are all derived from this table:
 * adding an operation is one entry in its feature's file plus its use case in electron/app/.
 */
import type { z } from 'zod';
import { itemsOperations } from './items';
import { jobsOperations } from './jobs';
import { libraryOperations } from './library';
import { ocrOperations } from './ocr';
import { proofOperations } from './proof';
import { searchOperations } from './search';
import { volumesOperations } from './volumes';

export const contract = {
  ...libraryOperations,
  ...itemsOperations,
  ...searchOperations,
  ...volumesOperations,
  ...proofOperations,
  ...ocrOperations,
  ...jobsOperations,
};

export type Contract = typeof contract;
export type OpName = keyof Contract;
export type OpInput<K extends OpName> = z.input<Contract[K]['input']>;
export type OpArgs<K extends OpName> = z.output<Contract[K]['input']>;
export type OpOutput<K extends OpName> = z.output<Contract[K]['output']>;
export const OP_NAMES = Object.keys(contract) as OpName[];

export type { Access } from './op';
export { ItemSummarySchema } from './items';
/** What lists show of an item (the rows of `items.list`, and the rows a change event carries). */
export type ItemSummary = OpOutput<'items.list'>['items'][number];
export { SavedSearchSchema } from './search';
