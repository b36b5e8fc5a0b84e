// Validation of OCEL 2.0 JSON logs for the tests: the published JSON Schema through the shared
// checker (tests/helpers/json-schema.ts), extended here with the one keyword it lacks and the
// OCEL schema uses, `format: date-time` (RFC 3339), plus the referential checks a schema
// cannot express.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {validate} from '../helpers/json-schema.js'
import type {Schema} from '../helpers/json-schema.js'

export const OCEL_SCHEMA = JSON.parse(readFileSync(join(import.meta.dirname, '../fixtures/ocel/ocel2.schema.json'), 'utf8')) as Record<string, unknown>

const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/

export function isDateTime(v: string): boolean {
  return RFC3339.test(v) && !Number.isNaN(Date.parse(v))
}

/** The schema without `format`, which `formats` checks instead. */
function strip(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(strip)
  if (s && typeof s === 'object') return Object.fromEntries(Object.entries(s).filter(([k]) => k !== 'format').map(([k, v]) => [k, k === 'properties' ? Object.fromEntries(Object.entries(v as object).map(([p, x]) => [p, strip(x)])) : strip(v)]))
  return s
}

/** Every value the schema marks `format: date-time`, checked along the same properties/items walk. */
function formats(s: Record<string, any>, v: unknown, path: string, out: string[]): void {
  if (s.format === 'date-time' && typeof v === 'string' && !isDateTime(v)) out.push(`${path}: not an RFC 3339 date-time: ${v}`)
  if (Array.isArray(v) && s.items) v.forEach((x, i) => formats(s.items, x, `${path}[${i}]`, out))
  if (v && typeof v === 'object' && !Array.isArray(v) && s.properties) {
    for (const [k, x] of Object.entries(v)) if (s.properties[k]) formats(s.properties[k], x, `${path}.${k}`, out)
  }
}

export function validateOcel(doc: unknown): string[] {
  const errors = validate(strip(OCEL_SCHEMA) as Schema, doc)
  formats(OCEL_SCHEMA, doc, '$', errors)
  return errors
}

interface Rel {objectId: string; qualifier: string}
export interface OcelDoc {
  objectTypes: Array<{name: string; attributes: Array<{name: string; type: string}>}>
  eventTypes: Array<{name: string; attributes: Array<{name: string; type: string}>}>
  objects: Array<{id: string; type: string; attributes?: Array<{name: string; value: string; time: string}>; relationships?: Rel[]}>
  events: Array<{id: string; type: string; time: string; attributes?: Array<{name: string; value: string}>; relationships?: Rel[]}>
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
