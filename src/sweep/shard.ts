// Shards: `--shard I/N` runs the work units (cell × replication, numbered k = cell ×
// replications + r) with k mod N = I. Every unit's result depends only on its cell and its
// replication seed, so any N gives the same rows, and the shards together are the whole run.

export interface Shard {
  index: number
  count: number
}

/** `2/8` → {index: 2, count: 8}; a message for anything else (`3/2`, `0/0`, `-1/4`, `a/b`). */
export function parseShard(text: string): Shard | string {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!m) return `expected I/N with whole numbers, 0 ≤ I < N (e.g. 0/4), got "${text}"`
  const index = Number(m[1])
  const count = Number(m[2])
  if (count < 1) return `the number of shards must be at least 1, got "${text}"`
  if (index >= count) return `the shard index must be below the number of shards (0…${count - 1}), got "${text}"`
  if (count > 1_000_000) return `at most 1,000,000 shards, got "${text}"`
  return {index, count}
}

/** The work units of a shard, in order. */
export function shardUnits(total: number, shard: Shard | undefined): number[] {
  const out: number[] = []
  const start = shard?.index ?? 0
  const step = shard?.count ?? 1
  for (let k = start; k < total; k += step) out.push(k)
  return out
}
