// docs/import.md gives the whole mapping: every header and every word the importer reads.
import {readFileSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {TABLES} from '../../src/import/columns.js'
import {KIND_WORDS, TASK_KIND_WORDS, TIER_WORDS} from '../../src/import/values.js'

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'import.md'), 'utf8')

describe('docs/import.md', () => {
  it('lists every sheet name and header of every table', () => {
    for (const t of TABLES) {
      expect(doc).toContain(t.sheets.map((s) => `\`${s}\``).join(', '))
      for (const c of t.columns) expect(doc).toContain(`| ${c.zh.join(' / ')} | ${c.en.join(' / ')} | ${c.required ? 'yes' : ''} |`)
    }
  })

  it('lists every word read for kinds, tiers and kinds of task', () => {
    for (const words of [KIND_WORDS, TIER_WORDS, TASK_KIND_WORDS]) {
      for (const [id, list] of Object.entries(words)) expect(doc).toContain(`\`${id}\` ${list.join(' ')}`)
    }
  })
})
