// Spearman rank correlation (Pearson on average ranks, so ties are handled) and top-k overlap.

export function ranks(xs: readonly number[]): number[] {
  const order = xs.map((_, i) => i).sort((a, b) => xs[a] - xs[b] || a - b)
  const r = new Array<number>(xs.length)
  for (let i = 0; i < order.length; ) {
    let k = i
    while (k + 1 < order.length && xs[order[k + 1]] === xs[order[i]]) k++
    const avg = (i + k) / 2 + 1
    for (let m = i; m <= k; m++) r[order[m]] = avg
    i = k + 1
  }
  return r
}

/** Spearman's rho; NaN with fewer than two values or when either side is constant. */
export function spearman(xs: readonly number[], ys: readonly number[]): number {
  const n = xs.length
  if (n < 2 || ys.length !== n) return NaN
  const rx = ranks(xs)
  const ry = ranks(ys)
  const mx = rx.reduce((s, v) => s + v, 0) / n
  const my = ry.reduce((s, v) => s + v, 0) / n
  let sxy = 0, sxx = 0, syy = 0
  for (let i = 0; i < n; i++) {
    sxy += (rx[i] - mx) * (ry[i] - my)
    sxx += (rx[i] - mx) ** 2
    syy += (ry[i] - my) ** 2
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : NaN
}

/** Share of the top k (by value, ties by index) that both rankings agree on. */
export function topOverlap(xs: readonly number[], ys: readonly number[], k: number): number {
  const top = (v: readonly number[]): Set<number> =>
    new Set(v.map((_, i) => i).sort((a, b) => v[b] - v[a] || a - b).slice(0, k))
  const m = Math.min(k, xs.length)
  if (m === 0) return NaN
  const a = top(xs)
  let both = 0
  for (const i of top(ys)) if (a.has(i)) both++
  return both / m
}
