// Nominal load per unit without simulating: the hours per working hour that the arrival rates
// demand of each unit along the same routes and plans the engine uses, over the unit's staff.
// Gates count in expectation (leakage); data sharing is ignored (it depends on timing).
import type {Model} from '../../model/types.js'
import {compileModel} from '../../sim/compile.js'
import type {Compiled} from '../../sim/compile.js'
import {DELAY, ESCALATE, FORMAL, REPORT} from '../../sim/plans.js'

/** Demanded hours per working hour, per unit (index order of model.units). */
export function demandedHours(c: Compiled): Float64Array {
  const load = new Float64Array(c.nUnits)
  const r = c.routes
  const mean = c.dists.mean
  const plan = (p: number, s: number, rate: number): void => {
    const P = c.plans
    for (let st = P.planStageStart[p]; st < P.planStageEnd[p]; st++) {
      const type = P.stageType[st]
      if (type === DELAY) continue
      const hours =
        type === FORMAL ? c.formalShare * mean[c.srcEffort[s]] : type === ESCALATE ? mean[c.escalationDist] : type === REPORT ? mean[c.reportDist] : mean[c.srcEffort[s]]
      load[P.stageUnit[st]] += rate * hours
    }
  }
  const visit = (n: number, s: number, issuer: number, rate: number): void => {
    const u = r.nodeUnit[n]
    let pass = rate
    if (c.srcGateTier[s] >= 0 && c.unitTier[u] === c.srcGateTier[s]) {
      pass = rate * c.srcLeakage[s]
      if (c.srcGateAbolish[s] === 0) plan(c.planOf[c.srcNeeds[s] * c.nUnits + issuer], s, (rate - pass) * r.nodeItems[n])
    }
    if (pass <= 0) return
    if (r.nodeLeaf[n] === 1) {
      if (c.srcInspectionCat[s] >= 0) load[issuer] += pass * mean[c.srcEffort[s]]
      plan(c.planOf[c.srcNeeds[s] * c.nUnits + u], s, pass)
      return
    }
    load[u] += pass * mean[c.srcRelay[s]]
    for (let k = r.nodeChildStart[n]; k < r.nodeChildEnd[n]; k++) visit(r.children[k], s, issuer, pass)
  }
  for (let a = 0; a < c.nArrivals; a++) {
    const s = c.arrSrc[a]
    const rate = 1 / c.arrGap[a]
    const tree = c.arrTree[a]
    if (tree >= 0) {
      for (let i = r.treeRootStart[tree]; i < r.treeRootEnd[tree]; i++) visit(r.roots[i], s, r.treeIssuer[tree], rate)
      continue
    }
    for (let k = c.arrAliasStart[a]; k < c.arrAliasEnd[a]; k++) {
      const share = 1 / (c.arrAliasEnd[a] - c.arrAliasStart[a])
      plan(c.planOf[c.srcNeeds[s] * c.nUnits + c.aliasUnit[k]], s, rate * share * c.aliasProb[k])
      plan(c.planOf[c.srcNeeds[s] * c.nUnits + c.aliasOther[k]], s, rate * share * (1 - c.aliasProb[k]))
    }
  }
  return load
}

/** Nominal load = demanded hours / available hours (staff); Infinity for unstaffed units with work. */
export function nominalLoad(model: Model, compiled?: Compiled): number[] {
  const c = compiled ?? compileModel(model)
  const hours = demandedHours(c)
  return model.units.map((u, i) => (u.staff > 0 ? hours[i] / u.staff : hours[i] > 0 ? Infinity : 0))
}
