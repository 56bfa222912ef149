import { execFileSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { Library } from '../../electron/core/library';
import { Application } from '../../electron/app';
import type { OpInput, OpName, OpOutput } from '../../electron/contract';
import { tempDir } from '../helpers/tempDir';
import { fonts } from '../helpers/fonts';
import { makePhotos } from '../helpers/sampleBook';
import { pdfText, qpdfCheck } from '../helpers/pdfTools';

const DESK = { canWrite: true, canUseLocalPaths: true };

async function open() {
  const root = path.join(await tempDir(), 'lib');
  await (await Library.create(root, '许昌改革记忆')).close();
  const service = await Application.open(root, { fonts });
  async function call<K extends OpName>(op: K, args: OpInput<K>): Promise<OpOutput<K>> {
    const result = await service.dispatch(op, args, {}, DESK);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as OpOutput<K>;
  }
  async function fail<K extends OpName>(op: K, args: OpInput<K>): Promise<string> {
    const result = await service.dispatch(op, args, {}, DESK);
    expect(result.ok).toBe(false);
    return result.ok ? '' : result.error.message;
  }
  return { root, service, call, fail };
}

describe('volumes', () => {
  it('are stored as JSON in volumes/, counted the Chinese way, and never change the catalog item', async () => {
    const { root, service, call } = await open();
    const oral = await call('items.create', {
      kind: 'oral',
      title: '发制品的起步',
      text: '一九八四年春，许昌的发制品产业刚刚起步。\n我们 从收购头发开始。',
      people: [
        { name: '张三', role: 'narrator' },
        { name: '李四', role: 'transcriber' },
      ],
    });
    const volume = await call('volumes.create', {
      title: '许昌改革记忆',
      series: '许昌改革记忆',
      sections: [
        {
          id: 's1',
          title: '产业',
          articles: [{ itemId: oral.id, title: '许昌发制品产业的起步', text: '改过的正文，只在本卷。' }],
        },
      ],
    });
    expect(await readdir(path.join(root, 'volumes'))).toContain(`${volume.id}.json`);
    const stored = JSON.parse(await readFile(path.join(root, 'volumes', `${volume.id}.json`), 'utf8'));
    expect(stored.sections[0].articles[0].title).toBe('许昌发制品产业的起步');

    const { counts } = await call('volumes.get', { id: volume.id });
    // 许昌发制品产业的起步 (10) + 改过的正文，只在本卷。(11)
    expect(counts.sections[0]!.articles[0]!.chars).toBe(21);
    expect(counts.total).toBe(21);
    expect((await call('items.get', { id: oral.id })).title).toBe('发制品的起步');

    const out = path.join(root, '..', 'v.pdf');
    const compiled = await call('volumes.compile', { volumeId: volume.id, output: out });
    expect(compiled.articles).toBe(1);
    expect(qpdfCheck(out).ok).toBe(true);
    const text = pdfText(out).replace(/\s+/g, '');
    expect(text).toContain('许昌发制品产业的起步');
    expect(text).toContain('口述张三');
    expect(text).toContain('改过的正文，只在本卷。');
    expect(text).not.toContain('刚刚起步');

    // A reopened service reads the volume back.
    await service.close();
    const again = await Application.open(root, { fonts });
    const listed = await again.dispatch('volumes.list', {}, {}, DESK);
    expect(listed.ok && listed.value).toMatchObject([{ id: volume.id, articles: 1, chars: 21 }]);
    await again.close();
  });

  it('keep an article in one volume of a series unless both entries allow it', async () => {
    const { service, call, fail } = await open();
    const item = await call('items.create', { kind: 'oral', title: '一篇文章', text: '正文。' });
    const section = (shared: boolean) => [{ id: 's', title: '', articles: [{ itemId: item.id, shared }] }];
    const first = await call('volumes.create', { title: '第一卷', series: '丛书', sections: section(false) });
    expect(
      await fail('volumes.create', { title: '第二卷', series: '丛书', sections: section(true) }),
    ).toMatch(/已收入同一丛书《丛书》的《第一卷》/);
    await call('volumes.create', { title: '别的丛书', series: '另一套', sections: section(false) });
    await call('volumes.update', {
      id: first.id,
      fields: { title: '第一卷', series: '丛书', sections: section(true) },
    });
    await call('volumes.create', { title: '第二卷', series: '丛书', sections: section(true) });
    expect(
      await fail('volumes.update', {
        id: first.id,
        fields: {
          title: '第一卷',
          sections: [{ id: 's', articles: [{ itemId: item.id }, { itemId: item.id }] }],
        },
      }),
    ).toMatch(/出现了两次/);
    await call('volumes.delete', { id: first.id });
    expect((await call('volumes.list', {})).map((v) => v.title)).toEqual(['别的丛书', '第二卷']);
    await service.close();
  });

  it('print photo items and attached images with their captions', async () => {
    const { root, service, call } = await open();
    const [photoFile, attached] = await makePhotos(path.join(root, '..', 'photos'), 2, 600);
    await call('items.add', { paths: [photoFile!], kind: 'photo' });
    const photo = (await call('items.list', { kind: 'photo' })).items[0]!;
    await call('items.update', { id: photo.id, patch: { photo: { caption: '1984年的许昌发制品厂' } } });
    const text = path.join(root, '..', '口述.txt');
    await writeFile(text, '一九八四年春，许昌的发制品产业刚刚起步。');
    await call('items.add', { paths: [text, attached!], kind: 'document' });
    const documents = (await call('items.list', { kind: 'document' })).items;
    const article = await call('items.get', { id: documents.find((d) => d.title === '口述')!.id });
    const image = await call('items.get', { id: documents.find((d) => d.title !== '口述')!.id });
    // The image file is attached to the article's item, as a scan would be.
    await call('items.update', { id: article.id, patch: { files: [...article.files, ...image.files] } });
    const volume = await call('volumes.create', {
      title: '图文',
      sections: [
        {
          id: 's',
          articles: [
            {
              itemId: article.id,
              figures: [
                { itemId: photo.id },
                { sha256: image.files[0]!.sha256, caption: '附图：老厂房', width: 0.5 },
              ],
            },
          ],
        },
      ],
    });
    const out = path.join(root, '..', 'figures.pdf');
    const compiled = await call('volumes.compile', { volumeId: volume.id, output: out });
    expect(compiled.figures).toBe(2);
    const printed = pdfText(out).replace(/\s+/g, '');
    expect(printed).toContain('1984年的许昌发制品厂');
    expect(printed).toContain('附图：老厂房');
    await service.close();
  });

  it('compile the items given in the order given, and nothing when nothing is selected', async () => {
    const { root, service, call, fail } = await open();
    const ids: string[] = [];
    for (const title of ['甲篇', '乙篇', '丙篇'])
      ids.push((await call('items.create', { kind: 'document', title, text: `${title}的正文。` })).id);
    const out = path.join(root, '..', 'order.pdf');
    const order = [ids[2]!, ids[0]!, ids[1]!];
    await call('volumes.compile', { itemIds: order, title: '选印', output: out });
    const printed = pdfText(out).replace(/\s+/g, '');
    const at = ['丙篇的正文', '甲篇的正文', '乙篇的正文'].map((t) => printed.indexOf(t));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // For the print shop, whatever the (quick) volume's settings: PDF/X-4 with trim and bleed boxes.
    const forPrinter = path.join(root, '..', 'x4.pdf');
    await call('volumes.compile', { itemIds: order, output: forPrinter, pdfx: true, cropMarks: true });
    const info = execFileSync('pdfinfo', ['-box', forPrinter], { encoding: 'utf8' });
    expect(info).toMatch(/PDF subtype:\s+PDF\/X-4/);
    expect(info).toMatch(/TrimBox:\s+[1-9]/);
    // An empty selection is refused with the reason, never read as "the whole library".
    expect(await fail('volumes.compile', { itemIds: [], title: '选印', output: out })).toMatch(/^未选择条目/);
    await service.close();
  });
});
