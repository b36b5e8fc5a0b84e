// What every distribution of a duration has in common: its mean, and the same shape scaled.
import type {Distribution} from './types.js'

export function meanOf(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value
    case 'exp':
      return d.mean
    case 'lognormal':
      return d.mean
    case 'triangular':
      return (d.min + d.mode + d.max) / 3
  }
}

/** The distribution with every duration multiplied by k: its shape (cv, skew) is kept. */
export function scaledDistribution(d: Distribution, k: number): Distribution {
  switch (d.dist) {
    case 'fixed':
      return {dist: 'fixed', value: d.value * k}
    case 'exp':
      return {dist: 'exp', mean: d.mean * k}
    case 'lognormal':
      return {dist: 'lognormal', mean: d.mean * k, sd: d.sd * k}
    case 'triangular':
      return {dist: 'triangular', min: d.min * k, mode: d.mode * k, max: d.max * k}
  }
}
