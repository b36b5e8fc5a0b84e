// Synchronous, buffered file IO for the event-log writers. The trace sink is called inside
// the simulation loop and must not await; buffering keeps the number of system calls low.
import {closeSync, openSync, readSync, writeSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {StringDecoder} from 'node:string_decoder'
import {makeScratch, removeScratch} from '../cli/cleanup.js'
import {commitStaged, discardStaged, fsError, stageOutput} from '../cli/output.js'
import type {FileRole, Staged} from '../cli/output.js'

const FLUSH_BYTES = 1 << 16

/** Scratch files live in the system temp folder: a full disk there is fixed by another TMPDIR. */
const SCRATCH_ROLE: FileRole = {
  en: 'the scratch folder',
  zh: '临时文件夹',
  spaceHint: {en: 'free space in the system temp folder, or set TMPDIR to a folder on a disk with room', zh: '请释放系统临时文件夹的空间，或把 TMPDIR 指向空间充足的磁盘上的文件夹'},
}

/** An append-only file with a small write buffer. */
export class BufferedFile {
  private fd: number | undefined
  private parts: string[] = []
  private pending = 0
  bytes = 0

  /** `output`: the output file as the user named it, when this is its temp file (else a scratch file). */
  constructor(
    readonly path: string,
    private readonly output?: string,
  ) {
    this.fd = this.guard(() => openSync(path, 'w'))
  }

  /** System errors name the user's output, or the scratch folder, rather than a temp path. */
  private guard<T>(f: () => T): T {
    try {
      return f()
    } catch (error) {
      throw this.output === undefined ? fsError(error, this.path, SCRATCH_ROLE) : fsError(error, this.output)
    }
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
    const fd = this.fd
    this.guard(() => {
      let off = 0
      while (off < buf.length) off += writeSync(fd, buf, off)
    })
    this.bytes += buf.length
  }

  /** Streams another file's bytes into this one. */
  append(path: string): void {
    this.flush()
    if (this.fd === undefined) return
    const src = openSync(path, 'r')
    try {
      const buf = Buffer.allocUnsafe(1 << 20)
      const fd = this.fd
      for (let n = readSync(src, buf); n > 0; n = readSync(src, buf)) {
        this.guard(() => {
          let off = 0
          while (off < n) off += writeSync(fd, buf, off, n - off)
        })
        this.bytes += n
      }
    } finally {
      closeSync(src)
    }
  }

  close(): void {
    try {
      this.flush()
    } finally {
      if (this.fd !== undefined) closeSync(this.fd)
      this.fd = undefined
    }
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

/** The staged output (a temp file beside the target, src/cli/output.ts) and a scratch folder. */
export interface Staging {
  target: string
  /** The temp file that becomes the target. */
  output: string
  scratch: string
  staged: Staged
}

/** `reads`: the run's input files, which the log may not replace. */
export function stage(file: string, reads: readonly string[] = []): Staging {
  const staged = stageOutput(file, {flag: '--events', reads})
  let scratch: string
  try {
    scratch = makeScratch()
  } catch (error) {
    discardStaged(staged)
    throw fsError(error, tmpdir(), SCRATCH_ROLE)
  }
  return {target: staged.target, output: staged.temp, scratch, staged}
}

export function commit(s: Staging): void {
  commitStaged(s.staged)
  removeScratch(s.scratch)
}

export function discard(s: Staging): void {
  discardStaged(s.staged)
  removeScratch(s.scratch)
}

/** Writes the staged output with `fill`, then renames it into place; on failure nothing is left. */
export function writeStaged(s: Staging, fill: (out: BufferedFile) => void): void {
  try {
    const out = new BufferedFile(s.output, s.staged.file)
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
