// The values a model takes where it says nothing: its clock, its defaults and its rules. Each
// default's source is in docs/sources.md.
import type {BuckPassing, Clock, Defaults, Rules} from './types.js'

export const DEFAULT_CLOCK: Clock = {hoursPerDay: 8, daysPerYear: 250}

/** Default redundancy window in working days: two weeks (docs/sources.md). */
export const REDUNDANCY_WINDOW_DAYS = 10

export const DEFAULT_DEFAULTS: Defaults = {
  relayEffort: {dist: 'fixed', value: 0.5},
  escalationEffort: {dist: 'fixed', value: 1},
  formalShare: 0.25,
  householdSize: 2.5,
  collectionValidity: 2000,
  redundancyWindow: REDUNDANCY_WINDOW_DAYS * DEFAULT_CLOCK.hoursPerDay,
  // Half a working day, exponentially distributed: see docs/sources.md (hand-off delay).
  handoffDelay: {dist: 'exp', mean: 4},
  // Two working weeks.
  spread: 80,
  inspectorEffort: {dist: 'fixed', value: 2},
}

export const DEFAULT_BUCK_PASSING: BuckPassing = {
  refusal: 0.5,
  maxTransfers: 2,
  transferEffort: {dist: 'fixed', value: 0.5},
  arbitrationEffort: {dist: 'fixed', value: 1},
}

export const DEFAULT_RULES: Rules = {
  responsibility: 'territorial',
  reportEffort: {dist: 'fixed', value: 0.5},
  buckPassing: DEFAULT_BUCK_PASSING,
}
