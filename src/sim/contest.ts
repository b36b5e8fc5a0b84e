// 推诿扯皮: a contested item at the end of its plan goes to a candidate department, which
// refuses it with the buck-passing probability (transfer effort in its line, then a hand-over
// to another candidate); after the entry's maximum of refusals the candidates' common superior
// arbitrates and the assignee must accept. A named owner (权责清单) takes it at once.
import type {Engine} from './engine.js'
import {EV_DELAY_END} from './engine.js'
import {ARBITRATE, J_AUX, J_BIRTH, J_DIST, J_KIND, J_SCALE, J_SRC, J_UNIT, JI_SHIFT, JF_SHIFT, TRANSFER, WAIT_ARBITER, WAIT_ASSIGN, WAIT_CANDIDATE} from './jobs.js'
import {sample} from './dist.js'
import {traceStage} from './trace.js'
import {setWork} from './stages.js'

const REFUSALS = 0x7f
const ARBITRATED = 0x80

function counted(e: Engine, j: number): boolean {
  return e.jobs.f[(j << JF_SHIFT) + J_BIRTH] >= e.warmup
}

/** A contested item (job j, aux = entry << 8) reaches its plan's last stage at `dept`. */
export function enterContest(e: Engine, j: number, dept: number): void {
  const t = e.c.contests
  const entry = e.jobs.i[(j << JI_SHIFT) + J_AUX] >> 8
  if (counted(e, j)) e.contested++
  const owner = t.owner[entry]
  if (owner >= 0) {
    accept(e, j, owner)
    return
  }
  const start = t.candStart[entry]
  const n = t.candEnd[entry] - start
  const first = t.cand[start + Math.floor(e.rng.uniform(e.c.srcContestRng[e.jobs.i[(j << JI_SHIFT) + J_SRC]]) * n)]
  // The plan's hand-over went to `dept`; a different first candidate is reached without another.
  visit(e, j, n > 0 ? first : dept)
}

/** Candidate u receives the item: it refuses (transfer effort) or accepts (the work). */
function visit(e: Engine, j: number, u: number): void {
  const s = e.jobs.i[(j << JI_SHIFT) + J_SRC]
  if (e.rng.uniform(e.c.srcContestRng[s]) >= e.c.refusal) {
    accept(e, j, u)
    return
  }
  const jobs = e.jobs
  jobs.i[(j << JI_SHIFT) + J_KIND] = TRANSFER
  jobs.i[(j << JI_SHIFT) + J_DIST] = e.c.transferDist
  jobs.f[(j << JF_SHIFT) + J_SCALE] = 1
  if (e.tracer !== null) traceStage(e, j, 'queued', u)
  e.enqueue(j, u)
}

function accept(e: Engine, j: number, u: number): void {
  setWork(e, j)
  if (e.tracer !== null) traceStage(e, j, 'queued', u)
  e.enqueue(j, u)
}

/** A refusal is done: the next candidate, or the arbiter after the entry's maximum of refusals. */
export function transferDone(e: Engine, j: number): void {
  const c = e.c
  const t = c.contests
  const jobs = e.jobs
  const u = jobs.i[(j << JI_SHIFT) + J_UNIT]
  const aux = ++jobs.i[(j << JI_SHIFT) + J_AUX]
  const entry = aux >> 8
  if (counted(e, j)) e.pingPong++
  if (e.tracer !== null) traceStage(e, j, 'refused', u)
  if ((aux & REFUSALS) >= t.maxTransfers[entry] && t.arbiter[entry] >= 0) {
    handOver(e, j, t.arbiter[entry], WAIT_ARBITER)
    return
  }
  if ((aux & REFUSALS) >= t.maxTransfers[entry]) {
    handOver(e, j, t.assignee[entry], WAIT_ASSIGN)
    return
  }
  const start = t.candStart[entry]
  const n = t.candEnd[entry] - start
  let next = u
  if (n > 1) {
    // Another candidate, uniformly among the others.
    const k = Math.floor(e.rng.uniform(c.srcContestRng[jobs.i[(j << JI_SHIFT) + J_SRC]]) * (n - 1))
    next = t.cand[start + k]
    if (next === u) next = t.cand[start + n - 1]
  }
  handOver(e, j, next, WAIT_CANDIDATE)
}

export function arbitrationDone(e: Engine, j: number): void {
  const jobs = e.jobs
  const entry = jobs.i[(j << JI_SHIFT) + J_AUX] >> 8
  jobs.i[(j << JI_SHIFT) + J_AUX] |= ARBITRATED
  if (counted(e, j)) e.arbitrations++
  if (e.tracer !== null) traceStage(e, j, 'arbitrated', jobs.i[(j << JI_SHIFT) + J_UNIT])
  handOver(e, j, e.c.contests.assignee[entry], WAIT_ASSIGN)
}

/** Job j is handed over to unit u; `kind` says what follows its hand-off delay. */
function handOver(e: Engine, j: number, u: number, kind: number): void {
  const jobs = e.jobs
  jobs.i[(j << JI_SHIFT) + J_KIND] = kind
  jobs.i[(j << JI_SHIFT) + J_UNIT] = u
  const d = e.c.unitHandoff[u]
  if (d < 0) {
    contestAfterWait(e, j)
    return
  }
  if (e.tracer !== null) traceStage(e, j, 'handoff', u)
  e.schedule(e.now + sample(e.c.dists, d, e.rng, e.c.srcDelayRng[jobs.i[(j << JI_SHIFT) + J_SRC]]), EV_DELAY_END, j)
}

/** The end of a contest's hand-over. */
export function contestAfterWait(e: Engine, j: number): void {
  const jobs = e.jobs
  const kind = jobs.i[(j << JI_SHIFT) + J_KIND]
  const u = jobs.i[(j << JI_SHIFT) + J_UNIT]
  if (kind === WAIT_CANDIDATE) visit(e, j, u)
  else if (kind === WAIT_ASSIGN) accept(e, j, u)
  else {
    jobs.i[(j << JI_SHIFT) + J_KIND] = ARBITRATE
    jobs.i[(j << JI_SHIFT) + J_DIST] = e.c.arbitrationDist
    jobs.f[(j << JF_SHIFT) + J_SCALE] = 1
    if (e.tracer !== null) traceStage(e, j, 'queued', u)
    e.enqueue(j, u)
  }
}
