// What a command reports about a scenario input: which reforms were applied to which base
// model, and what each changed. Shared by inspect and simulate.
import type {Lang} from './base.js'
import type {ModelOrScenario} from '../scenario/load.js'

export interface ScenarioInfo {
  id: string
  name: string
  base: string
  changes: Array<{reform: string; lines: string[]}>
}

export function scenarioInfo(input: ModelOrScenario): ScenarioInfo | undefined {
  if (!input.scenario) return undefined
  const {id, name, base} = input.scenario
  return {id, name, base, changes: input.changes.map((c) => ({reform: c.reform, lines: [...c.lines]}))}
}

/** The change log as text, one block per reform, for the top of human output. */
export function renderChanges(info: ScenarioInfo, lang: Lang): string {
  const head = lang === 'zh' ? `情景 ${info.name}（基于 ${info.base}）` : `Scenario ${info.name} (based on ${info.base})`
  const lines = [head]
  for (const c of info.changes) {
    lines.push(`  ${c.reform}`)
    for (const l of c.lines) lines.push(`    - ${l}`)
  }
  return lines.join('\n') + '\n\n'
}
