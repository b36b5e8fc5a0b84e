// Files the report inlines, found relative to the installed package: the bundled graph script
// (built by scripts/build-assets.mjs), the plain-language glossary and the metric definitions.
import {existsSync, readFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import type {Lang} from '../i18n/index.js'
import type {Definition} from './types.js'

/** The package root: two levels above this module in both src/report and dist/report. */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

export const GRAPH_SCRIPT = join(PACKAGE_ROOT, 'dist', 'assets', 'report-graph.js')

export function readGraphScript(file = GRAPH_SCRIPT): string | undefined {
  return existsSync(file) ? readFileSync(file, 'utf8') : undefined
}

const FLOW_SECTION: Record<Lang, {file: string; heading: string}> = {
  en: {file: 'simulation.md', heading: 'Observation window and metrics'},
  zh: {file: 'simulation.zh.md', heading: '观测窗口与指标'},
}

/**
 * The technical definitions the docs give, for the report's appendix: docs/metrics.md
 * (docs/metrics.zh.md for Chinese when it exists) for the structural metrics, and the metrics
 * section of docs/simulation.md (docs/simulation.zh.md) for the flow metrics. Undefined when
 * neither is installed.
 */
export function readDefinitions(lang: Lang, root = PACKAGE_ROOT): Definition | undefined {
  const parts: string[] = []
  const sources: string[] = []
  const names = lang === 'zh' ? ['metrics.zh.md', 'metrics.md'] : ['metrics.md']
  const structural = names.find((name) => existsSync(join(root, 'docs', name)))
  if (structural) {
    parts.push(readFileSync(join(root, 'docs', structural), 'utf8'))
    sources.push(`docs/${structural}`)
  }
  for (const {file, heading} of lang === 'zh' ? [FLOW_SECTION.zh, FLOW_SECTION.en] : [FLOW_SECTION.en]) {
    const path = join(root, 'docs', file)
    const flow = existsSync(path) ? markdownSection(readFileSync(path, 'utf8'), heading) : undefined
    if (!flow) continue
    parts.push(`# ${heading}\n\n${flow}`)
    sources.push(`docs/${file} (${heading})`)
    break
  }
  return parts.length ? {markdown: parts.join('\n\n'), source: sources.join(', ')} : undefined
}

/** The plain-language definitions the report shows its readers: docs/glossary(.zh).md. */
export function readGlossary(lang: Lang, root = PACKAGE_ROOT): Definition | undefined {
  for (const name of lang === 'zh' ? ['glossary.zh.md', 'glossary.md'] : ['glossary.md']) {
    const path = join(root, 'docs', name)
    if (existsSync(path)) return {markdown: readFileSync(path, 'utf8').replace(/^# .*\n+/, ''), source: `docs/${name}`}
  }
  return undefined
}

/** The body of the `## heading` section, up to the next heading of the same or a higher level. */
export function markdownSection(markdown: string, heading: string): string | undefined {
  const lines = markdown.replace(/\r\n?/g, '\n').split('\n')
  const start = lines.findIndex((l) => /^##\s/.test(l) && l.replace(/^##\s+/, '').trim() === heading)
  if (start < 0) return undefined
  const end = lines.findIndex((l, i) => i > start && /^#{1,2}\s/.test(l))
  return lines.slice(start + 1, end < 0 ? undefined : end).join('\n').trim()
}
