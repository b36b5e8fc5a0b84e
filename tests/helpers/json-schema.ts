// A small JSON Schema (draft 2020-12) checker for the subset loudou's published schemas
// use: type (incl. integer, null and lists), enum, const, properties, required,
// additionalProperties, items, minimum, maximum, minItems and local $ref (#/$defs/…).
// Returns every violation with its JSON path, so a failing test says where.

export type Schema = {[key: string]: unknown} | boolean

const SUPPORTED = new Set([
  '$schema', '$id', '$ref', '$defs', 'title', 'description', 'type', 'enum', 'const', 'properties',
  'required', 'additionalProperties', 'items', 'minimum', 'maximum', 'minItems',
])

function typeOf(v: unknown): string {
  if (v === null) return 'null'
  if (Array.isArray(v)) return 'array'
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number'
  return typeof v
}

function matchesType(v: unknown, t: string): boolean {
  const actual = typeOf(v)
  return actual === t || (t === 'number' && actual === 'integer')
}

export function validate(root: Schema, value: unknown): string[] {
  const errors: string[] = []
  const resolve = (ref: string): Schema => {
    if (!ref.startsWith('#/')) throw new Error(`json-schema: only local refs are supported, got ${ref}`)
    let cur: unknown = root
    for (const part of ref.slice(2).split('/')) cur = (cur as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')]
    if (cur === undefined) throw new Error(`json-schema: unresolved ref ${ref}`)
    return cur as Schema
  }
  const check = (s: Schema, v: unknown, path: string): void => {
    if (s === true) return
    if (s === false) {
      errors.push(`${path}: not allowed`)
      return
    }
    for (const k of Object.keys(s)) if (!SUPPORTED.has(k)) throw new Error(`json-schema: keyword ${k} is not supported (at ${path})`)
    if (typeof s.$ref === 'string') check(resolve(s.$ref), v, path)
    if (s.type !== undefined) {
      const types = Array.isArray(s.type) ? (s.type as string[]) : [s.type as string]
      if (!types.some((t) => matchesType(v, t))) {
        errors.push(`${path}: expected ${types.join(' or ')}, got ${typeOf(v)}`)
        return
      }
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => e === v)) errors.push(`${path}: ${JSON.stringify(v)} is not one of ${JSON.stringify(s.enum)}`)
    if ('const' in s && s.const !== v) errors.push(`${path}: expected ${JSON.stringify(s.const)}`)
    if (typeof v === 'number') {
      if (typeof s.minimum === 'number' && v < s.minimum) errors.push(`${path}: ${v} < minimum ${s.minimum}`)
      if (typeof s.maximum === 'number' && v > s.maximum) errors.push(`${path}: ${v} > maximum ${s.maximum}`)
    }
    if (Array.isArray(v)) {
      if (typeof s.minItems === 'number' && v.length < s.minItems) errors.push(`${path}: fewer than ${s.minItems} items`)
      if (s.items !== undefined) v.forEach((x, i) => check(s.items as Schema, x, `${path}[${i}]`))
    }
    if (typeOf(v) === 'object') {
      const obj = v as Record<string, unknown>
      const props = (s.properties ?? {}) as Record<string, Schema>
      for (const r of (s.required ?? []) as string[]) if (!(r in obj)) errors.push(`${path}: missing required property ${r}`)
      for (const [k, x] of Object.entries(obj)) {
        if (k in props) check(props[k], x, `${path}.${k}`)
        else if (s.additionalProperties !== undefined) check(s.additionalProperties as Schema, x, `${path}.${k}`)
      }
    }
  }
  check(root, value, '$')
  return errors
}
