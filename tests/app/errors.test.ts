import { describe, expect, it } from 'vitest';
import { Application } from '../../electron/app';
import { describeError, languageOf } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { fonts } from '../helpers/fonts';
import { tempDir } from '../helpers/tempDir';

const READER = { canWrite: false, canUseLocalPaths: false };

describe('failures in the user’s language', () => {
  it('reads the language from a locale name, Simplified Chinese by default', () => {
    expect(languageOf('en_US.UTF-8')).toBe('en');
    expect(languageOf('zh_TW.UTF-8')).toBe('zh-Hant');
    expect(languageOf('zh-Hant-HK')).toBe('zh-Hant');
    expect(languageOf('zh_CN.UTF-8')).toBe('zh-Hans');
    expect(languageOf('C.UTF-8')).toBe('zh-Hans');
    expect(languageOf(undefined)).toBe('zh-Hans');
  });

  it('says a failure the application names in each language, with its parameters', async () => {
    const root = await tempDir();
    await (await Library.create(root, '资料库')).close();
    const app = await Application.open(root, { fonts });
    try {
      const refused = await app.dispatch('items.create', { kind: 'document', title: '甲' }, {}, READER);
      const unknown = await app.dispatch('items.burn', {}, {}, READER);
      if (refused.ok || unknown.ok) throw new Error('expected failures');
      expect(refused.error.code).toBe('read_only');
      expect(describeError(refused.error, 'zh-Hans')).toBe('当前为只读访问，不能修改资料库。');
      expect(describeError(refused.error, 'zh-Hant')).toBe('目前為唯讀存取，不能修改資料庫。');
      expect(describeError(refused.error, 'en')).toMatch(/^This is read-only access/);
      expect(describeError(unknown.error, 'en')).toBe('There is no operation items.burn.');
      // The message travels too, for a door that shows it as is.
      expect(unknown.error.message).toBe('没有这个操作：items.burn');
    } finally {
      await app.close();
    }
  });

  it('keeps the sentence of a failure the core named', () => {
    expect(describeError({ code: 'not_found', message: '找不到条目 x' }, 'en')).toBe('找不到条目 x');
  });
});
