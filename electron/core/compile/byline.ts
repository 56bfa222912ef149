import { PERSON_ROLE_NAMES, normalizeRole, type Item, type PersonRole } from '../model';

/** The byline, e.g. 口述 张三, 整理 李四 (joined by an ideographic space). */
export function bylineOf(item: Item): string {
  return item.people
    .map((p) => ({ name: p.name, label: PERSON_ROLE_NAMES[normalizeRole(p.role) as PersonRole]?.byline }))
    .filter((p) => p.label)
    .map((p) => `${p.label} ${p.name}`)
    .join('\u3000');
}
