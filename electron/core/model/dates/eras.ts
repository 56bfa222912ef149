/**
 * 年号: reign eras → the Gregorian year of their first year (元年), for dates written
 * 光绪二十六年, 乾隆五十年, 万历十五年. Reign years are lunar years; each is read as the Gregorian
 * year in which most of it falls (光绪二十六年 → 1900), as chronological tables (《中国历史纪年表》,
 * 万国鼎《中国历史纪年表》) give them.
 *
 * Each dynasty is listed in order; an era lasts until the year before the next one begins, the
 * last until the dynasty's end. Names used more than once in history (至元, 建元, 太平) take their
 * best-known use; the others are not listed.
 */

interface Dynasty {
  /** The last year of the dynasty's last era. */
  end: number;
  /** An era followed by a gap in this list gives its own last year. */
  eras: [name: string, start: number, end?: number][];
}

const DYNASTIES: Dynasty[] = [
  {
    // 唐
    end: 907,
    eras: [
      ['武德', 618],
      ['贞观', 627],
      ['永徽', 650, 655],
      ['显庆', 656, 661],
      ['开元', 713],
      ['天宝', 742],
      ['至德', 756],
      ['乾元', 758],
      ['大历', 766],
      ['建中', 780],
      ['贞元', 785],
      ['元和', 806],
      ['长庆', 821],
      ['宝历', 825],
      ['大和', 827],
      ['开成', 836],
      ['会昌', 841],
      ['大中', 847],
      ['咸通', 860],
      ['乾符', 874],
      ['中和', 881],
      ['光启', 885],
      ['天祐', 904],
    ],
  },
  {
    // 北宋、南宋
    end: 1279,
    eras: [
      ['建隆', 960],
      ['乾德', 963],
      ['开宝', 968],
      ['太平兴国', 976],
      ['雍熙', 984],
      ['淳化', 990],
      ['至道', 995],
      ['咸平', 998],
      ['景德', 1004],
      ['大中祥符', 1008],
      ['天圣', 1023],
      ['明道', 1032],
      ['景祐', 1034],
      ['宝元', 1038],
      ['康定', 1040],
      ['庆历', 1041],
      ['皇祐', 1049],
      ['至和', 1054],
      ['嘉祐', 1056],
      ['治平', 1064],
      ['熙宁', 1068],
      ['元丰', 1078],
      ['元祐', 1086],
      ['绍圣', 1094],
      ['元符', 1098],
      ['建中靖国', 1101],
      ['崇宁', 1102],
      ['大观', 1107],
      ['政和', 1111],
      ['重和', 1118],
      ['宣和', 1119],
      ['靖康', 1126],
      ['建炎', 1127],
      ['绍兴', 1131],
      ['隆兴', 1163],
      ['乾道', 1165],
      ['淳熙', 1174],
      ['绍熙', 1190],
      ['庆元', 1195],
      ['嘉泰', 1201],
      ['开禧', 1205],
      ['嘉定', 1208],
      ['宝庆', 1225],
      ['绍定', 1228],
      ['端平', 1234],
      ['嘉熙', 1237],
      ['淳祐', 1241],
      ['宝祐', 1253],
      ['开庆', 1259],
      ['景定', 1260],
      ['咸淳', 1265],
      ['德祐', 1275],
      ['景炎', 1276],
      ['祥兴', 1278],
    ],
  },
  {
    // 元 (from 忽必烈's 中统)
    end: 1368,
    eras: [
      ['中统', 1260],
      ['至元', 1264],
      ['元贞', 1295],
      ['大德', 1297],
      ['至大', 1308],
      ['皇庆', 1312],
      ['延祐', 1314],
      ['至治', 1321],
      ['泰定', 1324],
      ['天历', 1328],
      ['至顺', 1330],
      ['元统', 1333],
      ['后至元', 1335],
      ['至正', 1341],
    ],
  },
  {
    // 明; 南明's 弘光、隆武、永历 follow 崇祯 in southern China.
    end: 1662,
    eras: [
      ['洪武', 1368],
      ['建文', 1399],
      ['永乐', 1403],
      ['洪熙', 1425],
      ['宣德', 1426],
      ['正统', 1436],
      ['景泰', 1450],
      ['天顺', 1457],
      ['成化', 1465],
      ['弘治', 1488],
      ['正德', 1506],
      ['嘉靖', 1522],
      ['隆庆', 1567],
      ['万历', 1573],
      ['泰昌', 1620],
      ['天启', 1621],
      ['崇祯', 1628],
      ['弘光', 1645],
      ['隆武', 1646],
      ['永历', 1647],
    ],
  },
  {
    // 后金 and 清
    end: 1911,
    eras: [
      ['天命', 1616],
      ['天聪', 1627],
      ['崇德', 1636],
      ['顺治', 1644],
      ['康熙', 1662],
      ['雍正', 1723],
      ['乾隆', 1736],
      ['嘉庆', 1796],
      ['道光', 1821],
      ['咸丰', 1851],
      ['同治', 1862],
      ['光绪', 1875],
      ['宣统', 1909],
    ],
  },
];

export interface Era {
  name: string;
  /** Gregorian year of the era's first year. */
  start: number;
  /**
   * Gregorian year of its last. An era often changed in the middle of a year (天宝十五载 is
   * 至德元载), so a year number one past this is still read.
   */
  end: number;
}

/** Every listed era by name; 泰昌 lasted one month and shares its year with 万历四十八年. */
const ERAS = new Map<string, Era>();
for (const dynasty of DYNASTIES) {
  dynasty.eras.forEach(([name, start, last], i) => {
    const next = dynasty.eras[i + 1];
    const end = last ?? (next ? Math.max(start, next[1] - 1) : dynasty.end);
    ERAS.set(name, { name, start, end });
  });
}
// The Southern Ming eras overlap: 弘光 ended in 1645, 隆武 in 1646.
ERAS.set('弘光', { name: '弘光', start: 1645, end: 1645 });
ERAS.set('隆武', { name: '隆武', start: 1645, end: 1646 });
ERAS.set('崇祯', { name: '崇祯', start: 1628, end: 1644 });

/** 民国纪年: 民国元年 is 1912 and it has no end (Taiwan still counts by it). */
export const REPUBLIC: Era = { name: '民国', start: 1912, end: 9999 };

export function eraNamed(name: string): Era | undefined {
  return name === '民国' || name === '中华民国' ? REPUBLIC : ERAS.get(name);
}

/** A pattern that matches any era name, longest first so 大中祥符 wins over 大中. */
export const ERA_PATTERN = ['中华民国', '民国', ...[...ERAS.keys()].sort((a, b) => b.length - a.length)].join(
  '|',
);
