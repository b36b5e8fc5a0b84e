// Interruptions leave nothing: a real child process writing --events and --out is sent SIGTERM
// or SIGINT while its temp file and scratch folder exist; it exits 143 or 130, nothing of it
// remains and the files it would have replaced are untouched (SIGHUP, 129, goes through the same
// handler, tested in-process). After a SIGKILL, which cannot be caught, the next run sweeps what
// the dead process left.
import {spawn, spawnSync} from 'node:child_process'
import type {ChildProcess} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, describe, expect, it, vi} from 'vitest'
import {track, untrack} from '../../src/cli/cleanup.js'
import {ROOT, USER_ENV} from '../helpers/cli.js'

const MODEL = join(ROOT, 'models/classroom.yaml')

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'loudou-signals-'))
  const tmp = join(dir, 'tmp')
  mkdirSync(tmp)
  writeFileSync(join(dir, 'out.json'), 'keep out\n')
  writeFileSync(join(dir, 'ev.json'), 'keep events\n')
  return {dir, tmp}
}

/** Children still running when a case ends (it failed or timed out): killed, so none outlives the suite. */
const running = new Set<ChildProcess>()
afterEach(() => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
  running.clear()
})

// The user's environment (dist/, not src/ through tsx as under NODE_ENV=test).
const env = (tmp: string) => ({...USER_ENV, TMPDIR: tmp, LANG: 'C'})

function start(dir: string, tmp: string, horizon: string) {
  const args = [join(ROOT, 'bin', 'run.js'), 'simulate', MODEL, '--horizon', horizon, '--warmup', '0', '-r', '1', '--workers', '1', '--events', join(dir, 'ev.json'), '--json', '--out', join(dir, 'out.json')]
  const child = spawn(process.execPath, args, {cwd: dir, env: env(tmp), stdio: ['ignore', 'ignore', 'pipe']})
  running.add(child)
  return child
}

/** Resolves once the child's temp file and scratch folder both exist. */
async function staged(dir: string, tmp: string, pid: number): Promise<void> {
  for (let i = 0; i < 600; i++) {
    const temp = readdirSync(dir).some((n) => n.startsWith('.ev.json.') && n.includes(`.${pid}-`))
    const scratch = readdirSync(tmp).some((n) => n.startsWith(`loudou-${pid}-`))
    if (temp && scratch) return
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error('the child never staged its event log')
}

function leftovers(dir: string, tmp: string): string[] {
  return [...readdirSync(dir).filter((n) => n.endsWith('.tmp')), ...readdirSync(tmp).filter((n) => n.startsWith('loudou-'))]
}

describe('the cleanup handlers', () => {
  it('remove what is tracked on SIGHUP and exit 129, and are gone once nothing is tracked', () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-hup-'))
    const file = join(dir, '.x.tmp')
    writeFileSync(file, 'half')
    const exit = vi.spyOn(process, 'exit').mockImplementation((() => undefined) as never)
    try {
      const before = process.listenerCount('SIGHUP')
      track(file, 'file')
      expect(process.listenerCount('SIGHUP')).toBe(before + 1)
      process.emit('SIGHUP', 'SIGHUP')
      expect(exit).toHaveBeenCalledWith(129)
      expect(existsSync(file)).toBe(false)
      untrack(file)
      expect(process.listenerCount('SIGHUP')).toBe(before)
    } finally {
      exit.mockRestore()
    }
  })
})

describe('signals during simulate --events --out', () => {
  for (const [signal, code] of [['SIGTERM', 143], ['SIGINT', 130]] as const) {
    it(`${signal} removes the temp file and scratch folder and exits ${code}`, async () => {
      const {dir, tmp} = setup()
      const child = start(dir, tmp, '1000y')
      let stderr = ''
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
      const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)))
      try {
        await staged(dir, tmp, child.pid!)
      } finally {
        // A child that never staged must not outlive the test: it would run for ever.
        child.kill(signal)
      }
      expect(await exited, stderr).toBe(code)
      expect(leftovers(dir, tmp)).toEqual([])
      expect(readFileSync(join(dir, 'out.json'), 'utf8')).toBe('keep out\n')
      expect(readFileSync(join(dir, 'ev.json'), 'utf8')).toBe('keep events\n')
    })
  }

  it('after a SIGKILL the next run removes what the dead process left', async () => {
    const {dir, tmp} = setup()
    const child = start(dir, tmp, '1000y')
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()))
    try {
      await staged(dir, tmp, child.pid!)
    } finally {
      child.kill('SIGKILL')
    }
    await exited
    expect(leftovers(dir, tmp).length).toBe(2)
    const next = spawnSync(process.execPath, [join(ROOT, 'bin', 'run.js'), 'simulate', MODEL, '--horizon', '50h', '-r', '1', '--workers', '1', '--events', join(dir, 'ev.json')], {cwd: dir, env: env(tmp), encoding: 'utf8'})
    expect(next.status, next.stderr).toBe(0)
    expect(leftovers(dir, tmp)).toEqual([])
    expect(JSON.parse(readFileSync(join(dir, 'ev.json'), 'utf8'))).toHaveProperty('events')
  })
})
