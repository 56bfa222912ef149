import type { VocabularyMatch } from './useLookup';

/** A place in the picker's tree; `match` is unset for a parent shown only to place a match. */
export interface PlaceNode {
  key: string;
  name: string;
  match?: VocabularyMatch;
  children: PlaceNode[];
}

export interface PlaceRow {
  node: PlaceNode;
  level: number;
  /** Undefined for a place without children. */
  expanded?: boolean;
}

/**
 * The places found, arranged by their gazetteer paths (许昌市 › 禹州市 › 神垕镇), with the parents
 * of each; places outside the gazetteer are roots of their own. Branches come first, then names
 * in the collator's order (pinyin in Chinese), so the gazetteer leads and order stays put as
 * counts change.
 */
export function placeForest(matches: readonly VocabularyMatch[], collator: Intl.Collator): PlaceNode[] {
  const roots: PlaceNode[] = [];
  const byKey = new Map<string, PlaceNode>();
  for (const match of matches) {
    const path = match.path?.length ? match.path : [match.value];
    let siblings = roots;
    path.forEach((name, depth) => {
      const key = path.slice(0, depth + 1).join(' › ');
      let node = byKey.get(key);
      if (!node) {
        node = { key, name, children: [] };
        byKey.set(key, node);
        siblings.push(node);
      }
      if (depth === path.length - 1) node.match = match;
      siblings = node.children;
    });
  }
  const sort = (nodes: PlaceNode[]) => {
    nodes.sort(
      (a, b) =>
        Number(b.children.length > 0) - Number(a.children.length > 0) || collator.compare(a.name, b.name),
    );
    nodes.forEach((n) => sort(n.children));
  };
  sort(roots);
  return roots;
}

/** The rows a tree shows: each place, and the children of the open ones. */
export function placeRows(
  forest: readonly PlaceNode[],
  isExpanded: (node: PlaceNode, level: number) => boolean,
): PlaceRow[] {
  const rows: PlaceRow[] = [];
  const walk = (nodes: readonly PlaceNode[], level: number) => {
    for (const node of nodes) {
      const expanded = node.children.length > 0 ? isExpanded(node, level) : undefined;
      rows.push({ node, level, expanded });
      if (expanded) walk(node.children, level + 1);
    }
  };
  walk(forest, 1);
  return rows;
}
