import { z } from 'zod';

/**
 * Named periods as 文史 writing dates things: 清末, 建国初期, 文革期间. Each is read as the range
 * historians commonly give it; a library may change the table (library.json settings), since
 * local usage differs (解放 came to each county in a different month).
 */
export const DatePeriodSchema = z.object({
  name: z.string().trim().min(1, '时期名称不能为空'),
  /** Other ways of writing it: 文革 / 文化大革命 / 十年动乱. */
  aliases: z.array(z.string().trim().min(1)).default([]),
  /** The range, as EDTF: 1966-05/1976-10. */
  edtf: z.string().trim().min(1),
  /** Where the dating comes from, for the person who edits the table. */
  source: z.string().default(''),
});
export type DatePeriod = z.infer<typeof DatePeriodSchema>;
export type DatePeriodInput = z.input<typeof DatePeriodSchema>;

const p = (name: string, edtf: string, source: string, aliases: string[] = []): DatePeriod => ({
  name,
  aliases,
  edtf,
  source,
});

/** The built-in table, in time order. */
export const DEFAULT_PERIODS: readonly DatePeriod[] = [
  p('晚清', '1840/1911', '中国近代史以鸦片战争（1840）为开端，至辛亥革命', ['清朝末年', '晚清时期']),
  p('清末', '1901/1911', '清末新政（1901）至辛亥革命，《剑桥中国晚清史》等通行断代', ['清朝末期']),
  p('民国初年', '1912/1916', '中华民国成立至袁世凯去世（北洋政府前期）', ['民初', '民国初期', '民国初']),
  p('北洋政府时期', '1912/1928', '北京政府时期，至1928年东北易帜', ['北洋时期']),
  p('南京国民政府时期', '1927/1949', '南京国民政府成立（1927-04）至1949年', ['国民政府时期']),
  p(
    '抗战时期',
    '1937-07/1945-09',
    '全面抗战：七七事变（1937-07-07）至日本签署投降书（1945-09-02）；局部抗战始于1931年九一八事变',
    ['抗日战争时期', '抗战期间', '抗日战争', '抗战'],
  ),
  p('解放战争时期', '1946-06/1949-09', '全面内战爆发（1946-06）至中华人民共和国成立', ['解放战争']),
  p('解放前夕', '1948/1949', '各地解放前一两年，各地月份不同，可按本地改', ['临解放时']),
  p(
    '建国初期',
    '1949-10/1956',
    '《中华人民共和国史》分期：过渡时期（1949-10 至 1956 年社会主义改造基本完成）',
    ['新中国成立初期', '解放初期', '建国初', '解放初'],
  ),
  p('土改时期', '1950/1952', '1950年《土地改革法》颁布至1952年底基本完成', ['土地改革时期', '土改']),
  p('抗美援朝时期', '1950-10/1953-07', '志愿军入朝（1950-10）至停战协定签订（1953-07）', ['抗美援朝']),
  p('大跃进时期', '1958/1960', '《中华人民共和国史》：1958年至1960年', ['大跃进', '大跃进期间']),
  p('三年困难时期', '1959/1961', '《中华人民共和国史》：1959年至1961年', [
    '三年自然灾害',
    '三年自然灾害时期',
    '三年困难',
  ]),
  p('国民经济调整时期', '1961/1965', '八字方针提出（1961）至第三个五年计划开始', ['调整时期']),
  p('四清运动', '1963/1966', '城乡社会主义教育运动，1963年至1966年', ['四清', '社教运动']),
  p(
    '文革期间',
    '1966-05/1976-10',
    '中共中央《关于建国以来党的若干历史问题的决议》（1981）：1966年5月至1976年10月',
    ['文革', '文化大革命', '文化大革命期间', '文革时期', '十年动乱', '十年浩劫'],
  ),
  p('上山下乡时期', '1968/1978', '知识青年大规模上山下乡，1968年至1978年', ['上山下乡']),
  p(
    '改革开放初期',
    '1978-12/1984-10',
    '十一届三中全会（1978-12）至十二届三中全会（1984-10）城市经济体制改革',
    ['改革开放之初', '改革初期'],
  ),
];

/** Endings that do not change which period is meant: 文革期间 = 文革时期 = 文革. */
const ENDINGS = /(时期|期间|年间|之际|时候|的时候|时)$/;

function key(text: string): string {
  return text.replace(/\s+/g, '').replace(ENDINGS, '');
}

/** The period a wording names, if any. */
export function periodNamed(text: string, periods: readonly DatePeriod[]): DatePeriod | undefined {
  const wanted = key(text);
  if (!wanted) return undefined;
  return periods.find((period) => [period.name, ...period.aliases].some((name) => key(name) === wanted));
}
