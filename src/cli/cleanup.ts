// What an interrupted run must not leave behind: temp files beside outputs and scratch folders
// in the system temp folder. Each is tracked while it exists; SIGINT, SIGTERM and SIGHUP remove
// them and exit 128 + the signal's number (130, 143, 129). Handlers are installed only while
// something is tracked, so Ctrl-C stays immediate when there is nothing to clean. A SIGKILL
// cannot be caught: temp and scratch names carry the owning pid, and the next run removes
// those whose process is gone (sweepScratch, sweepTemps).
import {mkdirSync, readdirSync, rmSync} from 'node:fs'
import {randomBytes} from 'node:crypto'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

const SIGNALS = {SIGHUP: 1, SIGINT: 2, SIGTERM: 15} as const
type SignalName = keyof typeof SIGNALS

const tracked = new Map<string, 'file' | 'dir'>()
let installed = false

function onSignal(signal: SignalName): void {
  removeTracked()
  process.exit(128 + SIGNALS[signal])
}

const handlers = Object.fromEntries(Object.keys(SIGNALS).map((s) => [s, () => onSignal(s as SignalName)])) as Record<SignalName, () => void>

function removeTracked(): void {
  for (const [path, kind] of tracked) {
    try {
      rmSync(path, {force: true, recursive: kind === 'dir'})
    } catch {
      // Best effort: an exit path must not throw.
    }
  }
  tracked.clear()
}

function install(): void {
  if (installed) return
  installed = true
  for (const s of Object.keys(SIGNALS) as SignalName[]) process.on(s, handlers[s])
  process.on('exit', removeTracked)
}

function uninstall(): void {
  if (!installed) return
  installed = false
  for (const s of Object.keys(SIGNALS) as SignalName[]) process.off(s, handlers[s])
  process.off('exit', removeTracked)
}

/** Remembers a temp file or scratch folder to remove if the process is interrupted. */
export function track(path: string, kind: 'file' | 'dir'): void {
  tracked.set(path, kind)
  install()
}

/** Forgets a path (it was renamed into place or removed). */
export function untrack(path: string): void {
  tracked.delete(path)
  if (tracked.size === 0) uninstall()
}

/** Paths currently tracked (tests). */
export function trackedPaths(): string[] {
  return [...tracked.keys()]
}

/** Whether process `pid` is running (EPERM: it is, under another user). */
export function isAlive(pid: number): boolean {
  if (pid === process.pid) return true
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

const SCRATCH = /^loudou-(\d+)-[0-9a-f]{12}$/

/** A new scratch folder `loudou-<pid>-<hex>` in the system temp folder, tracked until removeScratch. */
export function makeScratch(base = tmpdir()): string {
  sweepScratch(base)
  const dir = join(base, `loudou-${process.pid}-${randomBytes(6).toString('hex')}`)
  mkdirSync(dir, {recursive: false, mode: 0o700})
  track(dir, 'dir')
  return dir
}

export function removeScratch(dir: string): void {
  rmSync(dir, {recursive: true, force: true})
  untrack(dir)
}

/** Removes the scratch folders of loudou processes that are gone (left by a SIGKILL). */
export function sweepScratch(base = tmpdir()): string[] {
  return sweep(base, SCRATCH, true)
}

/** Removes `.<name>.<pid>-<hex>.tmp` files in `dir` whose process is gone. */
export function sweepTemps(dir: string): string[] {
  return sweep(dir, /^\..*\.(\d+)-[0-9a-f]{12}\.tmp$/, false)
}

function sweep(dir: string, pattern: RegExp, recursive: boolean): string[] {
  let names: string[]
  try {
    names = readdirSync(dir)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const m = pattern.exec(name)
    if (!m || isAlive(Number(m[1]))) continue
    try {
      rmSync(join(dir, name), {recursive, force: true})
      removed.push(name)
    } catch {
      // Not ours to remove after all (permissions): leave it.
    }
  }
  return removed
}
