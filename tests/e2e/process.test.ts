// The few things only a real process shows: the binary starts through bin/run.js, exit codes
// and the split of stdout and stderr on a pipe, and shell completion in a real bash. Every
// other command test runs in-process (tests/helpers/run-command.ts).
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCli} from '../helpers/cli.js'

describe('the loudou process', () => {
  it('starts from bin/run.js and prints its version', () => {
    const r = runCli(['--version'])
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^loudou\/\d+\.\d+\.\d+ /)
    expect(r.stderr).toBe('')
  })

  it('keeps machine output on stdout and messages on stderr, with exit codes 0, 1 and 2', () => {
    const ok = runCli(['simulate', 'models/classroom.yaml', '-r', '2', '--horizon', '200h', '--workers', '2', '--json'])
    expect(ok.code).toBe(0)
    // A 200 h run of this model may warn about its length; warnings are messages, so stderr.
    expect(ok.stderr.split('\n').filter((l) => l !== '' && !/^(warning: |    hint: )/.test(l))).toEqual([])
    expect(JSON.parse(ok.stdout).model.id).toBe('classroom')

    const bad = runCli(['validate', 'tests/fixtures/model/invalid/schema-errors.yaml'])
    expect(bad.code).toBe(1)
    expect(bad.stdout).toBe('')
    expect(bad.stderr).toMatch(/^tests\/fixtures\/model\/invalid\/schema-errors\.yaml:2:5 id: /)

    const piped = runCli(['validate', '-'], {}, readFileSync(join(ROOT, 'models/classroom.yaml'), 'utf8'))
    expect([piped.code, piped.stdout]).toEqual([0, ''])
    expect(piped.stderr).toMatch(/^classroom: valid — /)

    const usage = runCli(['simulate', 'models/classroom.yaml', '--horizon', 'soon'])
    expect(usage.code).toBe(2)
    expect(usage.stdout).toBe('')
    expect(usage.stderr).toContain('--horizon')
    expect(usage.stderr).not.toMatch(/\n\s+at /)
  })

  it('completes commands and flags in bash, and writes the zsh completion', () => {
    const cache = mkdtempSync(join(tmpdir(), 'loudou-complete-'))
    const env = {LOUDOU_CACHE_DIR: cache}
    expect(runCli(['autocomplete', '--refresh-cache'], env).code).toBe(0)
    const setup = runCli(['autocomplete', 'script', 'bash'], env).stdout.trim()
    const complete = (...words: string[]) =>
      execFileSync('bash', ['-c', `${setup}\nCOMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}; _loudou_autocomplete; echo "\${COMPREPLY[@]}"`], {cwd: ROOT, encoding: 'utf8'}).trim().split(/\s+/)
    expect(complete('loudou', 'sim')).toEqual(['simulate'])
    expect(complete('loudou', 'simulate', '--ev')).toEqual(['--events', '--events-format', '--events-limit'])
    const zsh = readFileSync(join(cache, 'autocomplete', 'functions', 'zsh', '_loudou'), 'utf8')
    expect(zsh).toMatch(/^#compdef loudou/)
    expect(zsh).toMatch(/"simulate\[[^\]]+\]"/)
    expect(zsh).toContain('--events-format"[event log format')
  })
})
