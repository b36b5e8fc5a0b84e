// Synchronous, buffered file IO for the event-log writers. The trace sink is called inside
// the simulation loop and must not await; buffering keeps the number of system calls low.
import {randomBytes} from 'node:crypto'
import {closeSync, mkdirSync, mkdtempSync, openSync, readSync, renameSync, rmSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {basename, dirname, join, resolve} from 'node:path'
import {StringDecoder} from 'node:string_decoder'

const FLUSH_BYTES = 1 << 16

/** An append-only file with a small write buffer. */
export class BufferedFile {
  private fd: number | undefined
  private parts: string[] = []
  private pending = 0
  bytes = 0

  constructor(readonly path: string) {
    this.fd = openSync(path, 'w')
  }

  write(text: string): void {
    this.parts.push(text)
    this.pending += text.length
    if (this.pending >= FLUSH_BYTES) this.flush()
  }

  flush(): void {
    if (this.parts.length === 0 || this.fd === undefined) return
    const buf = Buffer.from(this.parts.join(''), 'utf8')
    this.parts = []
    this.pending = 0
    let off = 0
    while (off < buf.length) off += writeSync(this.fd, buf, off)
    this.bytes += buf.length
  }

  /** Streams another file's bytes into this one. */
  append(path: string): void {
    this.flush()
    if (this.fd === undefined) return
    const src = openSync(path, 'r')
    try {
      const buf = Buffer.allocUnsafe(1 << 20)
      for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) {
        let off = 0
        while (off < n) off += writeSync(this.fd, buf, off, n - off)
        this.bytes += n
      }
    } finally {
      closeSync(src)
    }
  }

  close(): void {
    this.flush()
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/** Reads a file line by line, synchronously, in bounded memory. */
export class LineReader {
  private fd: number | undefined
  private rest = ''
  private lines: string[] = []
  private at = 0
  private readonly buf = Buffer.allocUnsafe(1 << 18)
  private readonly decoder = new StringDecoder('utf8')

  constructor(path: string) {
    this.fd = openSync(path, 'r')
  }

  next(): string | undefined {
    while (this.at >= this.lines.length) {
      if (this.fd === undefined) return undefined
      const n = readSync(this.fd, this.buf)
      if (n === 0) {
        closeSync(this.fd)
        this.fd = undefined
        const last = this.rest + this.decoder.end()
        this.rest = ''
        this.lines = last === '' ? [] : [last]
        this.at = 0
        continue
      }
      // StringDecoder keeps a UTF-8 sequence split across two reads whole.
      const text = this.rest + this.decoder.write(this.buf.subarray(0, n))
      const parts = text.split('\n')
      this.rest = parts.pop() ?? ''
      this.lines = parts
      this.at = 0
    }
    return this.lines[this.at++]
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd)
    this.fd = undefined
  }
}

/** The target's final path, a temp path beside it (same file system, so rename is atomic), and a scratch directory. */
export interface Staging {
  target: string
  output: string
  scratch: string
}

export function stage(file: string): Staging {
  const target = resolve(file)
  mkdirSync(dirname(target), {recursive: true})
  const output = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString('hex')}.tmp`)
  const scratch = mkdtempSync(join(tmpdir(), 'loudou-events-'))
  return {target, output, scratch}
}

export function commit(s: Staging): void {
  renameSync(s.output, s.target)
  rmSync(s.scratch, {recursive: true, force: true})
}

export function discard(s: Staging): void {
  rmSync(s.output, {force: true})
  rmSync(s.scratch, {recursive: true, force: true})
}

/** Writes the staged output with `fill`, then renames it into place; on failure nothing is left. */
export function writeStaged(s: Staging, fill: (out: BufferedFile) => void): void {
  try {
    const out = new BufferedFile(s.output)
    try {
      fill(out)
    } finally {
      out.close()
    }
    commit(s)
  } catch (error) {
    discard(s)
    throw error
  }
}
