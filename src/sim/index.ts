// The simulation: public types, one replication, the live simulation, and parallel runs.
export type {
  Bottleneck,
  Estimate,
  FlowSummary,
  FlowUnit,
  ItemCounts,
  LiveSimulation,
  LiveSnapshot,
  ReplicationResult,
  RequestStats,
  SimOptions,
  SimulateOptions,
  TimeSplit,
  TraceActivity,
  TraceEvent,
  TraceSink,
  UnitRun,
  Series,
  UnitAggregate,
  WarmupChoice,
} from './api.js'
export {compileModel} from './compile.js'
export type {Compiled} from './compile.js'
export {replicationSeed, StreamBank, hashString} from './prng.js'
export {EventHeap} from './heap.js'
export {createSimulation, runCompiled, runReplication} from './replication.js'
export {summarise} from '../metrics/flow/summarise.js'
export {mserWarmup, runSliced, simulateModel} from './parallel.js'
export {steppedReplication} from './replication.js'
export type {SteppedReplication} from './replication.js'
export {BudgetError, DEFAULT_MAX_EVENTS, MAX_REPLICATIONS, checkBudget, estimateBudget} from './budget.js'
export type {Budget, SourceLoad} from './budget.js'
export {DEFAULT_MAX_LIVE_JOBS, LiveBoundError, RunawayError} from './bounds.js'
export {planRun, RUN_LENGTH} from './run-length.js'
export type {RunPlan} from './run-length.js'
