// What happens to items between services: arrivals of task instances and resident requests,
// relays fanning out, the access-catalogue gate, inspections, plan stages and the end states.
import type {Engine} from './engine.js'
import {EV_ARRIVAL, EV_DELAY_END} from './engine.js'
import {INSPECTOR, J_BIRTH, J_CLS, J_DIST, J_END, J_ISSUER, J_KIND, J_REF, J_SCALE, J_SRC, J_TARGET, J_UNIT, JI_SHIFT, JF_SHIFT, RELAY, STAGE, WAITING} from './jobs.js'
import {COMPLETED, DELAY, E_END, E_ESCALATIONS, E_MULTI, E_STAGE, E_SUMMONS, E_TYPE, E_UNIT, ESCALATE, FORMAL, REPORT, S_END, S_TYPE, S_UNIT} from './plans.js'
import {collect, collectionScale} from './collect.js'
import {traceStage} from './trace.js'

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
    if (counted) e.generated += r.treeItems[tree]
    const issuer = r.treeIssuer[tree]
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
    e.generated++
    e.raised++
  }
  if (e.tracer !== null) e.tracer.newRequest(e.now, unit, s, counted)
  startPlan(e, c.srcNeeds[s] * c.nUnits + unit, s, unit, -1, e.now)
}

/** An instance reaches route node n: the gate, then a relay job or the item at its target. */
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
  if (r.nodeLeaf[n] === 1) {
    if (tr !== null) tr.item = tr.base + tr.leafOrd[n]
    startItem(e, s, u, issuer, birth)
    return
  }
  const j = newJob(e, RELAY, s, birth, issuer)
  const jobs = e.jobs
  if (tr !== null) {
    jobs.item[j] = tr.base
    jobs.inst[j] = tr.inst
  }
  jobs.i[(j << JI_SHIFT) + J_REF] = n
  jobs.i[(j << JI_SHIFT) + J_TARGET] = -1
  jobs.i[(j << JI_SHIFT) + J_DIST] = c.srcRelay[s]
  jobs.f[(j << JF_SHIFT) + J_SCALE] = 1
  e.enqueue(j, u)
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
  if (r.nodeLeaf[n] === 1) {
    if (tr !== null) tr.item = tr.base + tr.leafOrd[n]
    startPlan(e, c.srcNeeds[s] * c.nUnits + issuer, s, r.nodeUnit[n], issuer, birth)
    return
  }
  for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) returnLeaves(e, r.children[k], s, issuer, birth)
}

function returnLeaves(e: Engine, n: number, s: number, issuer: number, birth: number): void {
  const c = e.c
  const r = c.routes
  if (r.nodeLeaf[n] === 1) {
    if (e.tracer !== null) e.tracer.item = e.tracer.base + e.tracer.leafOrd[n]
    startPlan(e, c.srcNeeds[s] * c.nUnits + issuer, s, r.nodeUnit[n], issuer, birth)
    return
  }
  for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) returnLeaves(e, r.children[k], s, issuer, birth)
}

/** An item arrives at its target unit. Inspections also occupy the inspector. */
function startItem(e: Engine, s: number, unit: number, issuer: number, birth: number): void {
  const c = e.c
  const cat = c.srcInspectionCat[s]
  if (cat >= 0) {
    const key = unit * c.nInspectionCats + cat
    if (e.now >= e.warmup) {
      e.inspections++
      if (e.now - e.lastInspection[key] < c.redundancyWindow) e.redundantInspections++
    }
    e.lastInspection[key] = e.now
    const j = newJob(e, INSPECTOR, s, birth, issuer)
    const jobs = e.jobs
    jobs.i[(j << JI_SHIFT) + J_REF] = -1
    jobs.i[(j << JI_SHIFT) + J_TARGET] = unit
    jobs.i[(j << JI_SHIFT) + J_DIST] = c.srcEffort[s]
    jobs.f[(j << JF_SHIFT) + J_SCALE] = 1
    const tr = e.tracer
    if (tr !== null) {
      jobs.item[j] = tr.item
      jobs.inst[j] = tr.inst
      if (birth >= e.warmup) tr.emit(e.now, 'inspected', tr.item, tr.inst, unit, s)
    }
    e.enqueue(j, issuer)
  }
  startPlan(e, c.srcNeeds[s] * c.nUnits + unit, s, unit, issuer, birth)
}

/** An item starts the plan of planOf slot `slot` (needs × units + the unit handling it). */
function startPlan(e: Engine, slot: number, s: number, target: number, issuer: number, birth: number): void {
  const pe = e.c.planEntry
  const po = slot << 3
  if (birth >= e.warmup) {
    e.escalations += pe[po + E_ESCALATIONS]
    e.summons += pe[po + E_SUMMONS]
    e.multiUnitItems += pe[po + E_MULTI]
  }
  const j = newJob(e, STAGE, s, birth, issuer)
  e.jobs.i[(j << JI_SHIFT) + J_TARGET] = target
  if (e.tracer !== null) {
    e.jobs.item[j] = e.tracer.item
    e.jobs.inst[j] = e.tracer.inst
  }
  setStage(e, j, pe[po + E_STAGE], pe[po + E_TYPE], pe[po + E_UNIT], pe[po + E_END])
}

/** Job j moves to plan stage st (its type, unit and end code read by the caller). */
function setStage(e: Engine, j: number, st: number, type: number, unit: number, end: number): void {
  const c = e.c
  const p = c.plans
  const jobs = e.jobs
  jobs.i[(j << JI_SHIFT) + J_REF] = st
  jobs.i[(j << JI_SHIFT) + J_END] = end
  if (type === DELAY) {
    jobs.i[(j << JI_SHIFT) + J_KIND] = WAITING
    jobs.i[(j << JI_SHIFT) + J_UNIT] = unit
    e.schedule(e.now + p.stageDelay[st], EV_DELAY_END, j)
    if (e.tracer !== null) traceStage(e, j, 'summoned', unit)
    return
  }
  jobs.i[(j << JI_SHIFT) + J_KIND] = STAGE
  const s = jobs.i[(j << JI_SHIFT) + J_SRC]
  if (type === FORMAL) {
    jobs.i[(j << JI_SHIFT) + J_DIST] = c.srcEffort[s]
    jobs.f[(j << JF_SHIFT) + J_SCALE] = c.formalShare
  } else if (type === ESCALATE) {
    jobs.i[(j << JI_SHIFT) + J_DIST] = c.escalationDist
    jobs.f[(j << JF_SHIFT) + J_SCALE] = 1
  } else if (type === REPORT) {
    jobs.i[(j << JI_SHIFT) + J_DIST] = c.reportDist
    jobs.f[(j << JF_SHIFT) + J_SCALE] = 1
  } else {
    jobs.i[(j << JI_SHIFT) + J_DIST] = c.srcEffort[s]
    jobs.f[(j << JF_SHIFT) + J_SCALE] = c.srcFieldEnd[s] > c.srcFieldStart[s] ? collectionScale(e, s, jobs.i[(j << JI_SHIFT) + J_TARGET]) : 1
  }
  if (e.tracer !== null) {
    if (type === ESCALATE) traceStage(e, j, 'escalated', unit)
    else if (type === REPORT) traceStage(e, j, 'reported', unit)
    traceStage(e, j, 'queued', unit)
  }
  e.enqueue(j, unit)
}

export function resumeAfterDelay(e: Engine, j: number): void {
  nextStage(e, j, e.jobs.i[(j << JI_SHIFT) + J_REF] + 1)
}

function nextStage(e: Engine, j: number, st: number): void {
  const sr = e.c.plans.stageRec
  const so = st << 2
  setStage(e, j, st, sr[so + S_TYPE], sr[so + S_UNIT], sr[so + S_END])
}

export function completeJob(e: Engine, j: number): void {
  const jobs = e.jobs
  const kind = jobs.i[(j << JI_SHIFT) + J_KIND]
  if (kind === RELAY) {
    const r = e.c.routes
    const n = jobs.i[(j << JI_SHIFT) + J_REF], s = jobs.i[(j << JI_SHIFT) + J_SRC], issuer = jobs.i[(j << JI_SHIFT) + J_ISSUER], birth = jobs.f[(j << JF_SHIFT) + J_BIRTH]
    if (birth >= e.warmup) e.relayHops += r.nodeItems[n]
    const tr = e.tracer
    if (tr !== null) {
      tr.inst = jobs.inst[j]
      tr.base = jobs.item[j]
      if (birth >= e.warmup) tr.emit(e.now, 'relayed', -1, tr.inst, jobs.i[(j << JI_SHIFT) + J_UNIT], s)
    }
    jobs.release(j)
    for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) enterNode(e, r.children[k], s, issuer, birth)
    return
  }
  if (kind === INSPECTOR) {
    if (e.tracer !== null && jobs.f[(j << JF_SHIFT) + J_BIRTH] >= e.warmup) e.tracer.emit(e.now, 'inspected', jobs.item[j], jobs.inst[j], jobs.i[(j << JI_SHIFT) + J_UNIT], jobs.i[(j << JI_SHIFT) + J_SRC])
    jobs.release(j)
    return
  }
  const end = jobs.i[(j << JI_SHIFT) + J_END]
  if (end === 0) nextStage(e, j, jobs.i[(j << JI_SHIFT) + J_REF] + 1)
  else finishItem(e, j, end)
}

/** The item of job j ends; `end` is its plan's end code (outcome | hops << 2). */
function finishItem(e: Engine, j: number, end: number): void {
  const c = e.c
  const jobs = e.jobs
  const s = jobs.i[(j << JI_SHIFT) + J_SRC]
  const birth = jobs.f[(j << JF_SHIFT) + J_BIRTH]
  const counted = birth >= e.warmup
  const done = (end & 3) === COMPLETED
  const lead = e.now - birth
  if (done && c.srcFieldEnd[s] > c.srcFieldStart[s]) collect(e, s, jobs.i[(j << JI_SHIFT) + J_TARGET], birth)
  if (e.tracer !== null && counted) e.tracer.emit(e.now, done ? 'completed' : 'unresolved', jobs.item[j], jobs.inst[j], jobs.i[(j << JI_SHIFT) + J_UNIT], s)
  if (counted) {
    if (done) {
      e.completed++
      e.recordLead(jobs.i[(j << JI_SHIFT) + J_UNIT], lead)
      if (e.now > birth + c.srcDeadline[s]) e.overdue++
    } else e.unresolved++
    if (s >= c.nTasks) {
      e.requestsEnded++
      e.requestHops += end >> 2
      if (done) {
        e.resolved++
        e.resolveHours += lead
        e.resolveHist.record(lead)
      }
    }
  }
  jobs.release(j)
}

function newJob(e: Engine, kind: number, s: number, birth: number, issuer: number): number {
  const c = e.c
  const jobs = e.jobs
  const j = jobs.alloc()
  jobs.i[(j << JI_SHIFT) + J_KIND] = kind
  jobs.i[(j << JI_SHIFT) + J_SRC] = s
  jobs.f[(j << JF_SHIFT) + J_BIRTH] = birth
  jobs.i[(j << JI_SHIFT) + J_CLS] = c.srcClass[s]
  jobs.i[(j << JI_SHIFT) + J_ISSUER] = issuer
  return j
}
