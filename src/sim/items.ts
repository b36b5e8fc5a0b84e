// How items come to be and reach the unit that handles them: arrivals of task instances and
// resident requests, relays fanning out, hand-overs between units (公文流转), the
// access-catalogue gate and inspection campaigns. What happens at that unit is in ./stages.ts.
import type {Engine} from './engine.js'
import {EV_ARRIVAL, EV_DELAY_END} from './engine.js'
import {J_BIRTH, J_DIST, J_ISSUER, J_KIND, J_REF, J_SCALE, J_SRC, J_TARGET, J_UNIT, JI_SHIFT, JF_SHIFT, RELAY, VISIT, WAIT_LEAF, WAIT_RELAY, WAIT_RETURN} from './jobs.js'
import {sample} from './dist.js'
import {newJob, startItem, startPlan} from './stages.js'

export function firstArrivals(e: Engine): void {
  const c = e.c
  for (let a = 0; a < c.nArrivals; a++) {
    const off = c.arrOffset[a]
    let t: number
    if (c.arrPeriodic[a] !== 1) t = -c.arrGap[a] * Math.log(e.rng.uniform(c.arrRng[a]))
    else t = Number.isNaN(off) ? c.arrGap[a] * e.rng.uniform(c.arrRng[a]) : off
    e.schedule(t, EV_ARRIVAL, a)
  }
}

export function onArrival(e: Engine, a: number): void {
  const c = e.c
  const gap = c.arrPeriodic[a] === 1 ? c.arrGap[a] : -c.arrGap[a] * Math.log(e.rng.uniform(c.arrRng[a]))
  e.schedule(e.now + gap, EV_ARRIVAL, a)
  const s = c.arrSrc[a]
  const tree = c.arrTree[a]
  const counted = e.now >= e.warmup
  if (tree >= 0) {
    const r = c.routes
    const issuer = r.treeIssuer[tree]
    if (c.srcSpread[s] > 0) {
      // An inspection campaign: each visit is an item born when the inspector comes.
      if (e.tracer !== null) e.tracer.newInstance(e.now, tree, s, false)
      for (let i = r.treeRootStart[tree]; i < r.treeRootEnd[tree]; i++) planVisit(e, r.roots[i], s, issuer)
      return
    }
    if (counted) e.born(s, r.treeItems[tree])
    if (e.tracer !== null) e.tracer.newInstance(e.now, tree, s, counted)
    for (let i = r.treeRootStart[tree]; i < r.treeRootEnd[tree]; i++) enterNode(e, r.roots[i], s, issuer, e.now)
    return
  }
  // A resident request: the unit is drawn in proportion to residents (alias method).
  const rs = c.srcRouteRng[s]
  const start = c.arrAliasStart[a]
  const k = start + Math.floor(e.rng.uniform(rs) * (c.arrAliasEnd[a] - start))
  const unit = c.aliasRecUnit[(k << 2) + (e.rng.uniform(rs) < c.aliasRecProb[k << 1] ? 2 : 3)]
  if (counted) {
    e.born(s, 1)
    e.raised++
  }
  if (e.tracer !== null) e.tracer.newRequest(e.now, unit, s, counted)
  startPlan(e, -1, unit, s, unit, -1, e.now)
}

/** One visit of an inspection campaign, at a time drawn uniformly over the task's spread. */
function planVisit(e: Engine, n: number, s: number, issuer: number): void {
  const c = e.c
  const j = newJob(e, VISIT, s, e.now, issuer)
  e.jobs.i[(j << JI_SHIFT) + J_REF] = n
  e.jobs.i[(j << JI_SHIFT) + J_UNIT] = c.routes.nodeUnit[n]
  if (e.tracer !== null) {
    e.jobs.item[j] = e.tracer.base
    e.jobs.inst[j] = e.tracer.inst
  }
  e.schedule(e.now + c.srcSpread[s] * e.rng.uniform(c.srcDelayRng[s]), EV_DELAY_END, j)
}

/** The inspector arrives: the visit's item is born now and goes through the gate to its unit. */
function makeVisit(e: Engine, j: number): void {
  const jobs = e.jobs
  const io = j << JI_SHIFT
  const n = jobs.i[io + J_REF], s = jobs.i[io + J_SRC], issuer = jobs.i[io + J_ISSUER]
  const counted = e.now >= e.warmup
  if (counted) e.born(s, 1)
  const tr = e.tracer
  if (tr !== null) {
    tr.base = jobs.item[j]
    tr.inst = jobs.inst[j]
    if (counted) tr.emit(e.now, 'issued', tr.base + tr.leafOrd[n], tr.inst, issuer, s)
  }
  jobs.release(j)
  enterNode(e, n, s, issuer, e.now)
}

/**
 * An instance reaches route node n: the gate, then the hand-over to the node's unit (its
 * hand-off delay: inspections are visits, not hand-overs), then a relay job or the item.
 */
function enterNode(e: Engine, n: number, s: number, issuer: number, birth: number): void {
  const c = e.c
  const r = c.routes
  const u = r.nodeUnit[n]
  const gate = c.srcGateTier[s]
  if (gate >= 0 && c.unitTier[u] === gate && e.rng.uniform(c.srcRouteRng[s]) >= c.srcLeakage[s]) {
    refuse(e, n, s, issuer, birth)
    return
  }
  const tr = e.tracer
  const handoff = u !== issuer && c.srcInspectionCat[s] < 0 ? c.unitHandoff[u] : -1
  const jobs = e.jobs
  if (r.nodeLeaf[n] === 1) {
    if (tr !== null) tr.item = tr.base + tr.leafOrd[n]
    if (handoff < 0) {
      startItem(e, -1, s, u, issuer, birth)
      return
    }
    const j = newJob(e, WAIT_LEAF, s, birth, issuer)
    jobs.i[(j << JI_SHIFT) + J_TARGET] = u
    handOver(e, j, u, handoff)
    return
  }
  const j = newJob(e, handoff < 0 ? RELAY : WAIT_RELAY, s, birth, issuer)
  if (tr !== null) {
    jobs.item[j] = tr.base
    jobs.inst[j] = tr.inst
  }
  jobs.i[(j << JI_SHIFT) + J_REF] = n
  jobs.i[(j << JI_SHIFT) + J_TARGET] = -1
  jobs.i[(j << JI_SHIFT) + J_DIST] = c.srcRelay[s]
  jobs.f[(j << JF_SHIFT) + J_SCALE] = 1
  if (handoff < 0) e.enqueue(j, u)
  else {
    // Relays forward instances, not items: their hand-over is not traced per item.
    jobs.i[(j << JI_SHIFT) + J_UNIT] = u
    e.schedule(e.now + sample(c.dists, handoff, e.rng, c.srcDelayRng[s]), EV_DELAY_END, j)
  }
}

/** Job j (an item) is handed over to unit u and waits its hand-off delay `dist` there. */
export function handOver(e: Engine, j: number, u: number, dist: number): void {
  const jobs = e.jobs
  jobs.i[(j << JI_SHIFT) + J_UNIT] = u
  if (e.tracer !== null && jobs.f[(j << JF_SHIFT) + J_BIRTH] >= e.warmup) e.tracer.emit(e.now, 'handoff', jobs.item[j], jobs.inst[j], u, jobs.i[(j << JI_SHIFT) + J_SRC])
  e.schedule(e.now + sample(e.c.dists, dist, e.rng, e.c.srcDelayRng[jobs.i[(j << JI_SHIFT) + J_SRC]]), EV_DELAY_END, j)
}

/** The access catalogue refuses the instance at node n: abolished, or back to the issuer. */
function refuse(e: Engine, n: number, s: number, issuer: number, birth: number): void {
  const c = e.c
  const r = c.routes
  const counted = birth >= e.warmup
  const tr = e.tracer
  if (c.srcGateAbolish[s] === 1) {
    if (counted) e.rejected += r.nodeItems[n]
    if (tr !== null && counted) tr.below(e.now, 'rejected', n, r.nodeUnit[n], s)
    return
  }
  if (counted) e.returned += r.nodeItems[n]
  if (tr !== null && counted) tr.below(e.now, 'returned', n, r.nodeUnit[n], s)
  returnLeaves(e, n, s, issuer, birth)
}

/** 谁主管谁负责: every item below node n goes back to the issuer, who handles it for its target. */
function returnLeaves(e: Engine, n: number, s: number, issuer: number, birth: number): void {
  const c = e.c
  const r = c.routes
  if (r.nodeLeaf[n] === 1) {
    if (e.tracer !== null) e.tracer.item = e.tracer.base + e.tracer.leafOrd[n]
    const handoff = c.unitHandoff[issuer]
    if (handoff < 0) {
      startPlan(e, -1, issuer, s, r.nodeUnit[n], issuer, birth)
      return
    }
    const j = newJob(e, WAIT_RETURN, s, birth, issuer)
    e.jobs.i[(j << JI_SHIFT) + J_TARGET] = r.nodeUnit[n]
    handOver(e, j, issuer, handoff)
    return
  }
  for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) returnLeaves(e, r.children[k], s, issuer, birth)
}

/** A relay forwarded its instance: every child node is entered (and handed over). */
export function relayDone(e: Engine, j: number): void {
  const jobs = e.jobs
  const r = e.c.routes
  const io = j << JI_SHIFT
  const n = jobs.i[io + J_REF], s = jobs.i[io + J_SRC], issuer = jobs.i[io + J_ISSUER], birth = jobs.f[(j << JF_SHIFT) + J_BIRTH]
  if (birth >= e.warmup) e.relayHops += r.nodeItems[n]
  const tr = e.tracer
  if (tr !== null) {
    tr.inst = jobs.inst[j]
    tr.base = jobs.item[j]
    if (birth >= e.warmup) tr.emit(e.now, 'relayed', -1, tr.inst, jobs.i[io + J_UNIT], s)
  }
  jobs.release(j)
  for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) enterNode(e, r.children[k], s, issuer, birth)
}

/** The end of a hand-over or visit wait begun here. Returns false for waits of ./stages.ts. */
export function arrivedAfterWait(e: Engine, j: number): boolean {
  const jobs = e.jobs
  const io = j << JI_SHIFT
  const kind = jobs.i[io + J_KIND]
  if (kind === WAIT_RELAY) {
    jobs.i[io + J_KIND] = RELAY
    e.enqueue(j, jobs.i[io + J_UNIT])
    return true
  }
  if (kind === VISIT) {
    makeVisit(e, j)
    return true
  }
  if (kind !== WAIT_LEAF && kind !== WAIT_RETURN) return false
  if (e.tracer !== null) {
    e.tracer.item = jobs.item[j]
    e.tracer.inst = jobs.inst[j]
  }
  const s = jobs.i[io + J_SRC], target = jobs.i[io + J_TARGET], issuer = jobs.i[io + J_ISSUER], birth = jobs.f[(j << JF_SHIFT) + J_BIRTH]
  if (kind === WAIT_LEAF) startItem(e, j, s, target, issuer, birth)
  else startPlan(e, j, issuer, s, target, issuer, birth)
  return true
}
