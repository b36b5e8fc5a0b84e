// The editor schema of a model file (schemas/model.schema.json), generated from the zod schema
// the loader checks with, so the two never drift. Draft-07: the draft VS Code's YAML extension
// (yaml-language-server) completes and validates against. Refinements the JSON Schema cannot
// say (cross-references, clock-dependent checks) stay with `loudou validate`.
import {z} from 'zod'
import {WRITTEN_FORMS} from './duration.js'
import {Duration, PerCapitaRate, Rate} from './schema/common.js'
import {FileSchema, FORMAT_VERSION} from './schema/file.js'
import {UnitSchema} from './schema/units.js'

export type JsonSchema = Record<string, unknown>

/** The string forms of durations and rates as anchored patterns (the loader trims first). */
const PATTERNS = new Map<unknown, {pattern: string; description: string}>([
  [Duration.options[1], {pattern: trimmed(WRITTEN_FORMS.duration), description: 'a duration: 30m, 6h, 5d, 2w, 1mo, 1y (working time)'}],
  [Rate.options[1], {pattern: trimmed(WRITTEN_FORMS.rate), description: 'a rate per issuer: 6/y, 2/mo, 1/2w'}],
  [PerCapitaRate.options[1], {pattern: trimmed(WRITTEN_FORMS.perCapitaRate), description: 'a rate per 1,000 residents: 3/1000/mo'}],
])

function trimmed(re: RegExp): string {
  return `^\\s*${re.source.replace(/^\^/, '').replace(/\$$/, '')}\\s*$`
}

// Names for the definitions that recursion makes (children are units).
const NAMES = z.registry<{id: string}>()
NAMES.add(UnitSchema, {id: 'unit'})

/** z.toJSONSchema with the options every loudou editor schema uses; all inline but recursion. */
export function toEditorSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, {
    target: 'draft-7',
    io: 'input',
    unrepresentable: 'any',
    metadata: NAMES,
    override: (ctx) => {
      const form = PATTERNS.get(ctx.zodSchema)
      if (form) Object.assign(ctx.jsonSchema, form)
    },
  }) as JsonSchema
}

export function modelJsonSchema(): JsonSchema {
  const {$schema, ...body} = toEditorSchema(FileSchema)
  const properties = body.properties as Record<string, JsonSchema>
  // `loudou:` is checked by hand in the loader (to say which version this loudou reads).
  properties.loudou = {const: FORMAT_VERSION, description: 'format version: 1 (an included file may omit it)'}
  return {
    $schema,
    $id: 'https://loudou.dev/schemas/model.schema.json',
    title: 'loudou model',
    description:
      'A loudou model file (docs/model-language.md). Generated from the loader\'s schema; `loudou validate` also checks references, selectors and vocabularies.',
    ...body,
  }
}
