// Test helpers: models written to temporary folders, and the problems a load reports.
import {mkdirSync, mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {expect} from 'vitest'
import {loadModelWithWarnings} from '../../src/model/load.js'
import type {LoadOptions} from '../../src/model/load.js'
import {ModelError} from '../../src/model/problems.js'
import type {Problem} from '../../src/model/problems.js'

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'model')

/** Writes files (relative path → content) into a fresh temporary folder; returns the folder. */
export function tempFiles(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(join(tmpdir(), 'loudou-model-'))
  for (const [name, content] of Object.entries(files)) {
    const path = join(dir, name)
    mkdirSync(dirname(path), {recursive: true})
    writeFileSync(path, content)
  }
  return dir
}

/** A model header followed by `body`, written as model.yaml; returns its path. */
export function tempModel(body: string, extra: Record<string, string | Uint8Array> = {}): string {
  const dir = tempFiles({'model.yaml': `loudou: 1\nid: test\n${body}`, ...extra})
  return join(dir, 'model.yaml')
}

/** Loads a model that must fail; returns its problems (errors and warnings). */
export async function problemsOf(file: string, options?: LoadOptions): Promise<Problem[]> {
  try {
    await loadModelWithWarnings(file, options)
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError)
    return (error as ModelError).problems
  }
  throw new Error(`expected ${file} to fail`)
}

export function errorsOf(problems: Problem[]): Problem[] {
  return problems.filter((p) => p.severity === 'error')
}

/** A small valid unit tree used by many tests. */
export const TREE = `
powers: [mediate, enforce]
categories: [civil]
units:
  - id: district
    kind: government
    tier: district
    residents: 0
    children:
      - {id: dept-civil, kind: department, domain: civil, powers: [mediate]}
      - id: street
        count: 2
        kind: street
        tier: street
        children:
          - {id: community, count: 3, kind: community, tier: community, residents: 5000, labels: [old]}
`
