// A scenario file's top level: which model it starts from and which reforms it applies.
// Each reform is one mapping, `{type: access-catalogue, leakage: 0.1, …}`: the type plus
// that reform's parameters (docs/reforms.md).
import {z} from 'zod'
import {Text} from '../model/schema/common.js'
import {SourceSchema} from '../model/schema/settings.js'

export const SCENARIO_FORMAT = 1

export const ReformEntrySchema = z.looseObject({
  type: z.string({error: 'expected a reform type such as flatten or access-catalogue'}),
})

export const ScenarioFileSchema = z.strictObject({
  loudou: z.literal(SCENARIO_FORMAT, {error: 'expected `loudou: 1` (the format version)'}),
  id: z
    .string({error: 'expected a scenario id'})
    .regex(/^[a-z0-9-]+$/, {error: 'a scenario id may contain only lower-case letters, digits and `-`'}),
  /** Defaults to the id, as a model's name does not need to be given either. */
  name: Text.optional(),
  description: Text.optional(),
  sources: z.array(SourceSchema, {error: 'expected a list of sources'}).optional(),
  /** The model file, relative to the scenario file. */
  base: Text.min(1, {error: 'give the path of the base model'}),
  reforms: z.array(ReformEntrySchema, {error: 'expected a list of reforms, each {type: …, parameters…}'}),
})
export type ScenarioFileInput = z.infer<typeof ScenarioFileSchema>

/** The top-level keys, for did-you-mean hints on an unknown key. */
export const SCENARIO_KEYS = Object.keys(ScenarioFileSchema.shape)
