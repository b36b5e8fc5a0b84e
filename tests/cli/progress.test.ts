// The progress bar: its line, its pace (at most ten redraws a second, none for short runs),
// when it stays off, and the simulated-time progress the simulator reports within replications.
import {describe, expect, it} from 'vitest'
import {clockTime, progressBar, progressLine} from '../../src/cli/progress.js'
import {runsProgress} from '../../src/cli/run-flags.js'
import {terminalStyle} from '../../src/cli/terminal.js'
import {PROGRESS_STEPS, runCompiled} from '../../src/sim/replication.js'
import {compileModel} from '../../src/sim/compile.js'
import {simulateModel} from '../../src/sim/parallel.js'
import type {SimProgress} from '../../src/sim/api.js'
import {mmc} from '../sim/fixtures.js'

function fakeTerminal(isTTY = true) {
  const writes: string[] = []
  return {writes, stream: {isTTY, columns: 100, write: (s: string) => writes.push(s)}}
}

describe('progressLine', () => {
  it('shows the bar, the share done, the time elapsed and the time left', () => {
    // A quarter done after 12 s: 36 s left at the same pace; 6 of 24 cells filled.
    expect(progressLine('Simulating', 0.25, 12_000, 'en')).toBe(`Simulating ▕${'█'.repeat(6)}${'░'.repeat(18)}▏  25%  0:12 · about 0:36 left`)
    expect(progressLine('仿真中', 0.5, 61_000, 'zh')).toBe(`仿真中 ▕${'█'.repeat(12)}${'░'.repeat(12)}▏  50%  1:01 · 约剩 1:01`)
  })

  it('gives no estimate before 2% is done', () => {
    expect(progressLine('Simulating', 0.01, 5_000, 'en')).toBe(`Simulating ▕${'░'.repeat(24)}▏   1%  0:05`)
  })

  it('writes times as m:ss or h:mm:ss', () => {
    expect([clockTime(0), clockTime(7_400), clockTime(750_000), clockTime(3_723_000)]).toEqual(['0:00', '0:07', '12:30', '1:02:03'])
  })
})

describe('progressBar', () => {
  it('waits a quarter second, then redraws at most every 100 ms, and erases itself', () => {
    const {writes, stream} = fakeTerminal()
    let now = 1000
    const bar = progressBar({lang: 'en', stream, env: {TERM: 'xterm'}, clock: () => now})
    for (const [t, f] of [[1100, 0.1], [1260, 0.2], [1300, 0.3], [1359, 0.4], [1360, 0.5], [1500, 0.6]] as const) {
      now = t
      bar.update(f)
    }
    expect(writes.map((w) => w.match(/\d+%/)?.[0])).toEqual(['20%', '50%', '60%'])
    expect(writes.every((w) => w.startsWith('\r') && w.endsWith('\x1b[K'))).toBe(true)
    bar.done()
    expect(writes.at(-1)).toBe('\r\x1b[K')
  })

  it('writes nothing for a run that ends before the first draw', () => {
    const {writes, stream} = fakeTerminal()
    const bar = progressBar({lang: 'en', stream, env: {}, clock: () => 0})
    bar.update(0.5)
    bar.done()
    expect(writes).toEqual([])
  })

  it('stays off when stderr is not a terminal, with TERM=dumb and with --quiet', () => {
    for (const [isTTY, env, quiet] of [[false, {}, false], [true, {TERM: 'dumb'}, false], [true, {}, true]] as const) {
      const {writes, stream} = fakeTerminal(isTTY)
      let now = 0
      const bar = progressBar({lang: 'en', stream, env, quiet, clock: () => (now += 1000)})
      bar.update(0.5)
      bar.done()
      expect(writes).toEqual([])
    }
  })

  it('fits the terminal width so a redraw never wraps', () => {
    const {writes, stream} = fakeTerminal()
    stream.columns = 30
    let now = 0
    progressBar({lang: 'en', stream, env: {}, clock: () => (now += 1000)}).update(0.5)
    expect(writes[0]).toBe(`\r${'Simulating ▕████████████░░░░░'.slice(0, 28)}…\x1b[K`)
  })
})

describe('terminalStyle', () => {
  it('draws live on a terminal, colours unless NO_COLOR, nothing with TERM=dumb', () => {
    expect(terminalStyle({isTTY: true}, {TERM: 'xterm'})).toEqual({live: true, color: true})
    expect(terminalStyle({isTTY: true}, {NO_COLOR: '1'})).toEqual({live: true, color: false})
    expect(terminalStyle({isTTY: true}, {NO_COLOR: ''})).toEqual({live: true, color: true})
    expect(terminalStyle({isTTY: true}, {TERM: 'dumb'})).toEqual({live: false, color: false})
    expect(terminalStyle({isTTY: false}, {})).toEqual({live: false, color: false})
  })
})

describe('progress within replications', () => {
  const model = mmc(2, 1.5, 1)

  it('reports the clock in PROGRESS_STEPS steps, with the same result as an unwatched run', () => {
    const options = {seed: 5, horizon: 400, warmup: 40}
    const seen: number[] = []
    const watched = runCompiled(compileModel(model), options, (now) => seen.push(now))
    expect(seen).toHaveLength(PROGRESS_STEPS - 1)
    expect(seen[0]).toBe(400 / PROGRESS_STEPS)
    expect(seen.at(-1)).toBe((400 * (PROGRESS_STEPS - 1)) / PROGRESS_STEPS)
    expect(watched).toEqual(runCompiled(compileModel(model), options))
  })

  it('adds up simulated hours over replications, in the calling thread and on workers', async () => {
    for (const workers of [1, 2]) {
      const calls: SimProgress[] = []
      const run = await simulateModel(model, {seed: 3, replications: 3, horizon: 200, workers, onProgress: (p) => calls.push({...p})})
      expect(run).toEqual(await simulateModel(model, {seed: 3, replications: 3, horizon: 200, workers}))
      expect(calls.at(-1)).toEqual({replicationsDone: 3, replications: 3, hoursDone: 600, hoursTotal: 600})
      for (let i = 1; i < calls.length; i++) expect(calls[i].hoursDone).toBeGreaterThanOrEqual(calls[i - 1].hoursDone)
      // In the calling thread every step is reported: 256 per replication.
      if (workers === 1) expect(calls).toHaveLength(3 * PROGRESS_STEPS)
    }
  })

  it('spreads several runs over one bar', () => {
    const {writes, stream} = fakeTerminal()
    let now = 0
    const runs = runsProgress(4, {lang: 'en', stream, env: {}, clock: () => (now += 1000)})
    runs.forRun(2)({replicationsDone: 1, replications: 2, hoursDone: 100, hoursTotal: 200})
    expect(writes[0]).toContain(' 62% ') // (2 + 0.5) / 4
  })
})
