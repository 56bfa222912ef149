import type { VocabularyTerm } from '../../electron/core/vocabulary';

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [
  ...'德顺秀英福来明华建国军平伟芳娜敏静丽强磊洋艳勇杰娟涛超霞刚桂兰玉珍凤荣春梅海林志红文斌宇浩凯鹏飞俊峰成庆云龙亮新生金山水长发宝忠义孝仁礼智信淑贞慧琴',
];

/**
 * A people vocabulary the size of a large library's: `size` distinct two- and three-character
 * names, with counts from 1 to 60, the same every run. 张德顺 is always among them.
 */
export function manyNames(size = 5800): VocabularyTerm[] {
  let seed = 20250301;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return (seed >>> 8) % n;
  };
  const names = new Set<string>(['张德顺']);
  while (names.size < size) {
    const given =
      next(4) === 0 ? GIVEN[next(GIVEN.length)]! : GIVEN[next(GIVEN.length)]! + GIVEN[next(GIVEN.length)]!;
    names.add(SURNAMES[next(SURNAMES.length)]! + given);
  }
  return [...names].map((value) => ({ value, count: 1 + next(60) }));
}
