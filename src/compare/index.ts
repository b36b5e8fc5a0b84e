// Comparing a baseline with reform scenarios: paired differences, metrics and tables.
export {compareRuns} from './compare.js'
export type {MetricRow, Side} from './compare.js'
export {DEFAULT_METRICS, METRICS, getMetric, unitGroups} from './metrics.js'
export type {FlowMetric, Metric, MetricDefinition, MetricUnit, StructureMetric, UnitGroups} from './metrics.js'
export {exactDifference, pairedDifference} from './paired.js'
export type {PairedDifference} from './paired.js'
export {CSV_COLUMNS, footnote, formatCsv, formatTable, formatValue, width} from './format.js'
export type {Lang, ScenarioRows} from './format.js'
