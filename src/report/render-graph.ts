// The structure graph: a static SVG drawing (for print, and when the interactive view cannot
// start) plus the data the inlined sigma.js script reads to draw the interactive view. An
// aggregated graph (one node per tier and kind) also gets a table of what each node stands for.
import {t, tOr, type Lang} from '../i18n/index.js'
import {esc, jsonForScript} from './escape.js'
import {num, px} from './format.js'
import {tierName} from './render-funnel.js'
import type {GraphNode, ReportGraph} from './types.js'

const PAD = 40
const LABEL_LIMIT = 60

export function kindName(lang: Lang, kind: string): string {
  return tOr(lang, `kind.${kind}`, kind)
}

export function edgeName(lang: Lang, type: string): string {
  return tOr(lang, `edge.${type}`, type)
}

/** A node's label: the unit's name, or `64 × 社区` for a group. */
export function nodeLabel(lang: Lang, n: Pick<GraphNode, 'label' | 'kind' | 'members'>): string {
  return n.members > 1 ? `${num(lang, n.members)} × ${n.label || kindName(lang, n.kind)}` : n.label
}

/** The JSON the browser script reads: positions, colours and the strings it shows. */
export function graphPayload(g: ReportGraph, lang: Lang) {
  return {
    nodes: g.nodes.map((n) => ({id: n.id, label: nodeLabel(lang, n), x: n.x, y: n.y, size: n.size, color: n.color,
      info: `${kindName(lang, n.kind)} · ${num(lang, n.staff)} ${t(lang, 'graph.staff')}`})),
    edges: g.edges.map((e) => ({source: e.source, target: e.target, color: e.color, type: e.type})),
  }
}

export function renderGraph(g: ReportGraph, lang: Lang): string {
  const notes = [g.aggregated
    ? t(lang, 'graph.aggregated', {total: num(lang, g.totalNodes), shown: num(lang, g.nodes.length)})
    : t(lang, 'graph.shown', {shown: num(lang, g.nodes.length), total: num(lang, g.totalNodes), edges: num(lang, g.edges.length), totalEdges: num(lang, g.totalEdges)})]
  const legend = `<div class="legend"><span class="legend-title">${esc(t(lang, 'graph.legendKinds'))}:</span> ${g.kinds.map((k) => `<span class="key"><i style="background:${esc(k.color)}"></i>${esc(kindName(lang, k.kind))}</span>`).join(' ')}
<br><span class="legend-title">${esc(t(lang, 'graph.legendEdges'))}:</span> ${g.edgeTypes.map((e) => `<span class="key"><i class="line" style="background:${esc(e.color)}"></i>${esc(edgeName(lang, e.type))}</span>`).join(' ')}</div>`
  return `<div id="report-graph" class="graph" data-nodes="${g.nodes.length}" data-edges="${g.edges.length}">
<p class="note">${notes.map(esc).join(' ')}</p>
<p class="note screen-only">${esc(t(lang, 'graph.hint'))}</p>
<div id="graph-canvas" class="graph-canvas screen-only" aria-label="${esc(t(lang, 'graph.aria'))}"></div>
<p id="graph-fallback-note" class="note" hidden>${esc(t(lang, 'graph.fallback'))}</p>
${staticGraph(g, lang)}
${legend}
${g.aggregated ? groupTable(g, lang) : ''}
<script type="application/json" id="report-graph-data">${jsonForScript(graphPayload(g, lang))}</script>
</div>`
}

/** What each node of an aggregated graph stands for, top tier first. */
function groupTable(g: ReportGraph, lang: Lang): string {
  const colour = new Map(g.kinds.map((k) => [k.kind, k.color]))
  const nodes = [...g.nodes].sort((a, b) => a.y - b.y || a.x - b.x)
  const head = ['graph.col.tier', 'graph.col.kind', 'graph.col.units', 'graph.staff'] as const
  const rows = nodes.map((n) => `<tr><th scope="row">${esc(n.tier ? tierName(lang, n.tier) : t(lang, 'tier.none'))}</th>` +
    `<td data-label="${esc(t(lang, head[1]))}"><span><i class="swatch" style="background:${esc(colour.get(n.kind) ?? '#999')}"></i>${esc(n.members > 1 ? kindName(lang, n.kind) : `${n.label} (${kindName(lang, n.kind)})`)}</span></td>` +
    `<td data-label="${esc(t(lang, head[2]))}">${esc(num(lang, n.members))}</td><td data-label="${esc(t(lang, head[3]))}">${esc(num(lang, n.staff))}</td></tr>`)
  return `<table class="numbers graph-groups stack"><thead><tr>${head.map((k) => `<th scope="col">${esc(t(lang, k))}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`
}

/** The same positions drawn as SVG: the printed page and the no-WebGL fallback. */
function staticGraph(g: ReportGraph, lang: Lang): string {
  const xs = g.nodes.map((n) => n.x)
  const ys = g.nodes.map((n) => n.y)
  const minX = Math.min(0, ...xs) - PAD
  const minY = Math.min(0, ...ys) - PAD
  const w = Math.max(1, ...xs) - minX + PAD
  const h = Math.max(1, ...ys) - minY + PAD + (g.aggregated ? 40 : 14)
  const pos = new Map(g.nodes.map((n) => [n.id, n]))
  const heaviest = Math.max(1, ...g.edges.map((e) => e.hoursPerYear))
  // In an aggregated graph a link's width says how many hours a year it carries.
  const width = (hours: number) => (g.aggregated ? px(0.8 + (4 * Math.log1p(hours)) / Math.log1p(heaviest)) : '0.7')
  const edges = g.edges.map((e) => {
    const a = pos.get(e.source)
    const b = pos.get(e.target)
    return a && b ? `<line x1="${px(a.x)}" y1="${px(a.y)}" x2="${px(b.x)}" y2="${px(b.y)}" stroke="${esc(e.color)}" stroke-width="${width(e.hoursPerYear)}"/>` : ''
  })
  const labelled = g.nodes.length <= LABEL_LIMIT
  const scale = g.aggregated ? 2.2 : 1
  const nodes = g.nodes.map((n) => {
    const label = nodeLabel(lang, n)
    return `<circle cx="${px(n.x)}" cy="${px(n.y)}" r="${px(n.size * scale)}" fill="${esc(n.color)}"><title>${esc(label)} (${esc(kindName(lang, n.kind))})</title></circle>` +
      (labelled ? `<text x="${px(n.x)}" y="${px(n.y + n.size * scale + (g.aggregated ? 24 : 13))}" text-anchor="middle">${esc(label)}</text>` : '')
  })
  return `<svg id="graph-static" class="graph-static${g.aggregated ? ' aggregated' : ''}" viewBox="${px(minX)} ${px(minY)} ${px(w)} ${px(h)}" role="img" aria-label="${esc(t(lang, 'graph.aria'))}" xmlns="http://www.w3.org/2000/svg">
<g class="edges" stroke-opacity="0.6">${edges.join('')}</g>
<g class="nodes">${nodes.join('')}</g></svg>`
}
