// The one way results reach a file: checked first (never over an input, a folder, a device or
// another special file; `-` and /dev/stdout mean stdout; a symlink is written through to its
// target), then staged in a temp file beside the target and renamed into place, so the target
// is either the complete new output or exactly what it was. Temp files carry the pid and are
// removed on every failure and on SIGINT/SIGTERM/SIGHUP (./cleanup.ts).
import {randomBytes} from 'node:crypto'
import {chmodSync, closeSync, lstatSync, mkdirSync, openSync, readlinkSync, realpathSync, renameSync, rmSync, statSync, writeSync} from 'node:fs'
import type {Stats} from 'node:fs'
import {basename, dirname, join, resolve} from 'node:path'
import {sweepTemps, track, untrack} from './cleanup.js'

export type Lang = 'en' | 'zh'

/**
 * A problem in the user's terms, in both languages, with what to do: an output that cannot be
 * written, a run refused by its budget. `exit` 2 for a usage error, else 1.
 */
export class UserError extends Error {
  constructor(
    readonly en: string,
    readonly zh: string,
    readonly hint?: {en: string; zh: string},
    readonly exit: 1 | 2 = 1,
  ) {
    super(en)
    this.name = 'UserError'
  }

  text(lang: Lang): string {
    const head = lang === 'zh' ? `错误：${this.zh}` : `error: ${this.en}`
    if (!this.hint) return head
    return `${head}\n    ${lang === 'zh' ? '提示：' : 'hint: '}${lang === 'zh' ? this.hint.zh : this.hint.en}`
  }
}

export type OutputTarget = {stdout: true} | {stdout: false; file: string; target: string}

export interface OutputCheck {
  /** The flag named in messages (default --out). */
  flag?: string
  /** Files the run reads: the output may not replace any of them. */
  reads?: readonly string[]
}

const STDOUT_NAMES = new Set(['-', '/dev/stdout', '/dev/fd/1', '/proc/self/fd/1'])

export function isStdout(file: string): boolean {
  return STDOUT_NAMES.has(file)
}

/** Decides where an output goes, refusing what must not be replaced. Throws UserError. */
export function checkOutput(file: string, o: OutputCheck = {}): OutputTarget {
  const flag = o.flag ?? '--out'
  if (file === '') {
    throw new UserError(`${flag} was given an empty file name`, `${flag} 的文件名为空`, {en: `name a file, or use ${flag} - for stdout`, zh: `请给出文件名，或用 ${flag} - 输出到标准输出`}, 2)
  }
  if (isStdout(file)) return {stdout: true}
  const target = throughLinks(file, flag)
  const st = statOrUndefined(target)
  if (st) {
    if (st.isDirectory()) {
      throw new UserError(`${flag} ${file} is a folder`, `${flag} ${file} 是一个文件夹`, {en: 'give the name of a file inside it, e.g. ' + join(file, 'out.json'), zh: '请给出其中的一个文件名，例如 ' + join(file, 'out.json')})
    }
    if (!st.isFile()) {
      throw new UserError(
        `${flag} ${file} is a ${specialKind(st)}, not a regular file: it is left as it is`,
        `${flag} ${file} 是${specialKindZh(st)}，不是普通文件：不会写入`,
        {en: 'write to a regular file, or omit --out (or use -) for stdout and redirect it', zh: '请写入普通文件，或省略 --out（或用 -）输出到标准输出再重定向'},
      )
    }
    for (const input of o.reads ?? []) {
      const is = statOrUndefined(input)
      if (is && is.ino === st.ino && is.dev === st.dev) {
        throw new UserError(
          `${flag} ${file} is ${input === file ? 'an input' : `the input ${input}`} of this run: it would be overwritten`,
          `${flag} ${file} 是本次运行读取的${input === file ? '输入文件' : `输入文件 ${input}`}：不能覆盖`,
          {en: 'choose another file name for the output', zh: '请为输出另取一个文件名'},
        )
      }
    }
  }
  return {stdout: false, file, target}
}

/** Follows symlinks (also dangling ones, whose target is then created); a loop is an error. */
function throughLinks(file: string, flag: string): string {
  let path = resolve(file)
  for (let hops = 0; hops < 40; hops++) {
    let st: Stats
    try {
      st = lstatSync(path)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT') return path
      if (code === 'ELOOP') break
      if (code === 'ENOTDIR') throw notDir(file, flag)
      throw fsError(error, file)
    }
    if (!st.isSymbolicLink()) {
      try {
        return realpathSync(path)
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ELOOP') break
        throw fsError(error, file)
      }
    }
    path = resolve(dirname(path), readlinkSync(path))
  }
  throw new UserError(`${flag} ${file} is a symlink that loops back on itself`, `${flag} ${file} 是循环的符号链接`, {en: 'fix or remove the link, or write elsewhere', zh: '请修复或删除该链接，或写到别处'})
}

function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path)
  } catch {
    return undefined
  }
}

function specialKind(st: Stats): string {
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'device'
  if (st.isFIFO()) return 'named pipe'
  if (st.isSocket()) return 'socket'
  return 'special file'
}

function specialKindZh(st: Stats): string {
  if (st.isCharacterDevice() || st.isBlockDevice()) return '设备文件'
  if (st.isFIFO()) return '命名管道'
  if (st.isSocket()) return '套接字'
  return '特殊文件'
}

function notDir(file: string, flag?: string): UserError {
  const f = flag ? `${flag} ` : ''
  return new UserError(`${f}${file}: part of the path is a file, not a folder`, `${f}${file}：路径中有一段是文件而不是文件夹`, {en: 'check the path', zh: '请检查路径'})
}

/**
 * A system error in the user's terms: which file (the output, or `role`), what happened, and
 * that the target was left unchanged.
 */
export interface FileRole {
  en: string
  zh: string
  /** Replaces the hint for a full disk (a scratch folder is freed by another TMPDIR). */
  spaceHint?: {en: string; zh: string}
}

export function fsError(error: unknown, file: string, role: FileRole = {en: 'the output', zh: '输出文件'}): UserError {
  const e = error as NodeJS.ErrnoException
  if (e instanceof UserError) return e
  const where = `${role.en} ${file}`
  const whereZh = `${role.zh} ${file}`
  switch (e.code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new UserError(`no space left on the disk holding ${where}; nothing was replaced`, `存放${whereZh}的磁盘空间不足；没有替换任何文件`, role.spaceHint ?? {en: 'free some space, or write to another disk', zh: '请释放空间，或写到其他磁盘'})
    case 'EACCES':
    case 'EPERM':
      return new UserError(`permission denied writing ${where}`, `没有权限写入${whereZh}`, {en: 'choose a folder you can write to', zh: '请选择有写权限的文件夹'})
    case 'EROFS':
      return new UserError(`${where} is on a read-only file system`, `${whereZh}位于只读文件系统`, {en: 'write to another folder', zh: '请写到其他文件夹'})
    case 'ENOTDIR':
    case 'EEXIST':
      return notDir(file)
    case 'EISDIR':
      return new UserError(`${where} is a folder`, `${whereZh}是一个文件夹`, {en: 'give the name of a file', zh: '请给出文件名'})
    default:
      return new UserError(`cannot write ${where}: ${e.message ?? String(e)}`, `无法写入${whereZh}：${e.message ?? String(e)}`)
  }
}

/** A temp file beside the target, open for writing and tracked for cleanup. */
export interface Staged {
  /** As given, for messages. */
  file: string
  target: string
  temp: string
  fd: number
}

/** Checks the output and opens its temp file (an unwritable target fails here, before any work). */
export function stageOutput(file: string, o: OutputCheck = {}): Staged {
  const out = checkOutput(file, o)
  if (out.stdout) throw new UserError(`${o.flag ?? '--out'} cannot be stdout here`, `${o.flag ?? '--out'} 此处不能是标准输出`, {en: 'give a file name', zh: '请给出文件名'}, 2)
  const dir = dirname(out.target)
  try {
    mkdirSync(dir, {recursive: true})
  } catch (error) {
    throw fsError(error, file)
  }
  sweepTemps(dir)
  const temp = join(dir, `.${basename(out.target)}.${process.pid}-${randomBytes(6).toString('hex')}.tmp`)
  let fd: number
  try {
    fd = openSync(temp, 'wx', 0o666)
  } catch (error) {
    throw fsError(error, file)
  }
  track(temp, 'file')
  return {file, target: out.target, temp, fd}
}

/** Closes the temp file and renames it over the target (keeping the replaced file's mode). */
export function commitStaged(s: Staged): void {
  try {
    closeFd(s)
    const old = statOrUndefined(s.target)
    if (old?.isFile()) chmodSync(s.temp, old.mode & 0o7777)
    renameSync(s.temp, s.target)
    untrack(s.temp)
  } catch (error) {
    discardStaged(s)
    throw fsError(error, s.file)
  }
}

/** Closes and removes the temp file; the target stays as it was. */
export function discardStaged(s: Staged): void {
  try {
    closeFd(s)
  } catch {
    // Removing the temp file is what matters.
  }
  rmSync(s.temp, {force: true})
  untrack(s.temp)
}

function closeFd(s: Staged): void {
  if (s.fd < 0) return
  const fd = s.fd
  s.fd = -1
  closeSync(fd)
}

/** Writes bytes to a staged file's descriptor (all of them). */
export function writeStagedBytes(s: Staged, buf: Uint8Array): void {
  let off = 0
  try {
    while (off < buf.length) off += writeSync(s.fd, buf, off, buf.length - off)
  } catch (error) {
    throw fsError(error, s.file)
  }
}

/** Writes `data` to `file` atomically, after checkOutput's refusals; `-` writes to stdout. */
export function writeAtomic(file: string, data: string | Uint8Array, o: OutputCheck = {}): void {
  if (isStdout(file)) {
    process.stdout.write(data)
    return
  }
  const s = stageOutput(file, o)
  try {
    writeStagedBytes(s, typeof data === 'string' ? Buffer.from(data, 'utf8') : data)
  } catch (error) {
    discardStaged(s)
    throw error
  }
  commitStaged(s)
}

/** Stable JSON: two-space indent, trailing newline, non-finite numbers as null. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (typeof v === 'number' && !Number.isFinite(v) ? null : v), 2) + '\n'
}
