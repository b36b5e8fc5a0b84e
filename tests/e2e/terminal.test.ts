// In a real terminal (a pseudo-terminal from util-linux `script`): the progress bar draws while
// a simulation runs and is gone from the final output; TERM=dumb gets no escape codes at all,
// NO_COLOR no colours.
import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {ROOT} from '../helpers/cli.js'

const ESC = '\x1b'
const SGR = /\x1b\[[0-9;]*m/

/** Runs loudou in a pseudo-terminal with the given environment; returns what the terminal received. */
function inTerminal(env: Record<string, string>, ...args: string[]): string {
  const command = ['node', 'bin/run.js', ...args].join(' ')
  const r = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: ROOT,
    encoding: 'utf8',
    input: '',
    env: {PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', ...env},
  })
  expect(r.status, r.stderr).toBe(0)
  return r.stdout
}

const SIMULATE = ['simulate', 'models/classroom.yaml', '-r', '6', '--workers', '1']

describe('loudou in a terminal', () => {
  it('draws the progress bar while simulating and erases it before the summary', () => {
    const out = inTerminal({TERM: 'xterm'}, ...SIMULATE)
    expect(out).toMatch(/\rSimulating ▕[█░]{24}▏ +\d+% +\d+:\d\d/)
    const summary = out.indexOf('教学区 (teaching district): seed 1')
    expect(summary).toBeGreaterThan(0)
    // The bar is erased before anything else is written: run-length warnings, then the summary.
    const warning = out.indexOf('warning: ')
    expect(out.slice(0, warning >= 0 && warning < summary ? warning : summary)).toMatch(/\r\x1b\[K\r?\n?$/)
    expect(out.slice(summary)).not.toContain('Simulating')
  })

  it('writes no escape code at all with TERM=dumb, and no bar with --quiet', () => {
    const dumb = inTerminal({TERM: 'dumb'}, ...SIMULATE)
    expect(dumb).toContain('Bottlenecks')
    expect(dumb).not.toContain(ESC)
    const quiet = inTerminal({TERM: 'xterm'}, ...SIMULATE, '--quiet')
    expect(quiet).toContain('Bottlenecks')
    expect(quiet).not.toContain('Simulating')
    expect(inTerminal({TERM: 'dumb'}, 'dashboard', 'models/classroom.yaml', '--days', '3')).not.toContain(ESC)
  })

  it('uses colour in help and the dashboard unless NO_COLOR is set', () => {
    const once = ['dashboard', 'models/classroom.yaml', '--once', '--days', '3']
    expect(inTerminal({TERM: 'xterm'}, '--help')).toMatch(SGR)
    expect(inTerminal({TERM: 'xterm'}, ...once)).toMatch(SGR)
    expect(inTerminal({TERM: 'xterm', NO_COLOR: '1'}, '--help')).not.toMatch(SGR)
    expect(inTerminal({TERM: 'xterm', NO_COLOR: '1'}, ...once)).not.toMatch(SGR)
  })
})
