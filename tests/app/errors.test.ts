import { describe, expect, it } from 'vitest';
import { Application, toApiError } from '../../electron/app';
import { AppFailure } from '../../electron/app/errors';
import { describeError, LANGUAGES, languageOf } from '../../electron/contract';
import { Library } from '../../electron/core/library';
import { fonts } from '../helpers/fonts';
import { tempDir } from '../helpers/tempDir';

const READER = { canWrite: false, canUseLocalPaths: false };
const WRITER = { canWrite: true, canUseLocalPaths: true };

async function openApp(): Promise<Application> {
  const root = await tempDir();
  await (await Library.create(root, '资料库')).close();
  return Application.open(root, { fonts });
}

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

  it('sends a failure the core named as its sentence and parameters, said in each language', async () => {
    const app = await openApp();
    try {
      const missing = await app.dispatch('items.get', { id: 'NOPE' }, {}, READER);
      if (missing.ok) throw new Error('expected a failure');
      expect(missing.error).toEqual({
        code: 'not_found',
        message: '找不到条目 NOPE',
        sentence: 'item_not_found',
        params: { id: 'NOPE' },
      });
      expect(describeError(missing.error, 'zh-Hans')).toBe('找不到条目 NOPE');
      expect(describeError(missing.error, 'zh-Hant')).toBe('找不到條目 NOPE');
      expect(describeError(missing.error, 'en')).toBe('There is no item NOPE.');
      // A failure crosses a door as JSON: nothing of it is lost on the way.
      expect(JSON.parse(JSON.stringify(missing.error))).toEqual(missing.error);
    } finally {
      await app.close();
    }
  });

  it('names what the item form refuses: empty title, empty name, a frame off the photo; never a date', async () => {
    const app = await openApp();
    try {
      const said = async (fields: Record<string, unknown>) => {
        const result = await app.dispatch(
          'items.create',
          { kind: 'photo', title: '甲', ...fields },
          {},
          WRITER,
        );
        if (result.ok) throw new Error('expected a failure');
        expect(result.error.code).toBe('invalid_argument');
        return LANGUAGES.map((language) => describeError(result.error, language));
      };
      expect(await said({ title: ' ' })).toEqual([
        '题名不能为空',
        '題名不能為空',
        'The title cannot be empty.',
      ]);
      expect((await said({ title: '长'.repeat(501) }))[2]).toBe('The title can have at most 500 characters.');
      expect((await said({ people: [{ name: '' }] }))[1]).toBe('人名不能為空');
      const region = { x: 0.8, y: 0, w: 0.5, h: 0.5, name: '张三' };
      expect((await said({ photo: { regions: [region] } }))[2]).toBe(
        'A person’s frame must lie within the photo.',
      );
      // A date that cannot be read is no refusal: it is kept as written and listed for review.
      expect(
        (await app.dispatch('items.create', { kind: 'document', title: '甲', eventDate: '明天' }, {}, WRITER))
          .ok,
      ).toBe(true);
      // Any other refusal still says where, and what the schema said.
      const other = await app.dispatch('items.create', { kind: 'scroll', title: '甲' }, {}, WRITER);
      if (other.ok) throw new Error('expected a failure');
      expect(other.error).toMatchObject({ code: 'invalid_argument', sentence: 'invalid_argument_at' });
      expect(other.error.message).toMatch(/^参数有误：kind：/);
      expect(describeError(other.error, 'en')).toMatch(/^Invalid argument kind: /);
    } finally {
      await app.close();
    }
  });

  it('sends a failure the application names with its sentence too', () => {
    const failure = toApiError(new AppFailure('invalid_argument', 'volume_without_articles'));
    expect(failure).toMatchObject({ code: 'invalid_argument', sentence: 'volume_without_articles' });
    expect(failure.message).toBe('这一卷还没有文章，请先加入文章');
    expect(describeError(failure, 'en')).toBe('This volume has no articles yet; add some first.');
  });

  it('keeps the message of a failure without a name', () => {
    expect(describeError({ code: 'not_found', message: '找不到条目 x' }, 'en')).toBe('找不到条目 x');
    expect(describeError({ code: 'x', message: '甲', sentence: 'toString' as never }, 'en')).toBe('甲');
  });
});
