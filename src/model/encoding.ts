// What the bytes of a file say before YAML is parsed: UTF-16 text, the first byte that breaks
// UTF-8 (with its line and column, so the user can find it), and why a path could not be read.
/** "little-endian"/"big-endian" when the bytes look like UTF-16 (a byte-order mark, or NULs in every other byte). */
export function utf16Order(b: Uint8Array): string | undefined {
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return 'little-endian, with a byte-order mark'
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return 'big-endian, with a byte-order mark'
  const n = Math.min(b.length & ~1, 64)
  if (n < 4) return undefined
  let even = 0
  let odd = 0
  for (let i = 0; i < n; i += 2) {
    if (b[i] === 0) even++
    if (b[i + 1] === 0) odd++
  }
  if (odd === n / 2 && even === 0) return 'little-endian'
  if (even === n / 2 && odd === 0) return 'big-endian'
  return undefined
}

/** The first byte that is not part of a well-formed UTF-8 sequence, with its line and column (in characters). */
export function invalidUtf8At(b: Uint8Array): {offset: number; line: number; column: number} {
  let line = 1
  let column = 1
  let i = 0
  while (i < b.length) {
    const c = b[i]
    const len = c < 0x80 ? 1 : c >= 0xc2 && c <= 0xdf ? 2 : c >= 0xe0 && c <= 0xef ? 3 : c >= 0xf0 && c <= 0xf4 ? 4 : 0
    if (len === 0) return {offset: i, line, column}
    for (let k = 1; k < len; k++) {
      const d = b[i + k]
      let ok = d !== undefined && (d & 0xc0) === 0x80
      // Overlong forms, surrogates and code points above U+10FFFF (the second byte's range).
      if (ok && k === 1) ok = !((c === 0xe0 && d < 0xa0) || (c === 0xed && d > 0x9f) || (c === 0xf0 && d < 0x90) || (c === 0xf4 && d > 0x8f))
      if (!ok) return {offset: i, line, column}
    }
    if (c === 10) {
      line++
      column = 1
    } else column++
    i += len
  }
  return {offset: Math.max(0, b.length - 1), line, column}
}

/** Why a file could not be read, and what to do, in the user's terms. */
export function readFailure(error: unknown): [string, string] {
  const e = error as NodeJS.ErrnoException
  switch (e.code) {
    case 'ENOENT':
      return ['no such file', 'check the path']
    case 'ELOOP':
      return ['the path is a symlink loop (a link that leads back to itself)', 'fix the link or give the real file']
    case 'EACCES':
    case 'EPERM':
      return ['permission denied', 'check the file\'s permissions']
    case 'ENOTDIR':
      return ['part of the path is a file, not a folder', 'check the path']
    case 'EISDIR':
      return ['it is a folder', 'give the path of a YAML file']
    default:
      return [e.message ?? String(e), 'check the path']
  }
}
