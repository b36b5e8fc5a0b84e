import {availableParallelism} from 'node:os'
import {join} from 'node:path'
import {BaseSequencer, type TestSpecification} from 'vitest/node'
import {defineConfig} from 'vitest/config'

/**
 * The longest files, started first so that the two workers finish together. Vitest orders by
 * the durations it cached on an earlier run; on a fresh machine (CI) it has none and would
 * run these in directory order, one of them possibly last and alone.
 */
const LONGEST = [
  'tests/report/browser.test.ts',
  'tests/commands/examples.test.ts',
  'tests/sim/runs.test.ts',
  'tests/sim/warmup-coverage.test.ts',
  'tests/sim/queueing.test.ts',
  'tests/e2e/terminal.test.ts',
  'tests/e2e/pack.test.ts',
]

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification): number => {
      const i = LONGEST.findIndex((l) => f.moduleId.endsWith(l))
      return i < 0 ? LONGEST.length : i
    }
    return (await super.sort(files)).map((f, i) => ({f, i})).sort((a, b) => rank(a.f) - rank(b.f) || a.i - b.i).map(({f}) => f)
  }
}

const DIST = join(import.meta.dirname, 'dist')

export default defineConfig({
  resolve: {
    // Tests import the sources (`../../src/…`, so that the type check sees them) but run the
    // built modules, loaded by Node itself (`external` below): Vite's transform turns every
    // imported name into a property read on a module object, which made the simulator three to
    // four times slower under the test runner (tests/sim/queueing.test.ts: 15 s, 4 s now).
    // `npm test` builds first, and tests/global-setup.ts refuses a dist/ older than src/. A
    // test that must mock a module imports the sources by absolute path, which stays in Vite.
    alias: [{find: /^(?:\.\.\/)+src\/(.*)\.(?:js|tsx?)$/, replacement: `${DIST}/$1.js`}],
  },
  test: {
    globalSetup: ['./tests/global-setup.ts'],
    server: {deps: {external: [/\/dist\//]}},
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // One test file per core. Vitest's default keeps a core for itself (one worker on a 2-core
    // machine), but its main process only collects results: on 2 cores two workers finish the
    // suite in about half the time.
    maxWorkers: availableParallelism(),
    // Test files share their worker's modules instead of importing oclif, ink and the simulator
    // afresh each: a third less CPU for the suite. The files restore what they change (the
    // working folder, process.exit, timers, environment).
    isolate: false,
    sequence: {sequencer: LongestFirst},
    disableConsoleIntercept: true,
    reporters: ['default', './tests/closing-line-reporter.ts'],
  },
})
