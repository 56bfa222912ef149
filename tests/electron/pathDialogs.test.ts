import { describe, expect, it } from 'vitest';
import { PATH_PURPOSES } from '../../electron/contract';
import { isPathPurpose, pathDialog } from '../../electron/main/pathDialogs';

describe('the native dialogs the page may ask for', () => {
  it('has a dialog for every purpose, folders for bags and files for registers', () => {
    for (const purpose of PATH_PURPOSES)
      expect(pathDialog(purpose, '', '/home/u/文档').options.title).toBeTruthy();
    const register = pathDialog('register', '', '/docs');
    expect(register.kind === 'open' && register.options.properties).toEqual(['openFile']);
    expect(register.options.filters?.[0]?.extensions).toEqual(['xlsx', 'csv']);
    const bag = pathDialog('restoreBag', '', '/docs');
    expect(bag.kind === 'open' && bag.options.properties).toEqual(['openDirectory']);
  });

  it('takes only a name from the page, never a folder to open the dialog in', () => {
    const save = pathDialog('exportCsv', '../../etc/目录.csv', '/home/u/文档');
    expect(save.options.defaultPath).toBe('/home/u/文档/.._.._etc_目录.csv');
    expect(isPathPurpose('exportCsv')).toBe(true);
    expect(isPathPurpose('anyFile')).toBe(false);
    expect(isPathPurpose({})).toBe(false);
  });
});
