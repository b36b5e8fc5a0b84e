// Memory bounds of a run. A model whose work arrives faster than its units can serve it grows a
// line without end; the job pool and the event list refuse to grow past a bound (checked only
// when they grow, never per event) and the run stops with a RunawayError naming the unit with
// the longest line, instead of exhausting the machine's memory.

/**
 * Jobs alive at once in one run. A job costs 72 bytes in the pool and up to two 32-byte event
 * records; doubling leaves up to as much again free: about 270 bytes per live job, so 2^21 jobs
 * stay near 570 MB. Runs on several workers share this bound (parallel.ts divides it).
 */
export const DEFAULT_MAX_LIVE_JOBS = 2 ** 21

// Budgets before a run (budget.ts), here so that the command line reads them without loading
// the simulator.

/** About ten minutes of one core on a laptop at 2 million events a second. */
export const DEFAULT_MAX_EVENTS = 1_000_000_000
/** Replications kept in memory at once: each holds one record per unit. */
export const MAX_REPLICATIONS = 1000
/** Replications × units: about 200 bytes each in the summary (2 million ≈ 400 MB). */
export const MAX_UNIT_RESULTS = 2_000_000

/** Thrown by a pool's growth point; replication.ts turns it into a RunawayError. */
export class LiveBoundError extends Error {
  constructor(
    readonly pool: 'jobs' | 'events',
    readonly live: number,
  ) {
    super(`sim: more than ${live} ${pool} alive at once`)
    this.name = 'LiveBoundError'
  }
}

/** A run stopped because work piled up: `unit` had `inSystem` jobs at simulated hour `time`. */
export class RunawayError extends Error {
  constructor(
    readonly unit: string,
    readonly inSystem: number,
    readonly live: number,
    readonly time: number,
  ) {
    super(`sim: the run stopped at hour ${Math.round(time)}: ${live} jobs alive, ${inSystem} of them at ${unit}`)
    this.name = 'RunawayError'
  }
}
