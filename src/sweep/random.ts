// Seeded randomness for designs and bootstraps: one xoshiro stream (the simulation's own
// generator) per purpose, keyed by name, so a design never shares numbers with a bootstrap.
import {StreamBank} from '../sim/index.js'

export interface Rng {
  /** Uniform in (0, 1). */
  uniform(): number
  /** Uniform integer in [0, n). */
  int(n: number): number
}

export function seededRng(seed: number, key: string): Rng {
  const bank = new StreamBank(seed >>> 0, [key])
  return {
    uniform: () => bank.uniform(0),
    int: (n) => Math.min(n - 1, Math.floor(bank.uniform(0) * n)),
  }
}

/** A random permutation of 0…n−1 (Fisher–Yates). */
export function permutation(n: number, rng: Rng): number[] {
  const p = Array.from({length: n}, (_, i) => i)
  for (let i = n - 1; i > 0; i--) {
    const j = rng.int(i + 1)
    const t = p[i]
    p[i] = p[j]
    p[j] = t
  }
  return p
}
