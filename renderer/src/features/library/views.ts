import type { ItemKind, OpInput } from '../../../../electron/contract';

/** What the sidebar can show in the main list. */
export type View =
  | { type: 'all' }
  | { type: 'kind'; kind: ItemKind }
  | { type: 'review' }
  | { type: 'recent' }
  | { type: 'pending' }
  | { type: 'collection'; path: string[] };

const RECENT_DAYS = 14;

type ListFilters = NonNullable<OpInput<'items.list'>['filters']>;

/** The instant the 最近导入 view starts from, now. */
export function recentSince(now = Date.now()): string {
  return new Date(now - RECENT_DAYS * 86_400_000).toISOString();
}

/** What the core narrows the list by for a view; `since` is where 最近导入 starts. */
export function viewFilters(view: View, since: string): ListFilters {
  switch (view.type) {
    case 'all':
      return {};
    case 'kind':
      return { kind: [view.kind] };
    case 'review':
      return { status: ['review1', 'review2', 'review3'] };
    case 'pending':
      return { pendingReview: true };
    case 'recent':
      return { createdSince: since };
    case 'collection':
      return { collectionPath: view.path };
  }
}

export interface CollectionNode {
  name: string;
  path: string[];
  count: number;
  children: CollectionNode[];
}

/** The nested series (专题 › 卷 › 栏目) that items belong to, from each level's path and item count. */
export function collectionTree(
  levels: readonly { path: string[]; count: number }[],
  collator: Intl.Collator,
): CollectionNode[] {
  const root: CollectionNode = { name: '', path: [], count: 0, children: [] };
  // Parents before children, so each level finds the node it hangs from.
  for (const { path, count } of [...levels].sort((a, b) => a.path.length - b.path.length)) {
    let node = root;
    for (const part of path.slice(0, -1)) node = node.children.find((c) => c.name === part) ?? node;
    node.children.push({ name: path.at(-1)!, path, count, children: [] });
  }
  const sort = (nodes: CollectionNode[]) => {
    nodes.sort((a, b) => collator.compare(a.name, b.name));
    nodes.forEach((n) => sort(n.children));
  };
  sort(root.children);
  return root.children;
}

export function sameView(a: View, b: View): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
