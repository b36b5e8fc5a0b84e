// The structure graph: a static SVG drawing (for print, and when the interactive view cannot
// start) plus the data the inlined sigma.js script reads to draw the interactive view.
import {t, tOr, type Lang} from '../i18n/index.js'
import {esc, jsonForScript} from './escape.js'
import {num, px} from './format.js'
import type {ReportGraph} from './types.js'

const PAD = 30
const LABEL_LIMIT = 60

export function kindName(lang: Lang, kind: string): string {
  return tOr(lang, `kind.${kind}`, kind)
}

export function edgeName(lang: Lang, type: string): string {
  return tOr(lang, `edge.${type}`, type)
}

/** The JSON the browser script reads: positions, colours and the strings it shows. */
export function graphPayload(g: ReportGraph, lang: Lang) {
  return {
    nodes: g.nodes.map((n) => ({id: n.id, label: n.label, x: n.x, y: n.y, size: n.size, color: n.color,
      info: `${kindName(lang, n.kind)} · ${num(lang, n.staff)} ${t(lang, 'graph.staff')}`})),
    edges: g.edges.map((e) => ({source: e.source, target: e.target, color: e.color, type: e.type})),
  }
}

export function renderGraph(g: ReportGraph, lang: Lang): string {
  const notes = [t(lang, 'graph.shown', {shown: num(lang, g.nodes.length), total: num(lang, g.totalNodes), edges: num(lang, g.edges.length), totalEdges: num(lang, g.totalEdges)})]
  if (g.grouped.length) notes.push(t(lang, 'graph.grouped', {tiers: g.grouped.map((x) => tOr(lang, `tier.${x}`, x)).join(lang === 'zh' ? '、' : ', ')}))
  if (g.topByDegree) notes.push(t(lang, 'graph.top', {n: num(lang, g.topByDegree)}))
  const legend = `<div class="legend"><span class="legend-title">${esc(t(lang, 'graph.legendKinds'))}:</span> ${g.kinds.map((k) => `<span class="key"><i style="background:${esc(k.color)}"></i>${esc(kindName(lang, k.kind))}</span>`).join(' ')}
<br><span class="legend-title">${esc(t(lang, 'graph.legendEdges'))}:</span> ${g.edgeTypes.map((e) => `<span class="key"><i class="line" style="background:${esc(e.color)}"></i>${esc(edgeName(lang, e.type))}</span>`).join(' ')}</div>`
  return `<div id="report-graph" class="graph" data-nodes="${g.nodes.length}" data-edges="${g.edges.length}">
<p class="note screen-only">${esc(t(lang, 'graph.hint'))}</p>
<div id="graph-canvas" class="graph-canvas screen-only" aria-label="${esc(t(lang, 'graph.aria'))}"></div>
<p id="graph-fallback-note" class="note" hidden>${esc(t(lang, 'graph.fallback'))}</p>
${staticGraph(g, lang)}
${legend}
<p class="note">${notes.map(esc).join(' ')}</p>
<script type="application/json" id="report-graph-data">${jsonForScript(graphPayload(g, lang))}</script>
</div>`
}

/** The same positions drawn as SVG: the printed page and the no-WebGL fallback. */
function staticGraph(g: ReportGraph, lang: Lang): string {
  const xs = g.nodes.map((n) => n.x)
  const ys = g.nodes.map((n) => n.y)
  const minX = Math.min(0, ...xs) - PAD
  const minY = Math.min(0, ...ys) - PAD
  const w = Math.max(1, ...xs) - minX + PAD
  const h = Math.max(1, ...ys) - minY + PAD + 14
  const pos = new Map(g.nodes.map((n) => [n.id, n]))
  const edges = g.edges.map((e) => {
    const a = pos.get(e.source)
    const b = pos.get(e.target)
    return a && b ? `<line x1="${px(a.x)}" y1="${px(a.y)}" x2="${px(b.x)}" y2="${px(b.y)}" stroke="${esc(e.color)}"/>` : ''
  })
  const labelled = g.nodes.length <= LABEL_LIMIT
  const nodes = g.nodes.map((n) => `<circle cx="${px(n.x)}" cy="${px(n.y)}" r="${px(n.size)}" fill="${esc(n.color)}"><title>${esc(n.label)} (${esc(kindName(lang, n.kind))})</title></circle>` +
    (labelled ? `<text x="${px(n.x)}" y="${px(n.y + n.size + 11)}" text-anchor="middle">${esc(n.label)}</text>` : ''))
  return `<svg id="graph-static" class="graph-static" viewBox="${px(minX)} ${px(minY)} ${px(w)} ${px(h)}" width="100%" role="img" aria-label="${esc(t(lang, 'graph.aria'))}" xmlns="http://www.w3.org/2000/svg">
<g class="edges" stroke-width="0.7" stroke-opacity="0.55">${edges.join('')}</g>
<g class="nodes">${nodes.join('')}</g></svg>`
}
