import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compileVolume, DEFAULT_PAGE_SETTINGS, type Book } from '../../electron/core/compile';
import { parseSubtitles } from '../../electron/core/ingest/timecodes';
import { ItemSchema } from '../../electron/core/model';
import { transcriptProse } from '../../electron/core/text';
import { resolveArticle } from '../../electron/core/volumes/resolveBook';
import { fonts } from '../helpers/fonts';
import { pdfText } from '../helpers/pdfTools';

const dir = mkdtempSync(path.join(os.tmpdir(), 'wenshi-transcript-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const none = { interviewers: [], narrators: [] };

/** An interview as subtitles: one cue a line, speakers named, cues cut mid-sentence with and without commas. */
function srt(): string {
  const cues = [
    '李记者：张师傅，您是哪一年进的发制品厂？',
    '张德顺：一九八四年春天，',
    '那时候厂子刚办起来',
    '全厂只有二十几个人，一台机器都没有，全靠手工。',
    '我们每天天不亮就起来理头发，',
    '一直干到晚上十点多钟。',
    '李记者：那时候的头发是从哪里收来的？',
    '张德顺：都是各村的货郎挑着担子走村串户收来的，',
    '收来以后按长短分级，最长的能卖到好几块钱一斤',
  ];
  return cues
    .map(
      (text, i) =>
        `${i + 1}\n00:00:${String(i * 5).padStart(2, '0')},000 --> 00:00:${String(i * 5 + 4).padStart(2, '0')},500\n${text}\n`,
    )
    .join('\n');
}

describe('a transcript set as prose', () => {
  it('joins cues into paragraphs, with a comma where a cue ended without a mark', () => {
    const prose = transcriptProse('我们那时候\n没有车，\n全靠两条腿走。\n后来才买了自行车', none);
    expect(prose).toBe('我们那时候，没有车，全靠两条腿走。后来才买了自行车。');
  });

  it('takes out timecodes and leaves a lone 「他说：」 as speech', () => {
    const prose = transcriptProse('[00:01:02] 他说：明天再来。\n[00:01:09] 我就回去了。', none);
    expect(prose).toBe('他说：明天再来。我就回去了。');
  });

  it('makes each speaker turn a 问 or 答 paragraph, by the item’s interviewer and narrator', () => {
    const { text } = parseSubtitles(srt());
    const prose = transcriptProse(text, { interviewers: ['李记者'], narrators: ['张德顺'] });
    const paragraphs = prose.split('\n');
    expect(paragraphs.map((p) => p.slice(0, 2))).toEqual(['问：', '答：', '问：', '答：']);
    expect(paragraphs[1]).toBe(
      '答：一九八四年春天，那时候厂子刚办起来，全厂只有二十几个人，一台机器都没有，全靠手工。我们每天天不亮就起来理头发，一直干到晚上十点多钟。',
    );
    expect(paragraphs[3]!.endsWith('好几块钱一斤。')).toBe(true);
  });

  it('prints an oral history’s subtitles as indented 问/答 paragraphs', async () => {
    const { text, segments } = parseSubtitles(srt());
    const item = ItemSchema.parse({
      id: 'a1',
      kind: 'oral',
      title: '发制品厂的起步',
      text,
      people: [
        { name: '张德顺', role: 'narrator' },
        { name: '李记者', role: 'interviewer' },
      ],
      oral: { segments },
      createdAt: '2024-01-01T00:00:00Z',
      updatedAt: '2024-01-01T00:00:00Z',
    });
    const article = resolveArticle(
      { itemId: 'a1', editorNote: '', figures: [], shared: false },
      {
        get: (id) => (id === 'a1' ? item : undefined),
        filePath: () => '',
      },
    );
    expect(article.text.split('\n')).toHaveLength(4);
    // A transcript an archivist has already edited into paragraphs prints as edited.
    const edited = { ...item, text: '一九八四年春天，厂子刚办起来。\n全厂只有二十几个人' };
    const kept = resolveArticle(
      { itemId: 'a1', editorNote: '', figures: [], shared: false },
      {
        get: () => edited,
        filePath: () => '',
      },
    );
    expect(kept.text).toBe(edited.text);
    const book: Book = {
      title: '许昌改革记忆',
      subtitle: '',
      compiler: '',
      board: [],
      imprint: [],
      sections: [{ title: '', articles: [article] }],
      index: false,
      keywords: [],
      style: DEFAULT_PAGE_SETTINGS,
      recto: false,
      frontNumerals: 'roman',
      script: 'keep',
    };
    const { pdf } = await compileVolume({ book, fonts, date: new Date('2024-05-01T00:00:00Z') });
    const file = path.join(dir, 'transcript.pdf');
    writeFileSync(file, pdf);
    const page = pdfText(file, ['-layout'])
      .split('\f')
      .find((p) => p.includes('发制品厂的起步') && p.includes('问：'))!;
    const lines = page.split('\n').filter((l) => l.trim());
    const turns = lines.filter((l) => /^\s*[问答]：/.test(l));
    expect(turns).toHaveLength(4);
    // Indented like body text: a turn starts further in than the lines that continue it.
    const indent = (l: string) => /^\s*/.exec(l)![0].length;
    const second = lines.indexOf(turns[1]!);
    expect(indent(lines[second]!)).toBeGreaterThan(indent(lines[second + 1]!));
    // The cue that ended 「春天，」 runs on in the same line instead of ending a paragraph there.
    expect(lines.some((l) => l.includes('春天，那时候'))).toBe(true);
  }, 60_000);
});
