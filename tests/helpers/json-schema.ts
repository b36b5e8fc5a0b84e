// JSON Schema validation for the tests, by ajv with ajv-formats (so `format: date-time` and the
// like are checked too): draft 2020-12 for loudou's published output schemas, draft-07 for the
// editor schemas and the OCEL 2.0 schema. Strict, except that `required` may name keys that
// `additionalProperties` types (the published schemas do so). Returns every violation as
// "path: message", so a failing test says where; an empty list means the value conforms.
import {Ajv, type ValidateFunction} from 'ajv'
import {Ajv2020} from 'ajv/dist/2020.js'
import addFormats from 'ajv-formats'

export type Schema = {[key: string]: unknown} | boolean

const draft07 = new Ajv({allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true})
const draft2020 = new Ajv2020({allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true})
for (const ajv of [draft07, draft2020]) addFormats.default(ajv)

const compiled = new WeakMap<object, ValidateFunction>()

function compile(schema: Schema): ValidateFunction {
  if (typeof schema === 'boolean') return draft2020.compile(schema)
  let fn = compiled.get(schema)
  if (!fn) {
    const ajv = String(schema.$schema ?? '').includes('draft-07') ? draft07 : draft2020
    // ajv registers a schema under its $id: a second copy (read again from disk) replaces it.
    if (typeof schema.$id === 'string' && ajv.getSchema(schema.$id)) ajv.removeSchema(schema.$id)
    fn = ajv.compile(schema)
    compiled.set(schema, fn)
  }
  return fn
}

export function validate(schema: Schema, value: unknown): string[] {
  const fn = compile(schema)
  if (fn(value)) return []
  return (fn.errors ?? []).map((e) => `$${e.instancePath.replace(/\//g, '.')}: ${e.message ?? e.keyword}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`)
}
