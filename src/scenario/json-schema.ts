// The editor schema of a scenario file (schemas/scenario.schema.json): the scenario's own keys
// and, for `reforms`, one branch per reform of the registry with its parameters.
import {toEditorSchema} from '../model/json-schema.js'
import type {JsonSchema} from '../model/json-schema.js'
import {REFORMS} from '../reforms/index.js'
import {ScenarioFileSchema} from './schema.js'

export function scenarioJsonSchema(): JsonSchema {
  const {$schema, ...body} = toEditorSchema(ScenarioFileSchema)
  const reforms = REFORMS.map((r) => {
    // Inline (no shared definitions): each branch is a self-contained schema.
    const {$schema: _drop, ...params} = toEditorSchema(r.paramsSchema)
    const properties = (params.properties ?? {}) as Record<string, JsonSchema>
    const required = (params.required ?? []) as string[]
    return {
      ...params,
      type: 'object',
      properties: {type: {const: r.type, description: r.zh}, ...properties},
      required: ['type', ...required.filter((k) => k !== 'type')],
    }
  })
  const properties = body.properties as Record<string, JsonSchema>
  properties.reforms = {type: 'array', description: 'reforms applied in order (docs/reforms.md)', items: {oneOf: reforms}}
  return {
    $schema,
    $id: 'https://loudou.dev/schemas/scenario.schema.json',
    title: 'loudou scenario',
    description: 'A loudou scenario file: a base model and the reforms applied to it (docs/reforms.md).',
    ...body,
  }
}
