// How many terminal columns text takes: the one width function of every table, bar and
// dashboard panel. string-width knows East Asian wide characters (CJK take two columns),
// emoji, combining marks and zero-width characters, and skips ANSI escape codes.
import stringWidth from 'string-width'

const graphemes = new Intl.Segmenter(undefined, {granularity: 'grapheme'})

export function displayWidth(text: string): number {
  return stringWidth(text)
}

/** Cuts `text` to at most `width` columns, ending with … when cut; never splits a character. */
export function truncateToWidth(text: string, width: number): string {
  if (stringWidth(text) <= width) return text
  if (width <= 0) return ''
  let out = ''
  let used = 0
  for (const {segment} of graphemes.segment(text)) {
    const w = stringWidth(segment)
    if (used + w > width - 1) break
    out += segment
    used += w
  }
  return out + '…'
}
