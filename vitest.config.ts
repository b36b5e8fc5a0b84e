import {availableParallelism} from 'node:os'
import {defineConfig} from 'vitest/config'

export default defineConfig({
  test: {
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
    disableConsoleIntercept: true,
    reporters: ['default', './tests/closing-line-reporter.ts'],
  },
})
