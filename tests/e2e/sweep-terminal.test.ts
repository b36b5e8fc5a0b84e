// `loudou sweep` in a real terminal (a pseudo-terminal from util-linux `script`): its progress
// line is redrawn with escape codes on a terminal, and neither escape codes with TERM=dumb nor
// the line at all with --quiet.
import {spawnSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'
import {ROOT} from '../helpers/cli.js'

const SWEEP = 'node bin/run.js sweep sweeps/classroom-staff.yaml -r 1 --horizon 1w --workers 1'

function inTerminal(term: string, extra = ''): string {
  const r = spawnSync('script', ['-qec', `${SWEEP} ${extra}`, '/dev/null'], {cwd: ROOT, encoding: 'utf8', input: '', env: {PATH: process.env.PATH, HOME: process.env.HOME, LANG: 'C', TERM: term}})
  expect(r.status, r.stdout).toBe(0)
  return r.stdout
}

describe('loudou sweep in a terminal', () => {
  it('redraws its progress line on a terminal, writes no escape code with TERM=dumb and no line with --quiet', () => {
    expect(inTerminal('xterm')).toMatch(/\r\x1b\[2Ksweep ▕[█░]{24}▏ \d+\/\d+/)
    const dumb = inTerminal('dumb')
    expect(dumb).toMatch(/community-staff/)
    expect(dumb).not.toContain('\x1b')
    expect(inTerminal('xterm', '--quiet')).not.toMatch(/sweep ▕/)
  })
})
