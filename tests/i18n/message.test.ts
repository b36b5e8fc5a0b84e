import {describe, expect, it} from 'vitest'
import {msg, word} from '../../src/i18n/message.js'
import {problemTextZh} from '../../src/i18n/problems-zh.js'
import {formatProblem} from '../../src/model/problems.js'

describe('word', () => {
  it('fills numbers grouped, with the English plural, and nested messages in the same language', () => {
    const m = msg('change.flatten.removed', {tier: msg('tierWord.street'), units: 1, staff: '11'})
    expect(word('en', m)).toBe('street tier removed: 1 unit (11 staff)')
    expect(word('zh', m)).toBe('撤销街道层级：1 个单位（11 人）')
    expect(word('en', msg('change.flatten.relay', {n: 12345}))).toBe('relay step gone for 12,345 tasks')
  })

  it('gives the plural word alone with {n#one|many}, and joins lists per language', () => {
    expect(word('en', msg('change.flatten.reparented', {n: 2, tier: msg('tierWord.community'), parent: msg('change.parent')}))).toBe('2 community units re-parented to the parent above')
    const tiers = [msg('tierWord.street'), msg('tierWord.community')]
    expect(word('en', msg('change.whistle.from', {tiers, time: '2h'}))).toMatch(/^street, community may summon/)
    expect(word('zh', msg('change.whistle.from', {tiers, time: '2h'}))).toMatch(/^街道、社区可召集/)
  })
})

describe('problems in Chinese', () => {
  it('rewords a known message and hint with their values kept', () => {
    expect(problemTextZh('unknown power `fly`')).toBe('未知的职权 `fly`')
    expect(problemTextZh('did you mean `district/street-1` (replicas of `count` are numbered)?')).toBe('是否指 `district/street-1`（`count` 的副本带编号）？')
    expect(problemTextZh('merge: no unit with id x/y')).toBe('merge：没有 id 为 x/y 的单位')
  })

  it('leaves text no rule knows as written', () => {
    expect(problemTextZh('something new: 42')).toBe('something new: 42')
  })

  it('frames a located problem in Chinese, full-width colons included', () => {
    const p = {file: 'm.yaml', line: 3, column: 5, path: 'units[0].kind', message: 'unknown kind `x`', hint: 'declare it under `kinds:`', severity: 'warning' as const}
    expect(formatProblem(p, 'zh')).toBe('m.yaml:3:5 units[0].kind: 警告：未知的类型 `x`\n    提示：在 `kinds:` 下声明它')
    expect(formatProblem(p, 'en')).toBe('m.yaml:3:5 units[0].kind: warning: unknown kind `x`\n    hint: declare it under `kinds:`')
  })
})
