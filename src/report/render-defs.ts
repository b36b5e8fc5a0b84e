// The metric definitions: a small, safe subset of Markdown (headings, paragraphs, lists,
// tables, fenced and indented code, `code`, **bold**, *italic*, [links](url)). Everything is
// escaped first.
import {esc} from './escape.js'

export function markdownToHtml(md: string): string {
  const lines = md.replace(/\r\n?/g, '\n').split('\n')
  const out: string[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]
    if (/^```/.test(line)) {
      const body: string[] = []
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) body.push(lines[i])
      out.push(`<pre><code>${esc(body.join('\n'))}</code></pre>`)
      i++
    } else if (/^ {4}\S/.test(line) && (i === 0 || lines[i - 1].trim() === '')) {
      // An indented block after a blank line: code (the docs' formulas).
      const body: string[] = []
      for (; i < lines.length && (/^ {4}/.test(lines[i]) || (lines[i].trim() === '' && /^ {4}\S/.test(lines[i + 1] ?? ''))); i++) body.push(lines[i].slice(4))
      out.push(`<pre><code>${esc(body.join('\n'))}</code></pre>`)
    } else if (/^#{1,6}\s/.test(line)) {
      // Shifted down two levels: the section itself is an h2.
      const level = Math.min(6, line.match(/^#+/)![0].length + 2)
      out.push(`<h${level}>${inline(line.replace(/^#+\s*/, ''))}</h${level}>`)
      i++
    } else if (/^\s*([-*+]|\d+\.)\s/.test(line)) {
      const ordered = /^\s*\d+\./.test(line)
      const items: string[] = []
      for (; i < lines.length && /^\s*([-*+]|\d+\.)\s/.test(lines[i]); i++) {
        let item = lines[i].replace(/^\s*([-*+]|\d+\.)\s+/, '')
        while (i + 1 < lines.length && /^\s{2,}\S/.test(lines[i + 1]) && !/^\s*([-*+]|\d+\.)\s/.test(lines[i + 1])) item += ' ' + lines[++i].trim()
        items.push(`<li>${inline(item)}</li>`)
      }
      out.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`)
    } else if (/^\s*\|/.test(line)) {
      const rows: string[][] = []
      for (; i < lines.length && /^\s*\|/.test(lines[i]); i++) rows.push(cells(lines[i]))
      const body = rows.filter((r) => !r.every((c) => /^:?-{2,}:?$/.test(c)))
      const [head, ...rest] = body
      out.push(`<table class="defs-table"><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${rest.map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`)
    } else if (line.trim() === '') {
      i++
    } else {
      const para: string[] = []
      for (; i < lines.length && lines[i].trim() !== '' && !/^(#{1,6}\s|```|\s*\||\s*([-*+]|\d+\.)\s)/.test(lines[i]); i++) para.push(lines[i].trim())
      out.push(`<p>${inline(para.join(' '))}</p>`)
    }
  }
  return out.join('\n')
}

function cells(row: string): string[] {
  return row.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim())
}

/** Inline markup on escaped text; links only to http(s) or in-page anchors. */
function inline(text: string): string {
  const codes: string[] = []
  let s = esc(text).replace(/`([^`]+)`/g, (_m, c: string) => `\u0000${codes.push(c) - 1}\u0000`)
  s = s
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[^*\w])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>')
    .replace(/\[([^\]]+)\]\(((?:https?:\/\/|#)[^)\s]*)\)/g, '<a href="$2">$1</a>')
    .replace(/\[([^\]]+)\]\(([^)]*)\)/g, '$1')
  return s.replace(/\u0000(\d+)\u0000/g, (_m, n: string) => `<code>${codes[Number(n)]}</code>`)
}
