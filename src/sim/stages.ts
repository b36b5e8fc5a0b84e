// What happens to an item at the unit that must handle it: its work plan's stages (formal
// part, hand-offs, escalation hops, report, summons and dispatch waits, the work), the
// inspector's visit, and the end of the item. Contested items leave the plan for ./contest.ts
// at their last stage.
import type {Engine} from './engine.js'
import {EV_DELAY_END} from './engine.js'
import {ARBITRATE, INSPECTOR, J_AUX, J_BIRTH, J_DIST, J_END, J_ISSUER, J_KIND, J_REF, J_SCALE, J_SRC, J_TARGET, J_UNIT, JI_SHIFT, JF_SHIFT, RELAY, STAGE, TRANSFER, WAITING} from './jobs.js'
import {COMPLETED, DISPATCH, E_END, E_ESCALATIONS, E_FLAGS, E_MULTI, E_STAGE, E_SUMMONS, E_TYPE, E_UNIT, ESCALATE, F_CONTESTABLE, FORMAL, HANDOFF, isWait, lastStageUnit, REPORT, S_DIST, S_END, S_TYPE, S_UNIT, SUMMON_WAIT, WORK} from './plans.js'
import {collect, collectionScale} from './collect.js'
import {SELF} from './plan-share.js'
import {sample} from './dist.js'
import {traceStage} from './trace.js'
import {arbitrationDone, contestAfterWait, enterContest, transferDone} from './contest.js'
import {arrivedAfterWait, relayDone} from './items.js'

export function newJob(e: Engine, kind: number, s: number, birth: number, issuer: number): number {
  const c = e.c
  const jobs = e.jobs
  const j = jobs.alloc()
  jobs.i[(j << JI_SHIFT) + J_KIND] = kind
  jobs.i[(j << JI_SHIFT) + J_SRC] = s
  jobs.f[(j << JF_SHIFT) + J_BIRTH] = birth
  jobs.i[(j << JI_SHIFT) + J_ISSUER] = issuer
  jobs.i[(j << JI_SHIFT) + J_AUX] = -1
  if (e.tracer !== null) {
    jobs.item[j] = e.tracer.item
    jobs.inst[j] = e.tracer.inst
  }
  return j
}

/** An item arrives at its target unit (in job j, or a new one when j < 0). Inspections also occupy the inspector. */
export function startItem(e: Engine, j: number, s: number, unit: number, issuer: number, birth: number): void {
  const c = e.c
  const cat = c.srcInspectionCat[s]
  if (cat >= 0) {
    const key = unit * c.nInspectionCats + cat
    if (e.now >= e.warmup) {
      e.inspections++
      if (e.now - e.lastInspection[key] < c.redundancyWindow) e.redundantInspections++
    }
    e.lastInspection[key] = e.now
    const k = newJob(e, INSPECTOR, s, birth, issuer)
    const jobs = e.jobs
    jobs.i[(k << JI_SHIFT) + J_REF] = -1
    jobs.i[(k << JI_SHIFT) + J_TARGET] = unit
    jobs.i[(k << JI_SHIFT) + J_DIST] = c.srcInspector[s]
    jobs.f[(k << JF_SHIFT) + J_SCALE] = 1
    const tr = e.tracer
    if (tr !== null && birth >= e.warmup) tr.emit(e.now, 'inspected', tr.item, tr.inst, unit, s)
    e.enqueue(k, issuer)
  }
  startPlan(e, j, unit, s, unit, issuer, birth)
}

/**
 * An item of source s starts its plan at unit `start` (its target, or the issuer it was sent
 * back to), in job j or a new one.
 */
export function startPlan(e: Engine, j: number, start: number, s: number, target: number, issuer: number, birth: number): void {
  const c = e.c
  const pe = c.planEntry
  const po = c.planOf[c.srcNeeds[s] * c.nUnits + start] << 3
  const counted = birth >= e.warmup
  if (counted) {
    e.escalations += pe[po + E_ESCALATIONS]
    e.summons += pe[po + E_SUMMONS]
    e.multiUnitItems += pe[po + E_MULTI]
  }
  if (j < 0) j = newJob(e, STAGE, s, birth, issuer)
  e.jobs.i[(j << JI_SHIFT) + J_TARGET] = target
  if (start !== target) e.jobs.startsAt(j, start)
  if (c.srcContestShare[s] > 0 && (pe[po + E_FLAGS] & F_CONTESTABLE) !== 0 && e.rng.uniform(c.srcContestRng[s]) < c.srcContestShare[s]) {
    const entry = c.contests.entryOf.get(s * c.nUnits + lastUnit(e, pe[po + E_STAGE], start))
    if (entry !== undefined) e.jobs.i[(j << JI_SHIFT) + J_AUX] = entry << 8
  }
  const unit = pe[po + E_UNIT]
  setStage(e, j, pe[po + E_STAGE], pe[po + E_TYPE], unit === SELF ? start : unit, pe[po + E_END])
}

/** The unit of the last stage of the plan from stage st, SELF resolved to the plan's start. */
function lastUnit(e: Engine, st: number, start: number): number {
  const unit = lastStageUnit(e.c.plans, st)
  return unit === SELF ? start : unit
}

/** The effort multiplier of source s's own effort for target `target`: per households or residents when the task says so. */
export function sizeScale(e: Engine, s: number, target: number): number {
  const c = e.c
  const basis = c.srcPerBasis[s]
  if (basis === 0) return 1
  return (basis === 1 ? c.households[target] : c.residents[target]) / c.srcPerSize[s]
}

/** Job j moves to plan stage st (its type, unit and end code read by the caller). */
function setStage(e: Engine, j: number, st: number, type: number, unit: number, end: number): void {
  const c = e.c
  const jobs = e.jobs
  const io = j << JI_SHIFT
  const fo = j << JF_SHIFT
  jobs.i[io + J_REF] = st
  jobs.i[io + J_END] = end
  const s = jobs.i[io + J_SRC]
  if (isWait(type)) {
    jobs.i[io + J_KIND] = WAITING
    jobs.i[io + J_UNIT] = unit
    e.schedule(e.now + sample(c.dists, c.plans.stageRec[(st << 2) + S_DIST], e.rng, c.srcDelayRng[s]), EV_DELAY_END, j)
    if (e.tracer !== null) traceStage(e, j, type === HANDOFF ? 'handoff' : type === SUMMON_WAIT ? 'summoned' : 'dispatched', unit)
    return
  }
  jobs.i[io + J_KIND] = STAGE
  if (type === WORK) {
    if (jobs.i[(j << JI_SHIFT) + J_AUX] >= 0) {
      enterContest(e, j, unit)
      return
    }
    setWork(e, j)
  } else if (type === FORMAL) {
    jobs.i[io + J_DIST] = c.srcEffort[s]
    jobs.f[fo + J_SCALE] = c.formalShare * sizeScale(e, s, jobs.i[io + J_TARGET])
  } else {
    jobs.i[io + J_DIST] = type === ESCALATE ? c.escalationDist : type === REPORT ? c.reportDist : c.dispatchDist
    jobs.f[fo + J_SCALE] = 1
  }
  if (e.tracer !== null) {
    if (type === ESCALATE) traceStage(e, j, 'escalated', unit)
    else if (type === REPORT) traceStage(e, j, 'reported', unit)
    traceStage(e, j, 'queued', unit)
  }
  e.enqueue(j, unit)
}

/** Job j is to do its item's own work: the effort, per size, less what the data platform serves. */
export function setWork(e: Engine, j: number): void {
  const c = e.c
  const jobs = e.jobs
  const io = j << JI_SHIFT
  const s = jobs.i[io + J_SRC]
  const target = jobs.i[io + J_TARGET]
  jobs.i[io + J_KIND] = STAGE
  jobs.i[io + J_DIST] = c.srcEffort[s]
  jobs.f[(j << JF_SHIFT) + J_SCALE] = sizeScale(e, s, target) * (c.srcFieldEnd[s] > c.srcFieldStart[s] ? collectionScale(e, s, target) : 1)
}

function nextStage(e: Engine, j: number, st: number): void {
  const sr = e.c.plans.stageRec
  const so = st << 2
  const unit = sr[so + S_UNIT]
  setStage(e, j, st, sr[so + S_TYPE], unit === SELF ? e.jobs.planStart(j) : unit, sr[so + S_END])
}

/** The end of any wait (EV_DELAY_END). */
export function resumeAfterDelay(e: Engine, j: number): void {
  const kind = e.jobs.i[(j << JI_SHIFT) + J_KIND]
  if (kind === WAITING) nextStage(e, j, e.jobs.i[(j << JI_SHIFT) + J_REF] + 1)
  else if (!arrivedAfterWait(e, j)) contestAfterWait(e, j)
}

export function completeJob(e: Engine, j: number): void {
  const jobs = e.jobs
  const kind = jobs.i[(j << JI_SHIFT) + J_KIND]
  if (kind === STAGE) {
    const end = jobs.i[(j << JI_SHIFT) + J_END]
    if (end === 0) nextStage(e, j, jobs.i[(j << JI_SHIFT) + J_REF] + 1)
    else finishItem(e, j, end)
  } else if (kind === RELAY) relayDone(e, j)
  else if (kind === INSPECTOR) {
    if (e.tracer !== null && jobs.f[(j << JF_SHIFT) + J_BIRTH] >= e.warmup) e.tracer.emit(e.now, 'inspected', jobs.item[j], jobs.inst[j], jobs.i[(j << JI_SHIFT) + J_UNIT], jobs.i[(j << JI_SHIFT) + J_SRC])
    jobs.release(j)
  } else if (kind === TRANSFER) transferDone(e, j)
  else if (kind === ARBITRATE) arbitrationDone(e, j)
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
  const unit = jobs.i[(j << JI_SHIFT) + J_UNIT]
  if (done && c.srcFieldEnd[s] > c.srcFieldStart[s]) collect(e, s, jobs.i[(j << JI_SHIFT) + J_TARGET], birth)
  if (e.tracer !== null && counted) e.tracer.emit(e.now, done ? 'completed' : 'unresolved', jobs.item[j], jobs.inst[j], unit, s)
  if (counted) {
    if (done) {
      e.completed++
      e.recordLead(unit, lead)
      e.tally.ended(s, unit, lead)
      if (e.now > birth + c.srcDeadline[s]) e.overdue++
    } else {
      e.unresolved++
      e.tally.unresolved(s)
    }
    if (s >= c.nTasks) {
      e.requestsEnded++
      // Units a contest passed the item through count as hops too.
      const aux = jobs.i[(j << JI_SHIFT) + J_AUX]
      e.requestHops += (end >> 2) + (aux >= 0 ? (aux & 0x7f) + (aux & 0x80 ? 1 : 0) : 0)
      if (done) {
        e.resolved++
        e.resolveHours += lead
        e.resolveHist.record(lead)
      }
    }
  }
  jobs.release(j)
}
