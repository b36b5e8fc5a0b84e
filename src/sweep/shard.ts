// Shards: `--shard I/N` runs the work units (cell × replication, numbered k = cell ×
// replications + r) with k mod N = I. Every unit's result depends only on its cell and its
// replication seed, so any N gives the same rows, and the shards together are the whole run.

export interface Shard {
  index: number
  count: number
}

/** What is wrong with a --shard value (the command words it in the user's language). */
export interface ShardProblem {
  problem: 'format' | 'count' | 'index' | 'tooMany'
  /** The highest shard index, for 'index'. */
  last?: number
}

export const MAX_SHARDS = 1_000_000

/** `2/8` → {index: 2, count: 8}; a problem for anything else (`3/2`, `0/0`, `-1/4`, `a/b`). */
export function parseShard(text: string): Shard | ShardProblem {
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text)
  if (!m) return {problem: 'format'}
  const index = Number(m[1])
  const count = Number(m[2])
  if (count < 1) return {problem: 'count'}
  if (index >= count) return {problem: 'index', last: count - 1}
  if (count > MAX_SHARDS) return {problem: 'tooMany'}
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
