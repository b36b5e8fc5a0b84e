// The expected hours of contested items (推诿扯皮) at the end of a plan, for the structural
// flow analysis: the same contest the simulation plays out (./../sim/contest.ts), in expectation.
import {contestScope} from '../model/routing.js'
import type {ModelIndex} from '../model/routing.js'
import {meanOf} from '../model/types.js'
import type {Contested, Rules} from '../model/types.js'

export interface ContestPart {
  /** Refusals (transfer effort) and arbitration. */
  overhead: number
  /** The item's own work. */
  work: number
  /** Jobs per year: refusals, rulings and the work, one each. */
  jobs: number
}

/**
 * `items` per year whose work of `hours` ends at department `dept`: the uncontested share works
 * there; of the contested share, each candidate visit is refused with probability p, so the
 * expected refusals are p + p² + … + p^m, spread over the candidates, an arbitration follows
 * with probability p^m, and the work lands on the accepting candidate (evenly in expectation)
 * or, after arbitration, on the assignee. A named owner takes the contested share at once.
 */
export function contestHours(ix: ModelIndex, rules: Rules, contested: Contested, dept: string, items: number, hours: number, dispatched: boolean): Map<string, ContestPart> {
  const out = new Map<string, ContestPart>()
  const add = (u: string, overhead: number, work: number, jobs: number) => {
    const p = out.get(u) ?? {overhead: 0, work: 0, jobs: 0}
    p.overhead += overhead
    p.work += work
    p.jobs += jobs
    out.set(u, p)
  }
  const scope = contestScope(ix, contested, dept, rules, dispatched)
  if (scope.candidates.length === 0) {
    add(dept, 0, hours, items)
    return out
  }
  const share = contested.share
  add(dept, 0, (1 - share) * hours, (1 - share) * items)
  if (scope.owner !== undefined) {
    add(scope.owner, 0, share * hours, share * items)
    return out
  }
  const p = rules.buckPassing.refusal
  const m = scope.maxTransfers
  let refusals = 0
  for (let k = 1; k <= m; k++) refusals += p ** k
  const arbitrated = p ** m
  const n = scope.candidates.length
  const transfer = meanOf(rules.buckPassing.transferEffort)
  for (const c of scope.candidates) add(c, (share * items * refusals * transfer) / n, (share * hours * (1 - arbitrated)) / n, (share * items * (refusals + 1 - arbitrated)) / n)
  add(scope.assignee, 0, share * hours * arbitrated, share * items * arbitrated)
  if (scope.arbiter !== undefined) add(scope.arbiter, share * items * arbitrated * meanOf(rules.buckPassing.arbitrationEffort), 0, share * items * arbitrated)
  return out
}
