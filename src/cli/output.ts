// Writing results: atomically (temp file + rename) so an interrupted run never leaves a
// half-written file in place of what the user had.
import {randomBytes} from 'node:crypto'
import {mkdirSync, renameSync, rmSync, writeFileSync} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'

export function writeAtomic(file: string, data: string | Uint8Array): void {
  const target = resolve(file)
  const dir = dirname(target)
  mkdirSync(dir, {recursive: true})
  const tmp = join(dir, `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  try {
    writeFileSync(tmp, data)
    renameSync(tmp, target)
  } catch (error) {
    rmSync(tmp, {force: true})
    throw error
  }
}

/** Stable JSON: two-space indent, trailing newline, non-finite numbers as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n'
}
