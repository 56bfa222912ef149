/**
 * A starter gazetteer of 许昌市 (Xuchang): districts and counties with their townships, and the
 * historical names archive material uses. Libraries may add to it; entries are matched by name.
 */
export interface PlaceEntry {
  name: string;
  /** Names it had before, e.g. 许昌县 for 建安区, 禹县 for 禹州市. */
  formerNames?: string[];
  children?: PlaceEntry[];
}

const towns = (names: string) => names.split(' ').map((name) => ({ name }));

export const XUCHANG_GAZETTEER: PlaceEntry = {
  name: '许昌市',
  formerNames: ['许昌地区', '许昌专区'],
  children: [
    {
      name: '魏都区',
      children: towns(
        '西大街道 东大街道 南关街道 北大街道 五一路街道 七里店街道 高桥营街道 丁庄街道 半截河街道 文峰街道 新兴街道 关帝庙街道',
      ),
    },
    {
      name: '建安区',
      formerNames: ['许昌县'],
      children: towns(
        '尚集镇 苏桥镇 蒋李集镇 张潘镇 灵井镇 五女店镇 将官池镇 榆林乡 陈曹乡 邓庄乡 小召乡 河街乡 椹涧乡 桂村乡',
      ),
    },
    {
      name: '禹州市',
      formerNames: ['禹县'],
      children: towns(
        '钧台街道 夏都街道 韩城街道 颍川街道 神垕镇 鸠山镇 花石镇 顺店镇 火龙镇 古城镇 无梁镇 文殊镇 方山镇 范坡镇 郭连镇 褚河镇 张得镇 梁北镇 朱阁镇 浅井镇 方岗镇 鸿畅镇 小吕乡 磨街乡 山货乡',
      ),
    },
    {
      name: '长葛市',
      formerNames: ['长葛县'],
      children: towns(
        '建设路街道 长兴路街道 长社路街道 金桥路街道 和尚桥镇 坡胡镇 后河镇 石固镇 老城镇 南席镇 大周镇 董村镇 增福镇 佛耳湖镇 官亭镇 古桥镇',
      ),
    },
    {
      name: '鄢陵县',
      children: towns('安陵镇 马栏镇 柏梁镇 陈化店镇 望田镇 大马镇 陶城镇 张桥镇 南坞镇 彭店镇 只乐镇'),
    },
    {
      name: '襄城县',
      children: towns(
        '城关镇 颍桥回族镇 麦岭镇 颍阳镇 王洛镇 紫云镇 库庄镇 十里铺镇 山头店镇 汾陈镇 湛北乡 茨沟乡 丁营乡 姜庄乡 双庙乡 范湖乡',
      ),
    },
  ],
};

export interface PlaceMatch {
  name: string;
  /** 许昌市 › 禹州市 › 神垕镇 */
  path: string[];
  /** Set when the name matched was a former one. */
  formerName?: string;
}

/** Every place of a gazetteer, with its path, for pickers and for normalizing typed names. */
export function flattenGazetteer(root: PlaceEntry): PlaceMatch[] {
  const out: PlaceMatch[] = [];
  const walk = (entry: PlaceEntry, parents: string[]) => {
    const path = [...parents, entry.name];
    out.push({ name: entry.name, path });
    for (const former of entry.formerNames ?? []) out.push({ name: entry.name, path, formerName: former });
    for (const child of entry.children ?? []) walk(child, path);
  };
  walk(root, []);
  return out;
}

/** Places whose name (or former name) contains the typed text; exact names first. */
export function findPlaces(
  query: string,
  places: PlaceMatch[] = flattenGazetteer(XUCHANG_GAZETTEER),
): PlaceMatch[] {
  const q = query.trim();
  if (!q) return [];
  const hits = places.filter((p) => p.name.includes(q) || p.formerName?.includes(q));
  return hits.sort(
    (a, b) =>
      Number(b.name === q || b.formerName === q) - Number(a.name === q || a.formerName === q) ||
      a.path.length - b.path.length,
  );
}
