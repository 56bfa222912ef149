import type { ItemKind } from '../../../../electron/contract';
import type { ItemSummary } from './columns';

/** What the sidebar can show in the main list. */
export type View =
  | { type: 'all' }
  | { type: 'kind'; kind: ItemKind }
  | { type: 'review' }
  | { type: 'recent' }
  | { type: 'pending' }
  | { type: 'collection'; path: string[] };

const RECENT_DAYS = 14;
/** Collections are written as paths: 许昌改革记忆 › 第一卷 › 农村改革 */
const PATH_SEPARATOR = /\s*[›>/／]\s*/;

export function collectionPath(collection: string): string[] {
  return collection.split(PATH_SEPARATOR).filter(Boolean);
}

export function inView(view: View, item: ItemSummary, now: Date): boolean {
  switch (view.type) {
    case 'all':
      return true;
    case 'kind':
      return item.kind === view.kind;
    case 'review':
      return (
        item.editorialStatus === 'review1' ||
        item.editorialStatus === 'review2' ||
        item.editorialStatus === 'review3'
      );
    case 'pending':
      return item.pendingReview > 0;
    case 'recent':
      return now.getTime() - Date.parse(item.createdAt) < RECENT_DAYS * 86_400_000;
    case 'collection':
      return item.collections.some((c) => {
        const path = collectionPath(c);
        return view.path.every((part, i) => path[i] === part);
      });
  }
}

export interface CollectionNode {
  name: string;
  path: string[];
  count: number;
  children: CollectionNode[];
}

/** The nested series (专题 › 卷 › 栏目) that items belong to, with item counts. */
export function collectionTree(items: readonly ItemSummary[], collator: Intl.Collator): CollectionNode[] {
  const root: CollectionNode = { name: '', path: [], count: 0, children: [] };
  for (const item of items) {
    const seen = new Set<CollectionNode>();
    for (const collection of item.collections) {
      let node = root;
      for (const part of collectionPath(collection)) {
        let child = node.children.find((c) => c.name === part);
        if (!child)
          node.children.push((child = { name: part, path: [...node.path, part], count: 0, children: [] }));
        if (!seen.has(child)) child.count++;
        seen.add(child);
        node = child;
      }
    }
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
