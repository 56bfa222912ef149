import { readdir, readFile } from 'node:fs/promises';
import { QUARANTINE_FOLDER } from '../catalog';
import type { Library } from '../library';
import { replayAudit } from '../library/auditReplay';
import { findTempFiles, isLeftover, removeLeftoverTempFiles } from '../storage';
import type { IntegrityProblem } from './verifyLibrary';

/** Temporary files left by a writer that died (see storage/tempFiles); those still being written are not problems. */
export async function tempFileProblems(library: Library): Promise<IntegrityProblem[]> {
  const files = await findTempFiles(library.root, library.clock());
  return files
    .filter((file) => isLeftover(file, !library.readOnly))
    .map((file) => ({
      kind: 'temp' as const,
      path: file.path,
      itemIds: [],
      message: `中断的写入留下的临时文件（进程 ${file.pid}），可删除：${file.path}`,
    }));
}

export async function repairTempFiles(library: Library): Promise<string[]> {
  const removed = await removeLeftoverTempFiles(library.root, library.clock(), !library.readOnly);
  return removed.map((file) => `已删除临时文件：${file}`);
}

/**
 * Catalog shards that no longer parse (the library opens from the shard's `.bak`, but the last
 * change written to that shard may be gone), and damaged shards moved aside at open.
 */
export async function damagedCatalogFiles(library: Library): Promise<IntegrityProblem[]> {
  const problems: IntegrityProblem[] = [];
  for (const name of await readdir(library.path('catalog')).catch(() => [] as string[])) {
    if (!/^items-[0-9a-f]{2}\.json$/.test(name)) continue;
    try {
      JSON.parse(await readFile(library.path('catalog', name), 'utf8'));
    } catch {
      const shown = `catalog/${name}`;
      const salvaged = library.catalog.damaged.find((d) => d.file === name);
      problems.push({
        kind: 'damaged',
        path: shown,
        itemIds: [],
        message: salvaged
          ? `目录文件已损坏且没有可用的备份，只读打开时显示其中能读出的 ${salvaged.salvaged} 个条目：${shown}`
          : `目录文件已损坏，现用其备份（${shown}.bak）中的内容，最后一次修改可能已丢失：${shown}`,
      });
    }
  }
  const quarantine = await readdir(library.path('catalog', QUARANTINE_FOLDER)).catch(() => [] as string[]);
  for (const name of quarantine.filter((n) => !n.endsWith('.bak'))) {
    const shown = `catalog/${QUARANTINE_FOLDER}/${name}`;
    problems.push({
      kind: 'quarantined',
      path: shown,
      itemIds: [],
      message: `已移到一旁的损坏目录文件（能读出的条目已恢复；确认无误后可由人工删除）：${shown}`,
    });
  }
  return problems;
}

/** Items the audit log says exist but the catalog has not (a shard lost or damaged), as the log rebuilds them. */
async function lostItems(library: Library) {
  const replayed = replayAudit(await library.audit.entries());
  return [...replayed.values()].filter((item) => !library.catalog.get(item.id));
}

export async function lostItemProblems(library: Library): Promise<IntegrityProblem[]> {
  return (await lostItems(library)).map((item) => ({
    kind: 'lost' as const,
    path: `catalog/items-${item.id.slice(0, 2)}.json`,
    itemIds: [item.id],
    message: `条目「${item.title}」（${item.id}）不在目录中，但可从修改记录重建`,
  }));
}

/** Puts lost items back as the audit log last saw them; the log already holds their history. */
export async function repairLostItems(library: Library): Promise<string[]> {
  const done: string[] = [];
  for (const item of await lostItems(library)) {
    await library.reinstateItems([item]);
    done.push(`已从修改记录重建条目：${item.id}「${item.title}」`);
  }
  return done;
}
