// End to end: the built command in a real 80×24 terminal (a detached tmux session on a
// private socket). Toggles a reform, pauses, quits, and checks the terminal is left clean.
import {execFileSync} from 'node:child_process'
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const ROOT = resolve(import.meta.dirname, '../..')
const SOCKET = `loudou-test-${process.pid}`
const SESSION = 'dash'
const COMMAND = 'node bin/run.js dashboard models/classroom.yaml --scenario scenarios/classroom/access-catalogue.yaml --lang en --seed 3'
let dir: string

const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], {encoding: 'utf8'})
const pane = (): string => tmux('capture-pane', '-p', '-t', SESSION)
const paneVar = (name: string): string => tmux('display-message', '-p', '-t', SESSION, `#{${name}}`).trim()
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms))

/** Polls the pane until `test` holds; fails with the last capture after `timeout` ms. */
async function waitFor(what: string, test: (screen: string) => boolean, timeout = 20_000): Promise<string> {
  const end = performance.now() + timeout
  let screen = ''
  while (performance.now() < end) {
    screen = pane()
    if (test(screen)) return screen
    await sleep(150)
  }
  throw new Error(`timed out waiting for ${what}; the pane shows:\n${screen}`)
}

const day = (screen: string): number => Number(/day (\d+\.\d)/.exec(screen)?.[1] ?? NaN)

/** The rows of the left-hand panel under `title`: [label, before, after]. */
function compareRows(screen: string, title: string, n: number): Array<[string, string, string]> {
  const lines = screen.split('\n').map((l) => l.slice(0, 40))
  const at = lines.findIndex((l) => l.startsWith(title))
  return lines.slice(at + 1, at + 1 + n).map((l) => {
    const m = /^(\S+)\s+(\S+)\s+(\S+)\s*$/.exec(l)
    return (m ? [m[1], m[2], m[3]] : [l, '', '']) as [string, string, string]
  })
}

beforeAll(() => {
  if (!existsSync(join(ROOT, 'dist/commands/dashboard.js'))) throw new Error('build first: npm run build (the test runs bin/run.js)')
  dir = mkdtempSync(join(tmpdir(), 'loudou-tmux-'))
  const conf = join(dir, 'tmux.conf')
  // remain-on-exit keeps the pane after the command ends so its exit status can be read.
  writeFileSync(conf, 'set -g remain-on-exit on\nset -g status off\n')
  // CI variables would switch ink to its non-interactive mode; under the runner's NODE_ENV=test
  // oclif would load src/ through tsx instead of the built dist/.
  tmux('-f', conf, 'new-session', '-d', '-x', '80', '-y', '24', '-s', SESSION, '-c', ROOT, `env -u CI -u CONTINUOUS_INTEGRATION -u NODE_ENV TERM=xterm-256color ${COMMAND}`)
})

afterAll(() => {
  try {
    tmux('kill-server')
  } catch {
    // the server is already gone
  }
  if (dir) rmSync(dir, {recursive: true, force: true})
})

describe('loudou dashboard in tmux at 80×24', () => {
  it('animates, toggles a reform, pauses and quits leaving the terminal clean', async () => {
    // The funnel is drawn (18 units counted in the community tier: 6 communities with their party
    // branches and owners’ committees) and the simulated clock moves.
    // The whole frame: a capture can fall between two writes of one frame under load.
    const first = await waitFor('the funnel', (s) => /^community +18 /m.test(s) && day(s) > 0 && s.includes('[1]·access-catalogue'))
    expect(first).toMatch(/^Funnel ─+ load queue$/m)
    expect(first).toMatch(/^district +\d+ /m)
    expect(first).toContain('[1]·access-catalogue')
    for (const line of first.split('\n')) expect(line.length).toBeLessThanOrEqual(80)
    const d0 = day(first)
    await waitFor('the clock to move', (s) => day(s) > d0)

    // Key 1: the access catalogue, baseline | reformed side by side with changed numbers.
    tmux('send-keys', '-t', SESSION, '1')
    const both = await waitFor('the side-by-side funnel', (s) => /Funnel · baseline .* reformed/.test(s) && s.includes('[1]✓access-catalogue'))
    const split = compareRows(both, 'Community time', 3)
    expect(split.map((r) => r[0])).toEqual(['service', 'admin', 'inspections'])
    expect(split.some(([, before, after]) => before !== after)).toBe(true)

    // Space: paused, and the clock stands still.
    tmux('send-keys', '-t', SESSION, ' ')
    const paused = await waitFor('the pause', (s) => s.includes('■ paused'))
    await sleep(600)
    expect(day(pane())).toBe(day(paused))

    // q: the process ends with status 0 and the dashboard is gone from the screen.
    tmux('send-keys', '-t', SESSION, 'q')
    const end = performance.now() + 15_000
    while (paneVar('pane_dead') !== '1' && performance.now() < end) await sleep(150)
    expect(paneVar('pane_dead')).toBe('1')
    // tmux 3.3 leaves pane_dead_status empty for a clean exit, later versions print 0; a
    // signal would show in pane_dead_signal.
    expect(['', '0']).toContain(paneVar('pane_dead_status'))
    expect(paneVar('pane_dead_signal')).toBe('')
    expect(paneVar('alternate_on')).toBe('0')
    expect(pane()).not.toContain('Funnel')
  })
})
