// The report's stylesheet: one column that reads from a phone (390 px) to a wide screen, and
// A4 pages for print, where the static graph drawing replaces the interactive canvas so
// nothing is lost on paper. Charts are HTML bars, so their labels wrap instead of shrinking.
export const STYLE = `
:root { --ink: #1f2933; --muted: #5f6b7a; --line: #d9dee4; --accent: #1f5f99; --bar: #4a7fb5;
  --better: #1e8449; --worse: #c0392b; --service: #2e86c1; --admin: #e67e22; --inspection: #c0392b; }
* { box-sizing: border-box; }
body { margin: 0; color: var(--ink); background: #f5f7f9; line-height: 1.5; overflow-wrap: break-word;
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", "Source Han Sans SC", sans-serif; }
main { max-width: 1040px; margin: 0 auto; padding: 24px 32px 48px; background: #fff; }
header h1 { margin: 0 0 4px; font-size: 26px; line-height: 1.25; }
header .meta, .note, .small { color: var(--muted); font-size: 13px; }
h2 { margin: 36px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--accent); font-size: 20px; }
h3 { margin: 22px 0 8px; font-size: 17px; }
nav.toc ol { columns: 2; margin: 6px 0; padding-left: 22px; }
nav.toc a, a { color: var(--accent); }
.headline { margin: 8px 0 14px; padding: 0; list-style: none; }
.headline li { margin: 0 0 10px; padding: 8px 12px; border-left: 4px solid var(--accent); background: #f3f6f9; font-size: 16px; }
.headline li.alert { border-left-color: var(--worse); }
.headline li.reform { border-left-color: var(--better); }
.headline b { font-variant-numeric: tabular-nums; }
.cards { display: flex; flex-wrap: wrap; gap: 10px; margin: 10px 0; padding: 0; list-style: none; }
.cards li { flex: 1 1 130px; border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px; }
.cards b { display: block; font-size: 20px; }
.cards span { color: var(--muted); font-size: 13px; }
.table-wrap { overflow-x: auto; margin: 10px 0; }
table { border-collapse: collapse; width: 100%; margin: 10px 0; font-size: 13.5px; }
.table-wrap table { margin: 0; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: left; vertical-align: middle; }
thead th { border-bottom: 2px solid #aab4bf; font-weight: 600; }
caption { text-align: left; color: var(--muted); font-size: 13px; }
table.numbers td { font-variant-numeric: tabular-nums; white-space: nowrap; }
dl.facts { display: grid; grid-template-columns: minmax(0, max-content) auto; gap: 2px 18px; }
dl.facts dt { color: var(--muted); } dl.facts dd { margin: 0; font-variant-numeric: tabular-nums; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
/* The funnel: one row per tier, a trapezoid band and its numbers beside it. */
.funnel { margin: 10px 0; }
.funnel-row { display: flex; align-items: stretch; min-height: 78px; }
.funnel-shape { flex: 0 0 40%; max-width: 340px; position: relative; }
.funnel-shape svg { display: block; width: 100%; height: 100%; }
.funnel-shape .band-load { position: absolute; inset: 0; display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 15px; }
.funnel-text { flex: 1 1 0; min-width: 0; padding: 6px 0 6px 16px; font-size: 13.5px; }
.funnel-text .band-title { font-weight: 600; font-size: 14.5px; }
.load-legend { display: flex; flex-wrap: wrap; gap: 0; margin: 8px 0 0; font-size: 11px; color: var(--muted); }
.load-legend span { flex: 0 1 56px; min-width: 0; border-top: 10px solid; padding-top: 2px; }
/* Bar charts: label, bar with its 95% CI whisker, value. */
.bars { margin: 10px 0; }
.bar-row { display: grid; grid-template-columns: minmax(0, 34%) minmax(0, 1fr) max-content; gap: 4px 10px; align-items: center; padding: 3px 0; }
.bar-label { text-align: right; font-size: 13.5px; line-height: 1.3; }
.bar-track { position: relative; height: 14px; }
.bar-fill { position: absolute; left: 0; top: 1px; bottom: 1px; background: var(--bar); }
.bar-ci { position: absolute; top: 6px; height: 2px; background: var(--ink); }
.bar-ci::before, .bar-ci::after { content: ""; position: absolute; top: -4px; width: 1.5px; height: 10px; background: var(--ink); }
.bar-ci::before { left: 0; } .bar-ci::after { right: 0; }
.bar-value { font-size: 12.5px; color: var(--muted); font-variant-numeric: tabular-nums; white-space: nowrap; }
/* 100% stacked bars of the community time split. */
.split-row { display: grid; grid-template-columns: minmax(0, 26%) minmax(0, 1fr); gap: 4px 10px; align-items: center; margin: 6px 0; }
.split-label { text-align: right; font-size: 13.5px; line-height: 1.3; }
.split-track { display: flex; height: 24px; }
.split-track > span { color: #fff; font-size: 12px; font-weight: 600; display: flex; align-items: center; justify-content: center; overflow: hidden; }
.part-service { background: var(--service); } .part-admin { background: var(--admin); } .part-inspection { background: var(--inspection); }
.legend { font-size: 13px; margin: 8px 0; }
.legend .key { display: inline-block; max-width: 100%; margin-right: 12px; }
.legend i { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-right: 5px; vertical-align: -1px; }
.legend i.line { height: 3px; width: 18px; border-radius: 0; vertical-align: 3px; }
.legend i.box { border-radius: 0; }
.legend-title { color: var(--muted); }
/* Line charts over time. */
.over-time { display: flex; flex-wrap: wrap; gap: 8px 24px; }
.series-chart { flex: 1 1 300px; min-width: 0; margin: 6px 0; }
.series-chart figcaption { font-size: 14px; font-weight: 600; margin-bottom: 2px; }
svg.series { display: block; width: 100%; height: auto; max-width: 720px; }
svg.series text { font-size: 15px; fill: var(--muted); }
svg.series .axis { stroke: #9aa5b1; stroke-width: 1; }
svg.series .grid { stroke: #e6eaee; stroke-width: 1; }
svg.series .band { fill: var(--bar); fill-opacity: 0.2; }
svg.series .mean { fill: none; stroke: var(--bar); stroke-width: 2.5; }
svg.series .warmup { fill: #f0f3f6; }
svg text { fill: var(--ink); }
.graph-canvas { width: 100%; height: 560px; border: 1px solid var(--line); border-radius: 6px; background: #fcfdfe; }
.graph:not(.live) .graph-canvas, .graph.live .graph-static { display: none; }
.graph-static { display: block; width: 100%; height: auto; border: 1px solid var(--line); border-radius: 6px; max-height: 640px; }
.graph-static text { font-size: 12px; fill: var(--ink); paint-order: stroke; stroke: #fff; stroke-width: 3px; }
.graph-static.aggregated text { font-size: 22px; stroke-width: 5px; }
.compare-table .mark { white-space: nowrap; }
.ci-text { color: var(--muted); font-size: 12px; font-weight: normal; }
.nobr { white-space: nowrap; }
.compare-table th[scope=row] { min-width: 150px; }
.verdict-better .mark { color: var(--better); } .verdict-worse .mark { color: var(--worse); }
.verdict-ns .mark, .verdict-same .mark { color: var(--muted); }
.verdict-better .ci-whisker circle { fill: var(--better); } .verdict-worse .ci-whisker circle { fill: var(--worse); }
.ci-whisker circle { fill: var(--ink); }
svg.ci-whisker .zero { stroke: #9aa5b1; stroke-dasharray: 2 2; } svg.ci-whisker .ci { stroke: var(--ink); stroke-width: 1.2; }
details.changes { margin: 6px 0; font-size: 14px; }
.definitions table { font-size: 13px; } .definitions code { font-size: 12.5px; background: #f0f3f6; padding: 0 3px; overflow-wrap: anywhere; }
.appendix { font-size: 14px; }
pre { background: #f0f3f6; padding: 8px; overflow: auto; }
button.print { float: right; margin-top: 4px; padding: 4px 14px; font: inherit; cursor: pointer; }
footer { margin-top: 40px; color: var(--muted); font-size: 12px; border-top: 1px solid var(--line); padding-top: 8px; }
/* Phones: narrower margins, tables as stacked cards, labels above their bars. */
@media (max-width: 640px) {
  main { padding: 14px 14px 32px; }
  header h1 { font-size: 22px; }
  nav.toc ol { columns: 1; }
  button.print { display: none; }
  .headline li { font-size: 15px; }
  .funnel-shape { flex-basis: 34%; }
  .funnel-text { padding-left: 10px; font-size: 12.5px; }
  .bar-row { grid-template-columns: minmax(0, 1fr) max-content; }
  .bar-label { grid-column: 1 / -1; text-align: left; }
  .split-row { grid-template-columns: minmax(0, 1fr); }
  .split-label { text-align: left; }
  dl.facts { grid-template-columns: minmax(0, 1fr); } dl.facts dd { margin-bottom: 6px; font-weight: 600; }
  table.stack thead { display: none; }
  table.stack tr { display: block; border: 1px solid var(--line); border-radius: 6px; margin: 0 0 10px; padding: 4px 8px; }
  table.stack th, table.stack td { display: flex; justify-content: space-between; gap: 12px; border: none; padding: 2px 0; white-space: normal; text-align: right; }
  table.stack th[scope=row] { display: block; text-align: left; font-size: 14.5px; border-bottom: 1px solid var(--line); margin-bottom: 2px; }
  table.stack td[data-label]::before { content: attr(data-label); color: var(--muted); text-align: left; font-variant-numeric: normal; }
  table.stack td.whisker-cell { justify-content: center; }
  .compare-table th[scope=row] { min-width: 0; }
  .graph-canvas { height: 420px; }
}
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { background: #fff; font-size: 10.5pt; }
  main { max-width: none; padding: 0; }
  .screen-only, button.print, nav.toc { display: none !important; }
  .graph .graph-static { display: block !important; max-height: none; border: none; }
  #graph-fallback-note { display: none !important; }
  section.page { break-before: page; }
  #summary { break-after: page; }
  h2, h3 { break-after: avoid; }
  svg, table, .cards, dl.facts, .legend, .bar-row, .split-row, .funnel-row, .headline li { break-inside: avoid; }
  tr { break-inside: avoid; }
  th, td { padding: 3px 5px; }
  table.numbers td { white-space: normal; }
  .table-wrap { overflow: visible; }
  .compare-table th[scope=row] { min-width: 0; }
  svg.ci-whisker { width: 90px; }
  a { color: inherit; text-decoration: none; }
  details > summary { list-style: none; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`
