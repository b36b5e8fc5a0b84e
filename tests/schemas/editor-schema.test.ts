// The editor schemas (schemas/model.schema.json, schemas/scenario.schema.json) are generated
// from the loader's zod schemas at build time: they accept every shipped model and scenario,
// reject what the loader rejects on its own, and the committed files are the generated ones.
import {readdirSync, readFileSync} from 'node:fs'
import {join} from 'node:path'
import {Ajv} from 'ajv'
import {parse} from 'yaml'
import {describe, expect, it} from 'vitest'
import {modelJsonSchema} from '../../src/model/json-schema.js'
import {scenarioJsonSchema} from '../../src/scenario/json-schema.js'
import {starterModel, starterScenario} from '../../src/init/template.js'

const ROOT = join(import.meta.dirname, '..', '..')
const committed = (name: string) => JSON.parse(readFileSync(join(ROOT, 'schemas', `${name}.schema.json`), 'utf8'))
const ajv = new Ajv({allErrors: true, strict: true})
const validModel = ajv.compile(committed('model'))
const validScenario = ajv.compile(committed('scenario'))

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true, recursive: true})
    .filter((e) => e.isFile() && e.name.endsWith('.yaml'))
    .map((e) => join(e.parentPath, e.name))
    .sort()
}

const errors = (check: typeof validModel, data: unknown): string[] =>
  check(data) ? [] : (check.errors ?? []).map((e) => `${e.instancePath} ${e.message}`)

describe('editor schemas', () => {
  it('are the files the build writes from the zod schemas (run `npm run build` after changing the language)', () => {
    expect(committed('model')).toEqual(JSON.parse(JSON.stringify(modelJsonSchema())))
    expect(committed('scenario')).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())))
  })

  it('accept every shipped model and included file, and the starter model', () => {
    const files = yamlFiles(join(ROOT, 'models'))
    expect(files.length).toBeGreaterThanOrEqual(9)
    for (const f of files) expect([f, errors(validModel, parse(readFileSync(f, 'utf8')))]).toEqual([f, []])
    expect(errors(validModel, parse(starterModel('x')))).toEqual([])
  })

  it('accept every shipped scenario, and the starter scenario', () => {
    const files = yamlFiles(join(ROOT, 'scenarios'))
    expect(files.length).toBeGreaterThanOrEqual(40)
    for (const f of files) expect([f, errors(validScenario, parse(readFileSync(f, 'utf8')))]).toEqual([f, []])
    expect(errors(validScenario, parse(starterScenario('x')))).toEqual([])
  })

  const model = (extra: string) => parse(`loudou: 1\nid: m\n${extra}`)
  it.each([
    ['a misspelt top-level key', 'unit: []', 'must NOT have additional properties'],
    ['another format version', 'loudou: 2', 'must be equal to constant'],
    ['a misspelt unit key', 'units: [{id: a, kind: street, staf: 3}]', 'must NOT have additional properties'],
    ['an unknown tier', 'units: [{id: a, kind: street, tier: town}]', 'must be equal to one of the allowed values'],
    ['a unit id with a slash', 'units: [{id: a/b, kind: street}]', 'must match pattern'],
    ['negative staff', 'units: [{id: a, kind: street, staff: -1}]', 'must be >= 0'],
    ['a duration in words', 'tasks: [{id: t, issuer: a, target: community, every: 1mo, effort: 6 hours}]', 'must match pattern'],
    ['a rate in words', 'tasks: [{id: t, issuer: a, target: community, rate: twice a month, effort: 6h}]', 'must match pattern'],
    ['a task without effort', 'tasks: [{id: t, issuer: a, target: community, every: 1mo}]', "must have required property 'effort'"],
    ['veto as text', 'tasks: [{id: t, issuer: a, target: community, every: 1mo, effort: 1h, veto: "yes"}]', 'must be boolean'],
    ['an unknown distribution', 'demand: [{id: d, at: community, rate: 1/1000/mo, effort: {dist: normal, mean: 1h}}]', 'must match'],
    ['a per-capita rate without residents', 'demand: [{id: d, at: community, rate: 3/mo, effort: 1h}]', 'must match pattern'],
    ['an empty replica list', 'units: [{id: a, kind: street, count: 2, residents: []}]', 'must NOT have fewer than 1 items'],
  ])('reject %s', (_what, body, message) => {
    const data = body.startsWith('loudou:') ? parse(`${body}\nid: m\n`) : model(body)
    expect(errors(validModel, data).join('\n')).toContain(message)
  })

  const scenario = (reforms: string, extra = 'base: model.yaml\n') => parse(`loudou: 1\nid: s\nname: S\n${extra}reforms: ${reforms}\n`)
  it.each([
    ['an unknown reform', scenario('[{type: abolish-everything}]'), 'must be equal to constant'],
    ['a misspelt reform parameter', scenario('[{type: flatten, teir: street}]'), 'must NOT have additional properties'],
    ['a parameter out of range', scenario('[{type: access-catalogue, tier: community, allow: {categories: [a]}, leakage: 2}]'), 'must be <= 1'],
    ['a scenario without a base', scenario('[]', ''), "must have required property 'base'"],
  ])('reject a scenario with %s', (_what, data, message) => {
    expect(errors(validScenario, data).join('\n')).toContain(message)
  })
})
