// The native dialogs the page may ask for (through the desktop bridge), by purpose: main words
// them and filters the files, so a page can ask for a path but never name one itself.
import path from 'node:path';
import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { PATH_PURPOSES, type PathPurpose } from '../contract';

export type PathDialog =
  { kind: 'open'; options: OpenDialogOptions } | { kind: 'save'; options: SaveDialogOptions };

const REGISTER_FILTERS = [{ name: '登记表（Excel、CSV）', extensions: ['xlsx', 'csv'] }];

export function isPathPurpose(value: unknown): value is PathPurpose {
  return typeof value === 'string' && (PATH_PURPOSES as readonly string[]).includes(value);
}

/** The dialog for a purpose; `suggestedName` is a bare file name the page proposes. */
export function pathDialog(purpose: PathPurpose, suggestedName: string, documents: string): PathDialog {
  // Only a name, never a path: the page cannot steer the dialog to a folder of its choosing.
  const name = suggestedName.replace(/[\\/]/g, '_').slice(0, 120);
  const at = (fallback: string) => path.join(documents, name || fallback);
  switch (purpose) {
    case 'register':
      return {
        kind: 'open',
        options: {
          title: '导入登记表',
          buttonLabel: '预览',
          properties: ['openFile'],
          filters: REGISTER_FILTERS,
        },
      };
    case 'exportCsv':
      return {
        kind: 'save',
        options: {
          title: '导出目录',
          defaultPath: at('目录.csv'),
          filters: [{ name: 'CSV', extensions: ['csv'] }],
        },
      };
    case 'exportJson':
      return {
        kind: 'save',
        options: {
          title: '导出目录',
          defaultPath: at('目录.json'),
          filters: [{ name: 'JSON', extensions: ['json'] }],
        },
      };
    case 'backupFolder':
      return {
        kind: 'save',
        options: {
          title: '备份资料库',
          buttonLabel: '备份',
          message: '输入备份文件夹的名称（BagIt 包，新建）',
          defaultPath: at('资料库备份'),
          properties: ['createDirectory'],
        },
      };
    case 'restoreBag':
      return {
        kind: 'open',
        options: { title: '选择备份包文件夹', buttonLabel: '选择', properties: ['openDirectory'] },
      };
    case 'restoreTarget':
      return {
        kind: 'save',
        options: {
          title: '恢复到新文件夹',
          buttonLabel: '恢复',
          message: '输入恢复后资料库文件夹的名称（须为新的或空的文件夹）',
          defaultPath: at('恢复的资料库'),
          properties: ['createDirectory'],
        },
      };
    case 'mergeBag':
      return {
        kind: 'open',
        options: { title: '选择要合并的资料包文件夹', buttonLabel: '合并', properties: ['openDirectory'] },
      };
  }
}
