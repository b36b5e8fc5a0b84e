// The sweep file (docs/sweeps.md): a base model or scenario, the factors to vary (each a path
// into the model or into the scenario's reforms, with a list of values or a range), the
// design that chooses the cells, and what to run and measure. Checked with zod at the edge.
import {z} from 'zod'
import {Count, Duration, Id, Selector, Text} from '../model/schema/common.js'

export const SWEEP_FORMAT = 1
export const DESIGNS = ['grid', 'lhs', 'morris', 'sobol'] as const
export type DesignName = (typeof DESIGNS)[number]

/** A factor value as written: a number, a duration or rate (`6h`, `6/y`), a word or a flag. */
export const FactorValue = z.union([z.number().finite(), z.string(), z.boolean()], {
  error: 'expected a number, a duration such as 6h, a rate such as 6/y, a word or true/false',
})
export type FactorValueInput = z.infer<typeof FactorValue>

const Bound = z.union([z.number().finite(), z.string()], {error: 'expected a number, a duration such as 6h or a rate such as 6/y'})

export const RangeSchema = z.strictObject({
  from: Bound,
  to: Bound,
  /** Evenly spaced values from `from` to `to` (grid); without it the range is sampled. */
  steps: z.number({error: 'expected a whole number of steps'}).int({error: 'steps must be a whole number'}).min(2, {error: 'a range needs at least 2 steps'}).max(10_000, {error: 'at most 10,000 steps'}).optional(),
})

export const FactorSchema = z
  .strictObject({
    /** The factor's column in the tidy table: [A-Za-z0-9._-]+. */
    id: Id,
    name: Text.optional(),
    /** `reforms[0].leakage`, `reforms.whistle.responseTime`, `units.staff`, `tasks.effort`, `defaults.formalShare`, … */
    path: Text.min(1, {error: 'give the path of the value to vary'}),
    /** For `units.*`: a unit selector; for `tasks.*` and `demand.*`: an id, an id glob or a list of them. */
    select: Selector.optional(),
    /** `set`: the value replaces the model's; `scale`: it multiplies the model's value. */
    mode: z.enum(['set', 'scale'], {error: 'expected set or scale'}).default('set'),
    values: z.array(FactorValue, {error: 'expected a list of values'}).min(1, {error: 'give at least one value'}).optional(),
    range: RangeSchema.optional(),
  })
  .superRefine((f, ctx) => {
    if ((f.values === undefined) === (f.range === undefined)) {
      ctx.addIssue({code: 'custom', path: f.values ? ['range'] : [], message: 'give either `values` or `range`, not both and not neither'})
    }
  })
export type FactorInput = z.output<typeof FactorSchema>

export const SweepFileSchema = z.strictObject({
  loudou: z.literal(SWEEP_FORMAT, {error: 'expected `loudou: 1` (the format version)'}),
  id: z.string({error: 'expected a sweep id'}).regex(/^[a-z0-9-]+$/, {error: 'a sweep id may contain only lower-case letters, digits and `-`'}),
  name: Text,
  description: Text.optional(),
  /** The model or scenario, relative to the sweep file. */
  base: Text.min(1, {error: 'give the path of the base model or scenario'}),
  design: z.enum(DESIGNS, {error: `expected a design: ${DESIGNS.join(', ')}`}).default('grid'),
  /** lhs: points; morris: trajectories; sobol: base samples N (cells = N × (factors + 2)). */
  samples: z.number({error: 'expected a whole number'}).int({error: 'must be a whole number'}).min(2, {error: 'at least 2 samples'}).max(100_000, {error: 'at most 100,000 samples'}).optional(),
  /** morris: grid levels p (even; Δ = p / (2(p − 1))). */
  levels: z.number({error: 'expected a whole number'}).int({error: 'must be a whole number'}).min(2, {error: 'at least 2 levels'}).max(100, {error: 'at most 100 levels'}).optional(),
  /** Seeds the design's sampling and the replications (common random numbers across cells). */
  seed: z.number({error: 'expected a whole number'}).int({error: 'must be a whole number'}).min(0).max(4294967295).default(1),
  replications: Count.default(10),
  horizon: Duration.optional(),
  warmup: Duration.optional(),
  metrics: z.array(Text, {error: 'expected a list of metric ids'}).min(1, {error: 'give at least one metric'}).optional(),
  /** Units that get a row of their own for `unit.*` metrics (default: every unit). */
  units: Selector.optional(),
  /** Bootstrap resamples for the confidence intervals of Morris and Sobol indices. */
  bootstrap: z.number({error: 'expected a whole number'}).int({error: 'must be a whole number'}).min(100, {error: 'at least 100 resamples'}).max(100_000).default(1000),
  factors: z.array(FactorSchema, {error: 'expected a list of factors'}).min(1, {error: 'give at least one factor'}).max(100, {error: 'at most 100 factors'}),
})
export type SweepFileInput = z.output<typeof SweepFileSchema>
