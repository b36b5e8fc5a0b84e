// Effort distributions compiled into flat arrays and sampled from a named stream.
import type {Distribution} from '../model/types.js'
import type {StreamBank} from './prng.js'

export const FIXED = 0
export const EXP = 1
export const LOGNORMAL = 2
export const TRIANGULAR = 3

export class DistTable {
  type: number[] = []
  a: number[] = []
  b: number[] = []
  c: number[] = []
  mean: number[] = []
  private readonly keys = new Map<string, number>()
  /** The same object again (every unit's default hand-off delay) skips the key. */
  private readonly objects = new WeakMap<Distribution, number>()

  /** Interns a distribution; equal distributions share an index. */
  add(d: Distribution): number {
    const seen = this.objects.get(d)
    if (seen !== undefined) return seen
    const key = JSON.stringify(d)
    const known = this.keys.get(key)
    if (known !== undefined) {
      this.objects.set(d, known)
      return known
    }
    const i = this.type.length
    this.keys.set(key, i)
    this.objects.set(d, i)
    switch (d.dist) {
      case 'fixed':
        this.push(FIXED, d.value, 0, 0, d.value)
        break
      case 'exp':
        this.push(EXP, d.mean, 0, 0, d.mean)
        break
      case 'lognormal': {
        // Parameters of the underlying normal from the mean and sd of the lognormal itself.
        const s2 = d.mean > 0 ? Math.log(1 + (d.sd * d.sd) / (d.mean * d.mean)) : 0
        const mu = d.mean > 0 ? Math.log(d.mean) - s2 / 2 : -Infinity
        this.push(LOGNORMAL, mu, Math.sqrt(s2), 0, d.mean)
        break
      }
      case 'triangular':
        this.push(TRIANGULAR, d.min, d.mode, d.max, (d.min + d.mode + d.max) / 3)
        break
    }
    return i
  }

  private push(type: number, a: number, b: number, c: number, mean: number): void {
    this.type.push(type)
    this.a.push(a)
    this.b.push(b)
    this.c.push(c)
    this.mean.push(mean)
  }

  freeze(): Dists {
    return {
      type: Uint8Array.from(this.type),
      a: Float64Array.from(this.a),
      b: Float64Array.from(this.b),
      c: Float64Array.from(this.c),
      mean: Float64Array.from(this.mean),
    }
  }
}

export interface Dists {
  type: Uint8Array
  a: Float64Array
  b: Float64Array
  c: Float64Array
  mean: Float64Array
}

/** One draw of distribution `i` from stream `k`; fixed values draw nothing. */
export function sample(d: Dists, i: number, rng: StreamBank, k: number): number {
  switch (d.type[i]) {
    case FIXED:
      return d.a[i]
    case EXP:
      return -d.a[i] * Math.log(rng.uniform(k))
    case LOGNORMAL:
      return d.b[i] === 0 ? Math.exp(d.a[i]) : Math.exp(d.a[i] + d.b[i] * rng.normal(k))
    default: {
      const lo = d.a[i], mode = d.b[i], hi = d.c[i]
      if (hi <= lo) return lo
      const u = rng.uniform(k)
      const f = (mode - lo) / (hi - lo)
      return u < f ? lo + Math.sqrt(u * (hi - lo) * (mode - lo)) : hi - Math.sqrt((1 - u) * (hi - lo) * (hi - mode))
    }
  }
}
