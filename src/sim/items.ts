// What happens to items between services: arrivals of task instances and resident requests,
// relays fanning out, the access-catalogue gate, inspections, plan stages and the end states.
import type {Engine} from './engine.js'
import {EV_ARRIVAL, EV_DELAY_END} from './engine.js'
import {INSPECTOR, RELAY, STAGE, WAITING} from './jobs.js'
import {COMPLETED, DELAY, ESCALATE, FORMAL, REPORT} from './plans.js'

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
    for (let i = r.treeRootStart[tree]; i < r.treeRootEnd[tree]; i++) enterNode(e, r.roots[i], s, issuer, e.now)
    return
  }
  // A resident request: the unit is drawn in proportion to residents (alias method).
  const rs = c.srcRouteRng[s]
  const start = c.arrAliasStart[a]
  const k = start + Math.floor(e.rng.uniform(rs) * (c.arrAliasEnd[a] - start))
  const unit = e.rng.uniform(rs) < c.aliasProb[k] ? c.aliasUnit[k] : c.aliasOther[k]
  if (counted) {
    e.generated++
    e.raised++
  }
  startPlan(e, c.planOf[c.srcNeeds[s] * c.nUnits + unit], s, unit, -1, e.now)
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
  if (r.nodeLeaf[n] === 1) {
    startItem(e, s, u, issuer, birth)
    return
  }
  const j = newJob(e, RELAY, s, birth, issuer)
  const jobs = e.jobs
  jobs.ref[j] = n
  jobs.items[j] = r.nodeItems[n]
  jobs.target[j] = -1
  jobs.dist[j] = c.srcRelay[s]
  jobs.scale[j] = 1
  e.enqueue(j, u)
}

/** The access catalogue refuses the instance at node n: abolished, or back to the issuer. */
function refuse(e: Engine, n: number, s: number, issuer: number, birth: number): void {
  const c = e.c
  const r = c.routes
  const counted = birth >= e.warmup
  if (c.srcGateAbolish[s] === 1) {
    if (counted) e.rejected += r.nodeItems[n]
    return
  }
  if (counted) e.returned += r.nodeItems[n]
  if (r.nodeLeaf[n] === 1) {
    startPlan(e, c.planOf[c.srcNeeds[s] * c.nUnits + issuer], s, r.nodeUnit[n], issuer, birth)
    return
  }
  for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) returnLeaves(e, r.children[k], s, issuer, birth)
}

function returnLeaves(e: Engine, n: number, s: number, issuer: number, birth: number): void {
  const c = e.c
  const r = c.routes
  if (r.nodeLeaf[n] === 1) {
    startPlan(e, c.planOf[c.srcNeeds[s] * c.nUnits + issuer], s, r.nodeUnit[n], issuer, birth)
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
    jobs.ref[j] = -1
    jobs.items[j] = 0
    jobs.target[j] = unit
    jobs.dist[j] = c.srcEffort[s]
    jobs.scale[j] = 1
    e.enqueue(j, issuer)
  }
  startPlan(e, c.planOf[c.srcNeeds[s] * c.nUnits + unit], s, unit, issuer, birth)
}

function startPlan(e: Engine, plan: number, s: number, target: number, issuer: number, birth: number): void {
  const p = e.c.plans
  if (birth >= e.warmup) {
    e.escalations += p.planEscalations[plan]
    e.summons += p.planSummons[plan]
    e.multiUnitItems += p.planMulti[plan]
  }
  const j = newJob(e, STAGE, s, birth, issuer)
  e.jobs.items[j] = 1
  e.jobs.target[j] = target
  setStage(e, j, p.planStageStart[plan])
}

function setStage(e: Engine, j: number, st: number): void {
  const c = e.c
  const p = c.plans
  const jobs = e.jobs
  const type = p.stageType[st]
  const unit = p.stageUnit[st]
  jobs.ref[j] = st
  if (type === DELAY) {
    jobs.kind[j] = WAITING
    jobs.unit[j] = unit
    e.schedule(e.now + p.stageDelay[st], EV_DELAY_END, j)
    return
  }
  jobs.kind[j] = STAGE
  const s = jobs.src[j]
  if (type === FORMAL) {
    jobs.dist[j] = c.srcEffort[s]
    jobs.scale[j] = c.formalShare
  } else if (type === ESCALATE) {
    jobs.dist[j] = c.escalationDist
    jobs.scale[j] = 1
  } else if (type === REPORT) {
    jobs.dist[j] = c.reportDist
    jobs.scale[j] = 1
  } else {
    jobs.dist[j] = c.srcEffort[s]
    jobs.scale[j] = c.srcFieldEnd[s] > c.srcFieldStart[s] ? collectionScale(e, s, jobs.target[j]) : 1
  }
  e.enqueue(j, unit)
}

/**
 * With a data-sharing platform, fields still valid at the target are served from it: the
 * work shrinks in proportion to the share of the task's fields that need no visit.
 */
function collectionScale(e: Engine, s: number, target: number): number {
  const c = e.c
  const from = c.srcFieldStart[s]
  const to = c.srcFieldEnd[s]
  let served = 0
  for (let i = from; i < to; i++) {
    const f = c.fields[i]
    if (c.fieldShared[f] === 1 && e.fieldExpiry[target * c.nFields + f] > e.now) served++
  }
  return 1 - served / (to - from)
}

export function resumeAfterDelay(e: Engine, j: number): void {
  setStage(e, j, e.jobs.ref[j] + 1)
}

export function completeJob(e: Engine, j: number): void {
  const jobs = e.jobs
  const kind = jobs.kind[j]
  if (kind === RELAY) {
    const r = e.c.routes
    const n = jobs.ref[j], s = jobs.src[j], issuer = jobs.issuer[j], birth = jobs.birth[j]
    if (birth >= e.warmup) e.relayHops += jobs.items[j]
    jobs.release(j)
    for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) enterNode(e, r.children[k], s, issuer, birth)
    return
  }
  if (kind === INSPECTOR) {
    jobs.release(j)
    return
  }
  const p = e.c.plans
  const st = jobs.ref[j]
  const plan = p.stagePlan[st]
  if (st + 1 < p.planStageEnd[plan]) setStage(e, j, st + 1)
  else finishItem(e, j, plan)
}

function finishItem(e: Engine, j: number, plan: number): void {
  const c = e.c
  const jobs = e.jobs
  const s = jobs.src[j]
  const birth = jobs.birth[j]
  const counted = birth >= e.warmup
  const done = c.plans.planOutcome[plan] === COMPLETED
  const lead = e.now - birth
  if (done && c.srcFieldEnd[s] > c.srcFieldStart[s]) collect(e, s, jobs.target[j])
  if (counted) {
    if (done) {
      e.completed++
      e.recordLead(jobs.unit[j], lead)
      if (e.now > jobs.due[j]) e.overdue++
    } else e.unresolved++
    if (s >= c.nTasks) {
      e.requestsEnded++
      e.requestHops += c.plans.planHops[plan]
      if (done) {
        e.resolved++
        e.resolveHours += lead
        e.resolveHist.record(lead)
      }
    }
  }
  jobs.release(j)
}

/** The visit: each field still valid at the unit is a duplicate, or served by the platform. */
function collect(e: Engine, s: number, target: number): void {
  const c = e.c
  const households = Math.round(c.srcContacts[s] * c.households[target])
  const counted = e.now >= e.warmup
  let visited = false
  for (let i = c.srcFieldStart[s]; i < c.srcFieldEnd[s]; i++) {
    const f = c.fields[i]
    const slot = target * c.nFields + f
    if (e.fieldExpiry[slot] > e.now) {
      if (c.fieldShared[f] === 1) {
        if (counted) e.platformContacts += households
        continue
      }
      if (counted) e.duplicateContacts += households
    }
    e.fieldExpiry[slot] = e.now + c.srcValidity[s]
    visited = true
  }
  if (visited && counted) e.contacts += households
}

function newJob(e: Engine, kind: number, s: number, birth: number, issuer: number): number {
  const c = e.c
  const jobs = e.jobs
  const j = jobs.alloc()
  jobs.kind[j] = kind
  jobs.src[j] = s
  jobs.birth[j] = birth
  jobs.due[j] = birth + c.srcDeadline[s]
  jobs.cls[j] = c.srcClass[s]
  jobs.issuer[j] = issuer
  return j
}
