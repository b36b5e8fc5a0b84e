// The engine's twin: a bare typed-array event loop written for one network only, the one in
// bench/network.yaml (30 districts × 10 streets × 10 communities, a request raised at a
// community, its formal part there, one escalation hop at the street, the work at the
// district). Same rates, same service-time distributions per level, same events per request
// (an arrival and three service ends), the same PRNG (xoshiro128**) and the same kind of event
// list (a binary heap of (time, sequence) in typed arrays). It knows nothing else: no plans, no
// priorities, no counters beyond what a queueing run needs, so it bounds what an event costs.

const DISTRICTS = 30
const STREETS = 10
const COMMUNITIES = 10
/** Requests per community per hour; service means (hours) and servers per level. */
const RATE = 0.5
const MEAN = [0.5, 0.2, 2] // community formal part (a quarter of 2 h), street hop, district work
const SERVERS = [1, 2, 125]

export function runTwin(horizon, seed = 1) {
  const nCommunities = DISTRICTS * STREETS * COMMUNITIES
  const nUnits = nCommunities + DISTRICTS * STREETS + DISTRICTS
  // Units: communities, then streets, then districts; up[u] is the next unit of a request.
  const up = new Int32Array(nUnits).fill(-1)
  const level = new Uint8Array(nUnits)
  const servers = new Int32Array(nUnits)
  for (let u = 0; u < nUnits; u++) {
    if (u < nCommunities) {
      up[u] = nCommunities + Math.floor(u / COMMUNITIES)
      level[u] = 0
    } else if (u < nCommunities + DISTRICTS * STREETS) {
      up[u] = nCommunities + DISTRICTS * STREETS + Math.floor((u - nCommunities) / STREETS)
      level[u] = 1
    } else level[u] = 2
    servers[u] = SERVERS[level[u]]
  }
  const busy = new Int32Array(nUnits)
  const head = new Int32Array(nUnits).fill(-1)
  const tail = new Int32Array(nUnits).fill(-1)
  const busyHours = new Float64Array(nUnits)

  // xoshiro128** state.
  let s0 = seed | 0 || 1, s1 = 0x9e3779b9, s2 = 0x85ebca6b, s3 = 0xc2b2ae35
  const uniform = () => {
    const m = Math.imul(s1, 5)
    const r = Math.imul((m << 7) | (m >>> 25), 9)
    const t = s1 << 9
    s2 ^= s0
    s3 ^= s1
    s1 ^= s2
    s0 ^= s3
    s2 ^= t
    s3 = (s3 << 11) | (s3 >>> 21)
    return ((r >>> 0) + 0.5) * 2.3283064365386963e-10
  }

  // Jobs: unit, arrival time, next in line; a free list.
  let cap = 1 << 16
  let jUnit = new Int32Array(cap)
  let jNext = new Int32Array(cap)
  let jArrive = new Float64Array(cap)
  let free = -1
  let used = 0
  const alloc = () => {
    if (free >= 0) {
      const j = free
      free = jNext[j]
      return j
    }
    if (used === cap) {
      cap *= 2
      const a = new Int32Array(cap), b = new Int32Array(cap), c = new Float64Array(cap)
      a.set(jUnit)
      b.set(jNext)
      c.set(jArrive)
      jUnit = a
      jNext = b
      jArrive = c
    }
    return used++
  }

  // Event heap: time, sequence, payload (job << 1 | arrival flag), 1-based.
  let hcap = 1 << 16
  let ht = new Float64Array(hcap + 1)
  let hs = new Float64Array(hcap + 1)
  let hp = new Int32Array(hcap + 1)
  let n = 0
  let seq = 0
  const push = (t, p) => {
    if (n + 1 > hcap) {
      hcap *= 2
      const a = new Float64Array(hcap + 1), b = new Float64Array(hcap + 1), c = new Int32Array(hcap + 1)
      a.set(ht)
      b.set(hs)
      c.set(hp)
      ht = a
      hs = b
      hp = c
    }
    const q = seq++
    let i = ++n
    while (i > 1) {
      const parent = i >> 1
      if (ht[parent] < t || (ht[parent] === t && hs[parent] < q)) break
      ht[i] = ht[parent]
      hs[i] = hs[parent]
      hp[i] = hp[parent]
      i = parent
    }
    ht[i] = t
    hs[i] = q
    hp[i] = p
  }
  const popInto = () => {
    const top = hp[1]
    const last = n--
    const t = ht[last], q = hs[last], p = hp[last]
    let i = 1
    for (;;) {
      let c = i << 1
      if (c > n) break
      if (c < n && (ht[c + 1] < ht[c] || (ht[c + 1] === ht[c] && hs[c + 1] < hs[c]))) c++
      if (t < ht[c] || (t === ht[c] && q < hs[c])) break
      ht[i] = ht[c]
      hs[i] = hs[c]
      hp[i] = hp[c]
      i = c
    }
    ht[i] = t
    hs[i] = q
    hp[i] = p
    return top
  }

  let now = 0
  let events = 0
  let completed = 0
  let sojourn = 0
  const totalRate = RATE * nCommunities
  const start = (j, u) => {
    busy[u]++
    const d = -MEAN[level[u]] * Math.log(uniform())
    busyHours[u] += d
    push(now + d, j << 1)
  }
  const join = (j, u) => {
    jUnit[j] = u
    if (busy[u] < servers[u]) {
      start(j, u)
      return
    }
    jNext[j] = -1
    if (tail[u] < 0) head[u] = j
    else jNext[tail[u]] = j
    tail[u] = j
  }
  push(-Math.log(uniform()) / totalRate, 1)
  while (n > 0 && ht[1] <= horizon) {
    now = ht[1]
    const p = popInto()
    events++
    if (p & 1) {
      push(now - Math.log(uniform()) / totalRate, 1)
      const j = alloc()
      jArrive[j] = now
      join(j, Math.floor(uniform() * nCommunities))
      continue
    }
    const j = p >> 1
    const u = jUnit[j]
    busy[u]--
    const next = head[u]
    if (next >= 0) {
      head[u] = jNext[next]
      if (head[u] < 0) tail[u] = -1
      start(next, u)
    }
    if (up[u] >= 0) join(j, up[u])
    else {
      completed++
      sojourn += now - jArrive[j]
      jNext[j] = free
      free = j
    }
  }
  let districtBusy = 0
  for (let u = nUnits - DISTRICTS; u < nUnits; u++) districtBusy += busyHours[u]
  return {events, completed, meanSojourn: sojourn / completed, districtUtilisation: districtBusy / (DISTRICTS * SERVERS[2] * horizon)}
}
