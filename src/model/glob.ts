// Id globs matched without backtracking: `*` matches within one path segment, `**` across
// segments, and `**/` any number of whole leading segments (so `**/x` also matches `x`). The
// glob compiles to a small automaton whose set of live states advances one character at a time,
// so a match costs at most (id length × glob tokens), whatever the pattern: a regular expression
// of the same glob backtracks exponentially on `**a**a**a…x`. Runs of stars collapse first
// (`**/**/` is `**/`), so `**/` repeated thousands of times is one token.

const LIT = 0
/** `*`: any characters but `/`. */
const STAR = 1
/** `**`: any characters. */
const ANY = 2
/** `**\/`: nothing, or any characters ending in `/`. */
const SEGS = 3

export interface GlobMatcher {
  readonly glob: string
  test(id: string): boolean
}

export function isGlob(s: string): boolean {
  return s.includes('*')
}

export function compileGlob(glob: string): GlobMatcher {
  const kinds: number[] = []
  const chars: number[] = []
  const push = (kind: number, ch = 0) => {
    const last = kinds.length - 1
    if (kind !== LIT && last >= 0 && kinds[last] !== LIT) {
      // Adjacent stars: `**` absorbs anything next to it; `**/` then `*` is `**/*`, kept apart.
      const prev = kinds[last]
      if (prev === ANY || kind === ANY) {
        kinds[last] = ANY
        return
      }
      if (prev === kind) return
    }
    kinds.push(kind)
    chars.push(ch)
  }
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] !== '*') push(LIT, glob.charCodeAt(i))
    else if (glob[i + 1] !== '*') push(STAR)
    else {
      i++
      if (glob[i + 1] === '/') {
        i++
        push(SEGS)
      } else push(ANY)
    }
  }
  const m = kinds.length
  if (m < 31) return bitMatcher(glob, kinds, chars)
  // State k: before token k (k = m accepts). A SEGS token also has a middle state (inside `.*`).
  let cur = new Uint8Array(m + 1)
  let next = new Uint8Array(m + 1)
  let curMid = new Uint8Array(m)
  let nextMid = new Uint8Array(m)
  const close = (set: Uint8Array) => {
    for (let k = 0; k < m; k++) if (set[k] && kinds[k] !== LIT) set[k + 1] = 1
  }
  return {
    glob,
    test(id: string): boolean {
      cur.fill(0)
      curMid.fill(0)
      cur[0] = 1
      close(cur)
      for (let p = 0; p < id.length; p++) {
        const c = id.charCodeAt(p)
        next.fill(0)
        nextMid.fill(0)
        let alive = false
        for (let k = 0; k < m; k++) {
          const here = cur[k] === 1
          const mid = curMid[k] === 1
          if (!here && !mid) continue
          const kind = kinds[k]
          if (kind === LIT) {
            if (!here || chars[k] !== c) continue
            next[k + 1] = 1
          } else if (kind === STAR) {
            if (c === 47) continue
            next[k] = 1
          } else if (kind === ANY) next[k] = 1
          else {
            nextMid[k] = 1
            if (c === 47) next[k + 1] = 1
          }
          alive = true
        }
        if (!alive) return false
        close(next)
        ;[cur, next] = [next, cur]
        ;[curMid, nextMid] = [nextMid, curMid]
      }
      return cur[m] === 1
    },
  }
}

/**
 * The same automaton with its state sets as the bits of one integer (globs of up to 30
 * tokens, nearly all): a step is a few bitwise operations instead of a loop over tokens.
 */
function bitMatcher(glob: string, kinds: number[], chars: number[]): GlobMatcher {
  const m = kinds.length
  const lit = new Map<number, number>()
  let star = 0
  let any = 0
  let segs = 0
  kinds.forEach((kind, k) => {
    const bit = 1 << k
    if (kind === LIT) lit.set(chars[k], (lit.get(chars[k]) ?? 0) | bit)
    else if (kind === STAR) star |= bit
    else if (kind === ANY) any |= bit
    else segs |= bit
  })
  const empty = star | any | segs
  const close = (x: number): number => {
    for (;;) {
      const y = x | ((x & empty) << 1)
      if (y === x) return x
      x = y
    }
  }
  const accept = 1 << m
  const start = close(1)
  return {
    glob,
    test(id: string): boolean {
      let cur = start
      let mid = 0
      for (let p = 0; p < id.length; p++) {
        const c = id.charCodeAt(p)
        const inSegs = (cur | mid) & segs
        let next = ((cur & (lit.get(c) ?? 0)) << 1) | (cur & any) | (c === 47 ? inSegs << 1 : cur & star)
        mid = inSegs
        if (next === 0 && mid === 0) return false
        cur = close(next)
      }
      return (cur & accept) !== 0
    },
  }
}
