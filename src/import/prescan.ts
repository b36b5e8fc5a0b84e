// A look inside an .xlsx before exceljs reads it: exceljs holds the whole workbook in memory
// (a 100,000-row sheet took 36 s and 580 MB here), so sheets are first counted row by row
// from the compressed file, in a stream, and a workbook over the limits is refused before it
// is loaded. Reads only the zip directory, the workbook's sheet list and the sheets' rows.
import JSZip from 'jszip'

export interface ScanLimits {
  /** Rows (of any kind, blank rows with formatting too) per sheet. */
  maxRows: number
  /** Uncompressed bytes of all the parts together (a zip bomb stops here). */
  maxBytes: number
}

export type ScanResult =
  | {ok: true}
  | {ok: false; kind: 'not-xlsx'; detail: string}
  | {ok: false; kind: 'rows'; sheet: string; rows: number}
  | {ok: false; kind: 'bytes'; bytes: number}

export async function prescanXlsx(bytes: Uint8Array, limits: ScanLimits): Promise<ScanResult> {
  let zip: JSZip
  try {
    zip = await JSZip.loadAsync(bytes, {checkCRC32: false})
  } catch (error) {
    return {ok: false, kind: 'not-xlsx', detail: (error as Error).message}
  }
  const workbook = zip.file('xl/workbook.xml')
  if (!workbook) return {ok: false, kind: 'not-xlsx', detail: 'it has no xl/workbook.xml (a zip file, but not an Excel workbook)'}
  const declared = Object.values(zip.files).reduce((n, f) => n + ((f as unknown as {_data?: {uncompressedSize?: number}})._data?.uncompressedSize ?? 0), 0)
  if (declared > limits.maxBytes) return {ok: false, kind: 'bytes', bytes: declared}
  const names = await sheetNames(zip, await workbook.async('string'))
  let total = 0
  for (const [path, name] of names) {
    const entry = zip.file(path)
    if (!entry) continue
    const counted = await countRows(entry, limits.maxRows, limits.maxBytes - total)
    total += counted.bytes
    if (counted.rows > limits.maxRows) return {ok: false, kind: 'rows', sheet: name, rows: counted.rows}
    if (total > limits.maxBytes) return {ok: false, kind: 'bytes', bytes: total}
  }
  return {ok: true}
}

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&')
const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]

/** Worksheet part path → sheet name, in workbook order. */
async function sheetNames(zip: JSZip, workbookXml: string): Promise<Map<string, string>> {
  const rels = new Map<string, string>()
  const relsXml = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? ''
  for (const tag of relsXml.match(/<(?:\w+:)?Relationship\s[^>]*>/g) ?? []) {
    const id = attr(tag, 'Id')
    const target = attr(tag, 'Target')
    if (id && target) rels.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`)
  }
  const out = new Map<string, string>()
  for (const tag of workbookXml.match(/<(?:\w+:)?sheet\s[^>]*>/g) ?? []) {
    const path = rels.get(attr(tag, 'r:id') ?? '')
    const name = attr(tag, 'name')
    if (path && name !== undefined) out.set(path, unescape(name))
  }
  return out
}

/** Counts `<row` elements while inflating, and stops once past the limits. */
function countRows(entry: JSZip.JSZipObject, maxRows: number, maxBytes: number): Promise<{rows: number; bytes: number}> {
  return new Promise((resolve, reject) => {
    const stream = entry.nodeStream('nodebuffer') as NodeJS.ReadableStream & {destroy?: () => void; pause(): void}
    let rows = 0
    let bytes = 0
    let tail = ''
    let done = false
    const finish = () => {
      if (done) return
      done = true
      stream.pause()
      resolve({rows, bytes})
    }
    stream.on('data', (chunk: Buffer) => {
      if (done) return
      bytes += chunk.length
      const text = tail + chunk.toString('latin1')
      rows += text.match(/<(?:\w+:)?row[\s>/]/g)?.length ?? 0
      // A tag split between chunks is found in the next one; four characters cannot hold a
      // whole `<row ` tag, so none is counted twice.
      tail = text.slice(-4)
      if (rows > maxRows || bytes > maxBytes) finish()
    })
    stream.on('end', finish)
    stream.on('error', (e: Error) => (done ? undefined : reject(e)))
  })
}
