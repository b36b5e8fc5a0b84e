// Validation of OCEL 2.0 JSON logs for the tests: the published JSON Schema (ajv, with its
// `format: date-time` checks), plus the referential checks a schema cannot express.
//
// One relaxation: the published schema types every attribute value as a string; loudou writes
// numbers as JSON numbers (PM4Py reads values as they are written, so "12.5" would stay text).
// The check below allows a number or boolean where the schema says string for an attribute
// `value`, and nothing else.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {validate} from '../helpers/json-schema.js'
import type {Schema} from '../helpers/json-schema.js'

export const OCEL_SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/ocel/ocel2.schema.json'), 'utf8')) as Record<string, unknown>

/** The schema with attribute values typed string, number or boolean. */
function typedValues(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(typedValues)
  if (!s || typeof s !== 'object') return s
  return Object.fromEntries(
    Object.entries(s).map(([k, v]) => {
      if (k === 'properties' && v && typeof v === 'object' && 'value' in v) {
        return [k, {...(typedValues(v) as object), value: {type: ['string', 'number', 'boolean']}}]
      }
      return [k, typedValues(v)]
    }),
  )
}

const SCHEMA = typedValues(OCEL_SCHEMA) as Schema

export function validateOcel(doc: unknown): string[] {
  return validate(SCHEMA, doc)
}

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

export function isDateTime(v: string): boolean {
  return RFC3339.test(v) && !Number.isNaN(Date.parse(v))
}

interface Rel {objectId: string; qualifier: string}
export interface OcelDoc {
  objectTypes: Array<{name: string; attributes: Array<{name: string; type: string}>}>
  eventTypes: Array<{name: string; attributes: Array<{name: string; type: string}>}>
  objects: Array<{id: string; type: string; attributes?: Array<{name: string; value: string | number; time: string}>; relationships?: Rel[]}>
  events: Array<{id: string; type: string; time: string; attributes?: Array<{name: string; value: string | number}>; relationships?: Rel[]}>
}

/** What the OCEL 2.0 specification requires beyond the schema: unique ids, declared types, resolvable relationships. */
export function checkReferences(doc: OcelDoc): string[] {
  const errors: string[] = []
  const objectTypes = new Set(doc.objectTypes.map((t) => t.name))
  const eventTypes = new Set(doc.eventTypes.map((t) => t.name))
  const ids = new Set<string>()
  for (const o of doc.objects) {
    if (ids.has(o.id)) errors.push(`object ${o.id}: duplicate id`)
    ids.add(o.id)
    if (!objectTypes.has(o.type)) errors.push(`object ${o.id}: undeclared type ${o.type}`)
  }
  for (const o of doc.objects) for (const r of o.relationships ?? []) if (!ids.has(r.objectId)) errors.push(`object ${o.id}: relationship to missing ${r.objectId}`)
  const eventIds = new Set<string>()
  for (const e of doc.events) {
    if (eventIds.has(e.id)) errors.push(`event ${e.id}: duplicate id`)
    eventIds.add(e.id)
    if (!eventTypes.has(e.type)) errors.push(`event ${e.id}: undeclared type ${e.type}`)
    for (const r of e.relationships ?? []) if (!ids.has(r.objectId)) errors.push(`event ${e.id}: relationship to missing ${r.objectId}`)
  }
  return errors
}
