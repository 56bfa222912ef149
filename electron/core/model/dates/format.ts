/** A stored date as people read it: 1984-21 → 1984年春, 1978/1985 → 1978年—1985年, 19XX → 20世纪. */
export function formatFuzzyDate(edtf: string): string {
  const one = (part: string): string => {
    const q = /[?~%]$/.exec(part)?.[0] ?? '';
    const core = part.replace(/[?~%]$/, '');
    const prefix = q === '~' || q === '%' ? '约' : '';
    const suffix = q === '?' || q === '%' ? '？' : '';
    let m = /^(\d{2})XX$/.exec(core);
    if (m) return `${prefix}${Number(m[1]) + 1}世纪${suffix}`;
    m = /^(\d{3})X$/.exec(core);
    if (m) return `${prefix}${m[1]}0年代${suffix}`;
    m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(core);
    if (!m) return part;
    const [, y, mo, d] = m;
    const season = { '21': '春', '22': '夏', '23': '秋', '24': '冬' }[mo ?? ''];
    const body = season
      ? `${Number(y)}年${season}`
      : `${Number(y)}年` + (mo ? `${Number(mo)}月` : '') + (d ? `${Number(d)}日` : '');
    return prefix + body + suffix;
  };
  return edtf.split('/').map(one).join('—');
}
