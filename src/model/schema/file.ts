// One model file's top level. The root file must carry `loudou: 1`; included files may omit it.
import {z} from 'zod'
import {Dist, SelectorMap, Text, VocabEntry} from './common.js'
import {ClockSchema, DefaultsSchema, KindSchema, RulesSchema, SourceSchema} from './settings.js'
import {UnitSchema, UnitsSchema} from './units.js'
import {DemandListSchema, DemandSchema, TaskSchema, TasksSchema} from './tasks.js'
import {RelationSchema, RelationsSchema} from './relations.js'

export const FORMAT_VERSION = 1

const Include = z.union([Text, z.array(Text, {error: 'expected a list of relative paths'})], {
  error: 'expected a relative path or a list of them',
})

export const FileSchema = z.strictObject({
  loudou: z.unknown().optional(),
  id: z
    .string({error: 'expected a model id'})
    .regex(/^[a-z0-9-]+$/, {error: 'a model id may contain only lower-case letters, digits and `-`'})
    .optional(),
  name: Text.optional(),
  description: Text.optional(),
  sources: z.array(SourceSchema, {error: 'expected a list of sources'}).optional(),
  include: Include.optional(),
  clock: ClockSchema.optional(),
  defaults: DefaultsSchema.optional(),
  rules: RulesSchema.optional(),
  kinds: z.array(KindSchema, {error: 'expected a list of kinds'}).optional(),
  powers: z.array(VocabEntry, {error: 'expected a list of powers'}).optional(),
  categories: z.array(VocabEntry, {error: 'expected a list of categories'}).optional(),
  units: UnitsSchema.optional(),
  relations: RelationsSchema.optional(),
  tasks: TasksSchema.optional(),
  demand: DemandListSchema.optional(),
})
export type FileInput = z.infer<typeof FileSchema>

/** The sections that are lists: concatenated across included files. */
export const LIST_SECTIONS = ['sources', 'kinds', 'powers', 'categories', 'units', 'relations', 'tasks', 'demand'] as const
/** The sections that are mappings: merged key by key; a key set in two files is an error. */
export const MAP_SECTIONS = ['clock', 'defaults', 'rules'] as const
/** Scalars that at most one file may set. */
export const SCALAR_KEYS = ['id', 'name', 'description'] as const

/** Every key of the language, for did-you-mean hints on unknown keys. */
export const MODEL_KEYS: readonly string[] = [
  ...new Set(
    [FileSchema, ClockSchema, DefaultsSchema, RulesSchema, TaskSchema, DemandSchema, RelationSchema, SelectorMap, UnitSchema, ...Dist.options]
      .flatMap((s) => Object.keys((s as unknown as {shape: object}).shape)),
  ),
]
