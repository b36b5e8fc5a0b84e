// Browser entry bundled by scripts/build-assets.mjs into dist/assets/report-graph.js and
// inlined into the report. It reads the graph JSON embedded in the page (positions are laid
// out in Node, deterministically) and draws it with sigma.js; if WebGL is unavailable the
// static SVG drawing stays visible instead.
import Graph from 'graphology'
import Sigma from 'sigma'

function start() {
  const printButton = document.querySelector('[data-action="print"]')
  if (printButton) printButton.addEventListener('click', () => window.print())

  const host = document.getElementById('report-graph')
  const container = document.getElementById('graph-canvas')
  const source = document.getElementById('report-graph-data')
  if (!host || !container || !source) return
  const data = JSON.parse(source.textContent || '{"nodes":[],"edges":[]}')

  const graph = new Graph({type: 'directed', multi: true})
  for (const n of data.nodes) {
    // Sigma's y axis points up; the layout's points down (top tier first).
    graph.addNode(n.id, {label: n.label, x: n.x, y: -n.y, size: n.size, color: n.color, info: n.info})
  }
  for (const e of data.edges) {
    if (graph.hasNode(e.source) && graph.hasNode(e.target)) {
      graph.addDirectedEdge(e.source, e.target, {color: e.color, size: e.type === 'administers' ? 1.5 : 1, kind: e.type})
    }
  }

  window.loudouGraph = {nodes: graph.order, edges: graph.size, ready: false, renderer: 'none'}
  host.classList.add('live')
  let renderer
  try {
    renderer = new Sigma(graph, container, {
      defaultEdgeType: 'arrow',
      labelRenderedSizeThreshold: graph.order > 80 ? 9 : 4,
      labelDensity: 0.5,
      // Room at the edges so the labels right of the outer nodes are not cut off.
      stagePadding: 60,
      labelSize: 12,
      zIndex: true,
    })
  } catch (error) {
    host.classList.remove('live')
    const note = document.getElementById('graph-fallback-note')
    if (note) note.hidden = false
    window.loudouGraph.error = String(error && error.message ? error.message : error)
    window.loudouGraph.renderer = 'svg'
    window.loudouGraph.ready = true
    host.dataset.renderer = 'svg'
    return
  }

  // Hovering a node highlights it, its neighbours and its links; the rest fades.
  let hovered = null
  let neighbours = new Set()
  renderer.on('enterNode', ({node}) => {
    hovered = node
    neighbours = new Set(graph.neighbors(node))
    renderer.refresh({skipIndexation: true})
  })
  renderer.on('leaveNode', () => {
    hovered = null
    neighbours = new Set()
    renderer.refresh({skipIndexation: true})
  })
  renderer.setSetting('nodeReducer', (node, attrs) => {
    if (!hovered) return attrs
    if (node === hovered) return {...attrs, highlighted: true, label: `${attrs.label} — ${attrs.info}`}
    if (neighbours.has(node)) return {...attrs, forceLabel: true}
    return {...attrs, color: '#e3e7eb', label: ''}
  })
  renderer.setSetting('edgeReducer', (edge, attrs) => {
    if (!hovered) return attrs
    return graph.hasExtremity(edge, hovered) ? {...attrs, size: attrs.size + 1} : {...attrs, hidden: true}
  })

  window.loudouGraph.renderer = 'sigma'
  window.loudouGraph.ready = true
  host.dataset.renderer = 'sigma'
  // Redraw for print: the canvas is hidden there and the static drawing shown.
  window.loudouGraph.sigma = renderer
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start)
else start()
