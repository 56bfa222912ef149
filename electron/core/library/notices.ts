import type { DamagedShard } from '../catalog';

/** A damaged catalog file found at open, said so a person knows what was kept and what to do. */
export function damagedShardNotices(damaged: readonly DamagedShard[]): string[] {
  return damaged.map((shard) =>
    shard.quarantinedAs
      ? `目录文件 catalog/${shard.file} 已损坏且没有可用的备份：已从中救出 ${shard.salvaged} 个条目，损坏的文件已移到 catalog/${shard.quarantinedAs}（未删除）。其余条目可运行「wenshi verify --repair」从修改记录重建。`
      : `目录文件 catalog/${shard.file} 已损坏且没有可用的备份：本次只读打开，显示其中能读出的 ${shard.salvaged} 个条目；以可写方式打开时会把它移到一旁并尽量恢复。`,
  );
}
