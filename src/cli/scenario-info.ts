// What a command reports about a scenario input: which reforms were applied to which base
// model, and what each changed. Shared by inspect, simulate and compare.
import type {Lang} from './base.js'
import {t} from '../i18n/index.js'
import {reformName, word} from '../i18n/message.js'
import type {ModelOrScenario} from '../scenario/load.js'

export interface ScenarioInfo {
  id: string
  name: string
  base: string
  changes: Array<{reform: string; lines: string[]}>
}

/** The scenario and its change log in `lang` (English, as JSON outputs give it, by default). */
export function scenarioInfo(input: ModelOrScenario, lang: Lang = 'en'): ScenarioInfo | undefined {
  if (!input.scenario) return undefined
  const {id, name, baseFile} = input.scenario
  return {id, name, base: baseFile, changes: input.changes.map((c) => ({reform: c.reform, lines: lang === 'en' ? [...c.lines] : c.messages.map((m) => word(lang, m))}))}
}

/** The change log as text, one block per reform, for the top of human output. */
export function renderChanges(input: ModelOrScenario, lang: Lang): string {
  const info = scenarioInfo(input, lang)
  if (!info) return ''
  const lines = [t(lang, 'changes.scenario', {name: info.name, base: info.base})]
  for (const c of info.changes) {
    lines.push(`  ${reformName(c.reform, lang)}`)
    for (const l of c.lines) lines.push(`    - ${l}`)
  }
  return lines.join('\n') + '\n\n'
}
