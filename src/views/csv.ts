// CSV text for spreadsheets, pandas and R, by csv-stringify: RFC 4180 quoting (a field with a
// quote, comma or line break, CR included, is quoted and its quotes doubled), `\n` line ends,
// numbers as JavaScript prints them, booleans as true/false.
import {stringify} from 'csv-stringify/sync'

export type CsvCell = string | number | boolean

export function csvText(rows: ReadonlyArray<readonly CsvCell[]>): string {
  return stringify(rows as CsvCell[][], {record_delimiter: 'unix', quoted_match: /\r/, cast: {boolean: (v) => String(v), number: (v) => String(v)}})
}
