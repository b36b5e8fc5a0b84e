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
export {chooseWarmup, simulateModel} from './parallel.js'
