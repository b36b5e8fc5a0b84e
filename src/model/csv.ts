// CSV text → rows of strings with their line numbers, for replica tables and `loudou import`.
// Excel and WPS in Chinese save CSV in GB18030 unless told otherwise: text that is not UTF-8
// is read as GB18030. Parsing is csv-parse's (RFC 4180 quoting, a UTF-8 BOM skipped).
import {parse} from 'csv-parse/sync'

export interface CsvRow {
  /** 1-based line where the row starts. */
  line: number
  cells: string[]
}

export type CsvResult = {rows: CsvRow[]; error?: undefined} | {rows?: undefined; error: {line: number; message: string}}

export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', {fatal: true}).decode(bytes)
  } catch {
    return new TextDecoder('gb18030').decode(bytes)
  }
}

/** Parses CSV bytes; blank lines are dropped, at most `maxRows` rows are read (the rest ignored). */
export function parseCsv(bytes: Uint8Array, maxRows = Infinity): CsvResult {
  const text = decodeText(bytes).replace(/^\uFEFF/, '')
  try {
    const records = parse(text, {
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: 1 << 20,
      ...(Number.isFinite(maxRows) && {to: maxRows}),
    }) as unknown as Array<{record: string[]; info: {lines: number}}>
    const rows: CsvRow[] = []
    for (const {record, info} of records) {
      if (record.every((c) => c.trim() === '')) continue
      // info.lines is the line the record ends on; a record's own line breaks sit in its quotes.
      const breaks = record.reduce((n, c) => n + (c.match(/\r\n|\r|\n/g)?.length ?? 0), 0)
      rows.push({line: info.lines - breaks, cells: record})
    }
    return {rows}
  } catch (error) {
    const e = error as Error & {lines?: number}
    return {error: {line: e.lines ?? 1, message: e.message.replace(/^Invalid Record Length: /, '').replace(/, on line \d+/, '')}}
  }
}
