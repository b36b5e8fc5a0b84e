// The compiled model: the flat arrays the engine runs on (compile.ts builds them). Ids and
// order are part of the contract: runs of the same seed replay the same events from them.
import type {Model} from '../model/types.js'
import type {ContestTables} from './contest-tables.js'
import type {Dists} from './dist.js'
import type {PlanTables} from './plans.js'
import type {RouteTables} from './routes.js'

/** Priority classes: veto > inspection > deadline (by due time) > the rest. */
export const CLASS_VETO = 0
export const CLASS_INSPECTION = 1
export const CLASS_DEADLINE = 2
export const CLASS_REST = 3

/** What a source's hours count as in the community's time split. */
export const SPLIT_SERVICE = 0
export const SPLIT_ADMIN = 1
export const SPLIT_INSPECTION = 2

export interface Compiled {
  model: Model
  nUnits: number
  unitIds: string[]
  /** Index into TIERS, -1 without a tier. */
  unitTier: Int8Array
  servers: Int32Array
  /** staff / servers, so that capacity equals staff hours even for fractional FTE. */
  speed: Float64Array
  households: Float64Array
  residents: Float64Array
  /** Hand-off delay of hand-overs each unit receives (dist index), -1 when it is zero. */
  unitHandoff: Int32Array
  dists: Dists
  nTasks: number
  nSources: number
  srcEffort: Int32Array
  srcRelay: Int32Array
  srcClass: Uint8Array
  srcDeadline: Float64Array
  srcSplit: Uint8Array
  srcNeeds: Int32Array
  srcGateTier: Int8Array
  srcLeakage: Float64Array
  srcGateAbolish: Uint8Array
  srcInspectionCat: Int32Array
  srcFieldStart: Int32Array
  srcFieldEnd: Int32Array
  fields: Int32Array
  nFields: number
  fieldShared: Uint8Array
  srcContacts: Float64Array
  srcValidity: Float64Array
  srcEffortRng: Int32Array
  srcRouteRng: Int32Array
  /** Stream of the hand-off delays and other waits of a source's items. */
  srcDelayRng: Int32Array
  /** Stream of a source's buck-passing draws (contested or not, candidates, refusals). */
  srcContestRng: Int32Array
  /** Effort per target unit (0), per `srcPerSize` households (1) or residents (2) of the target. */
  srcPerBasis: Uint8Array
  srcPerSize: Float64Array
  /** Inspections: the inspector's effort per visit (dist) and the window visits are spread over (0: at once). */
  srcInspector: Int32Array
  srcSpread: Float64Array
  /** Share of a source's items whose owner is contested (0: none). */
  srcContestShare: Float64Array
  contests: ContestTables
  refusal: number
  transferDist: number
  arbitrationDist: number
  dispatchDist: number
  nInspectionCats: number
  /** Arrival streams: source, tree (-1 for demand), periodic flag, period or mean gap, offset, stream. */
  nArrivals: number
  arrSrc: Int32Array
  arrTree: Int32Array
  arrPeriodic: Uint8Array
  arrGap: Float64Array
  arrOffset: Float64Array
  arrRng: Int32Array
  /** Demand streams pick a unit by residents: alias tables [aliasStart, aliasEnd). */
  arrAliasStart: Int32Array
  arrAliasEnd: Int32Array
  aliasProb: Float64Array
  aliasUnit: Int32Array
  aliasOther: Int32Array
  /** The same in 16-byte entries, one cache line per draw: aliasRecProb[2k], aliasRecUnit[4k + 2 | 3]. */
  aliasRecProb: Float64Array
  aliasRecUnit: Int32Array
  routes: RouteTables
  /** Stage records of the shared plans (plan-share.ts: S_UNIT may be SELF, the plan's start unit). */
  plans: PlanTables
  /** Shared plan of (needs set, start unit): planOf[needs * nUnits + unit], -1 when not needed. */
  planOf: Int32Array
  /** Per shared plan, its counters and first stage for the hot loop (plans.ts E_*): planEntry[plan * 8 + E_*]. */
  planEntry: Int32Array
  streamKeys: string[]
  /** defaults.redundancyWindow: two inspections of a unit in a category closer than this are redundant. */
  redundancyWindow: number
  escalationDist: number
  reportDist: number
  formalShare: number
}
