// Did-you-mean for headers and names: the closest candidate by edit distance, if close enough.

export function editDistance(a: string, b: string): number {
  const d = Array.from({length: b.length + 1}, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0]
    d[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cur = d[j]
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1))
      prev = cur
    }
  }
  return d[b.length]
}

/** The candidate within a third of its length (at least one edit) of `text`, the nearest first. */
export function closest(text: string, candidates: Iterable<string>, norm: (s: string) => string = (s) => s): string | undefined {
  const t = norm(text)
  let best: {word: string; d: number} | undefined
  for (const w of candidates) {
    const d = editDistance(t, norm(w))
    if (d <= Math.max(1, Math.floor([...w].length / 3)) && (!best || d < best.d)) best = {word: w, d}
  }
  return best?.word
}
