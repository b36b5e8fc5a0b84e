// The shell of every HTML page loudou writes (the report, the sweep report): one self-contained
// file whose Content-Security-Policy allows no network at all, readable on a phone.
import {esc} from './escape.js'

export interface PageParts {
  /** The html element's lang, e.g. zh-CN. */
  lang: string
  title: string
  style: string
  /** The script-src of the policy when the page has a script (its hash, or 'none'); omitted: default-src rules. */
  scriptSrc?: string
  /** What goes inside <body>, <main> included. */
  body: string
}

export function htmlPage(p: PageParts): string {
  const csp = `default-src 'none'; ${p.scriptSrc !== undefined ? `script-src ${p.scriptSrc}; ` : ''}style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'`
  return `<!DOCTYPE html>
<html lang="${esc(p.lang)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="loudou">
<title>${esc(p.title)}</title>
<style>${p.style}</style>
</head>
<body>
${p.body}</body>
</html>
`
}
