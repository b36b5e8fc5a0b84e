// The report's stylesheet: one column for the screen, A4 pages for print, where the static
// graph drawing replaces the interactive canvas so nothing is lost on paper.
export const STYLE = `
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee4; --accent: #1f5f99; --bar: #4a7fb5;
  --better: #1e8449; --worse: #c0392b; --service: #2e86c1; --admin: #e67e22; --inspection: #c0392b; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f5f7f9; line-height: 1.5;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
header h1 { margin: 0 0 4px; font-size: 26px; }
header .meta, .note, .small { color: var(--muted); font-size: 13px; }
h2 { margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); font-size: 20px; }
h3 { margin: 22px 0 8px; font-size: 17px; }
nav.toc ol { columns: 2; margin: 6px 0; padding-left: 22px; }
nav.toc a, a { color: var(--accent); }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; padding: 0; list-style: none; }
.cards li { flex: 1 1 140px; border: 1px solid var(--line); border-radius: 6px; padding: 8px 12px; }
.cards b { display: block; font-size: 22px; }
.cards span { color: var(--muted); font-size: 13px; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 13.5px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: middle; }
thead th { border-bottom: 2px solid #aab4bf; font-weight: 600; }
caption { text-align: left; color: var(--muted); font-size: 13px; }
table.numbers td { font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: max-content auto; gap: 2px 18px; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
svg text { font-size: 13px; fill: var(--ink); }
svg .small { font-size: 11px; fill: var(--muted); }
svg .band-title { font-weight: 600; font-size: 14px; }
svg .band-load { font-weight: 700; font-size: 14px; }
svg .bar { fill: var(--bar); }
svg .whisker, svg .ci { stroke: var(--ink); stroke-width: 1.2; }
svg .zero { stroke: #9aa5b1; stroke-dasharray: 2 2; }
svg .on-bar { fill: #fff; font-size: 12px; font-weight: 600; }
.part-service { fill: var(--service); } .part-admin { fill: var(--admin); } .part-inspection { fill: var(--inspection); }
.graph-canvas { width: 100%; height: 560px; border: 1px solid var(--line); border-radius: 6px; background: #fcfdfe; }
.graph:not(.live) .graph-canvas, .graph.live .graph-static { display: none; }
.graph-static { border: 1px solid var(--line); border-radius: 6px; max-height: 640px; }
.graph-static text { font-size: 10px; fill: var(--muted); }
.legend { font-size: 13px; margin: 8px 0; }
.legend .key { display: inline-block; margin-right: 12px; white-space: nowrap; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
.legend i.line { height: 3px; width: 18px; border-radius: 0; vertical-align: 3px; }
.legend-title { color: var(--muted); }
.compare-table .mark { white-space: nowrap; }
.ci-text { color: var(--muted); font-size: 12px; font-weight: normal; }
.compare-table th[scope=row] { min-width: 150px; }
.verdict-better .mark { color: var(--better); } .verdict-worse .mark { color: var(--worse); }
.verdict-ns .mark, .verdict-same .mark { color: var(--muted); }
.verdict-better .ci-whisker circle { fill: var(--better); } .verdict-worse .ci-whisker circle { fill: var(--worse); }
.ci-whisker circle { fill: var(--ink); }
details.changes { margin: 6px 0; font-size: 14px; }
.definitions table { font-size: 13px; } .definitions code { font-size: 12.5px; background: #f0f3f6; padding: 0 3px; }
pre { background: #f0f3f6; padding: 8px; overflow: auto; }
button.print { float: right; margin-top: 4px; padding: 4px 14px; font: inherit; cursor: pointer; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .screen-only, button.print, nav.toc { display: none !important; }
  .graph .graph-static { display: block !important; max-height: none; border: none; }
  #graph-fallback-note { display: none !important; }
  section.page { break-before: page; }
  h2, h3 { break-after: avoid; }
  svg, table, .cards, dl.facts, .legend { break-inside: avoid; }
  tr { break-inside: avoid; }
  a { color: inherit; text-decoration: none; }
  details > summary { list-style: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
