// The whole report as one self-contained HTML string: inline CSS, inline SVG charts and the
// inlined graph script. Pure: the caller passes the script text in.
import {createHash} from 'node:crypto'
import {t, type Lang, type MessageKey} from '../i18n/index.js'
import {esc, scriptSource} from './escape.js'
import {num, pct} from './format.js'
import {renderBottlenecks, renderDuplicates, renderRequests, renderTimeSplit} from './render-charts.js'
import {renderComparison} from './render-compare.js'
import {markdownToHtml} from './render-defs.js'
import {renderFunnel} from './render-funnel.js'
import {renderGraph} from './render-graph.js'
import {renderOverTime} from './render-series.js'
import {renderSummary} from './render-summary.js'
import {htmlPage} from './page.js'
import {STYLE} from './style.js'
import type {ReportData} from './types.js'

export interface RenderAssets {
  /** The bundled browser script that draws the interactive graph; without it only the static drawing shows. */
  graphScript?: string
}

interface Section {
  id: string
  title: MessageKey
  body: string
  /** Starts a new printed page. */
  page?: boolean
}

export function renderReport(data: ReportData, lang: Lang, assets: RenderAssets = {}): string {
  const sections = buildSections(data, lang)
  const script = assets.graphScript ? scriptSource(assets.graphScript) : ''
  const hash = script ? `'sha256-${createHash('sha256').update(script).digest('base64')}'` : `'none'`
  const title = t(lang, 'report.title', {name: data.model.name})
  const body = `<main>
<header>
${script ? `<button type="button" class="print screen-only" data-action="print">${esc(t(lang, 'report.print'))}</button>` : ''}
<h1>${esc(title)}</h1>
<div class="meta">${esc(data.model.id)} · ${esc(data.model.file)}${data.generated ? ` · ${esc(data.generated)}` : ''}</div>
${data.model.description ? `<p>${esc(data.model.description)}</p>` : ''}
</header>
<nav class="toc"><strong>${esc(t(lang, 'report.toc'))}</strong><ol>${sections.map((s) => `<li><a href="#${s.id}">${esc(t(lang, s.title))}</a></li>`).join('')}</ol></nav>
${sections.map((s) => `<section id="${s.id}"${s.page ? ' class="page"' : ''}>\n<h2>${esc(t(lang, s.title))}</h2>\n${s.body}\n</section>`).join('\n')}
<footer>${esc(t(lang, 'report.footer'))}</footer>
</main>
${script ? `<script>${script}</script>` : ''}
`
  return htmlPage({lang: t(lang, 'lang.code'), title, style: STYLE, scriptSrc: hash, body})
}

function buildSections(data: ReportData, lang: Lang): Section[] {
  const flow = data.flow
  const out: Section[] = [
    {id: 'summary', title: 'section.summary', body: renderSummary(data, lang)},
    {id: 'funnel', title: 'section.funnel', body: renderFunnel(data, lang)},
    {id: 'structure', title: 'section.structure', body: structure(data, lang)},
    {id: 'graph', title: 'section.graph', body: renderGraph(data.graph, lang), page: true},
  ]
  if (flow) {
    out.push(
      {id: 'bottlenecks', title: 'section.bottlenecks', body: renderBottlenecks(flow, lang), page: true},
      {id: 'duplicates', title: 'section.duplicates', body: renderDuplicates(flow, lang)},
      {id: 'time-split', title: 'section.timeSplit', body: renderTimeSplit(splitRows(data, lang), lang)},
      ...(data.overTime?.length ? [{id: 'over-time', title: 'section.overTime' as const, body: renderOverTime(data.overTime, lang, {hoursPerDay: data.hoursPerDay ?? 8, warmup: flow.warmup, replications: flow.replications})}] : []),
      {id: 'requests', title: 'section.requests', body: renderRequests(flow, lang)},
    )
  }
  const comparisons = data.comparisons.length ? data.comparisons.map((c) => renderComparison(c, lang)).join('\n') + `<p class="note">${esc(t(lang, 'compare.legend'))}</p>` : `<p>${esc(t(lang, 'compare.none'))}</p>`
  out.push({id: 'comparison', title: 'section.comparison', body: comparisons, page: true})
  out.push({id: 'definitions', title: 'section.definitions', body: glossary(data, lang), page: true})
  if (data.model.sources.length) out.push({id: 'sources', title: 'section.sources', body: sources(data)})
  if (data.definitions) out.push({id: 'appendix', title: 'section.appendix', body: appendix(data, lang), page: true})
  return out
}

function splitRows(data: ReportData, lang: Lang) {
  const rows = [{label: t(lang, 'split.baseline'), split: data.flow!.timeSplit}]
  for (const c of data.comparisons) if (c.timeSplit) rows.push({label: c.name, split: c.timeSplit})
  return rows
}

function structure(data: ReportData, lang: Lang): string {
  const s = data.structure
  const rows: Array<[MessageKey, string | undefined]> = [
    ['structure.depth', s.depth === undefined ? undefined : num(lang, s.depth)],
    ['structure.principals', s.principals && `${num(lang, s.principals.mean)} / ${num(lang, s.principals.max)}`],
    ['structure.alignment', s.alignment === undefined ? undefined : pct(lang, s.alignment)],
    ['structure.connectedness', s.krackhardt && num(lang, s.krackhardt.connectedness, 2)],
    ['structure.hierarchy', s.krackhardt && num(lang, s.krackhardt.hierarchy, 2)],
    ['structure.efficiency', s.krackhardt && num(lang, s.krackhardt.efficiency, 2)],
    ['structure.lubness', s.krackhardt && num(lang, s.krackhardt.lubness, 2)],
    ['structure.coordination', s.coordination === undefined ? undefined : num(lang, s.coordination, 3)],
    ['structure.concentration', s.concentration === undefined ? undefined : num(lang, s.concentration, 3)],
  ]
  const shown = rows.filter((r): r is [MessageKey, string] => r[1] !== undefined)
  return `<dl class="facts">${shown.map(([k, v]) => `<dt>${esc(t(lang, k))}</dt><dd>${esc(v)}</dd>`).join('')}</dl>`
}

/** The plain-language definitions; without them, the technical ones stand in. */
function glossary(data: ReportData, lang: Lang): string {
  const d = data.glossary
  if (!d) return `<p>${esc(t(lang, 'defs.none'))}</p>`
  return `${langNote(d.markdown, lang)}<div class="definitions">${markdownToHtml(d.markdown)}</div>`
}

/** The technical notes: how each figure is computed, its source files and JSON keys. */
function appendix(data: ReportData, lang: Lang): string {
  const d = data.definitions!
  return `<p class="note">${esc(t(lang, 'appendix.intro'))}</p>${langNote(d.markdown, lang)}<div class="definitions appendix">${markdownToHtml(d.markdown)}</div><p class="note">${esc(t(lang, 'defs.source', {source: d.source}))}</p>`
}

function langNote(markdown: string, lang: Lang): string {
  return lang === 'zh' && !/[\u4e00-\u9fff]/.test(markdown.slice(0, 2000)) ? `<p class="note">${esc(t(lang, 'defs.langNote'))}</p>` : ''
}

function sources(data: ReportData): string {
  return `<ul>${data.model.sources.map((s) => `<li>${esc(s.title)}${s.url && /^https?:\/\//.test(s.url) ? ` — <a href="${esc(s.url)}">${esc(s.url)}</a>` : ''}${s.note ? ` (${esc(s.note)})` : ''}</li>`).join('')}</ul>`
}
