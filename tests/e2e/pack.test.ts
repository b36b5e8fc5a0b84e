// Packaging, end to end: the tarball `npm pack` makes holds what runs and nothing of the
// development tools; installed into an empty folder with its runtime dependencies only, the
// `loudou` it puts on the path prints help, validates and simulates a shipped model. (`npm
// test` has built dist/ and the manifest; the pack skips `prepack`, which builds them again.)
import {execFileSync, spawnSync} from 'node:child_process'
import {mkdtempSync, readFileSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {beforeAll, describe, expect, it} from 'vitest'
import {ROOT, USER_ENV} from '../helpers/cli.js'

const dir = mkdtempSync(join(tmpdir(), 'loudou-pack-'))
const app = join(dir, 'app')
let files: string[] = []

const npm = (args: string[], cwd: string): string => execFileSync('npm', args, {cwd, encoding: 'utf8', env: {...process.env, npm_config_update_notifier: 'false'}})

/** Runs the installed `loudou` through npx, as a user would, from the install folder. */
function loudou(...args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'loudou', ...args], {cwd: app, encoding: 'utf8', env: {...USER_ENV, LANG: 'C', LOUDOU_LANG: '', NO_COLOR: '1'}})
  return {code: r.status, stdout: r.stdout, stderr: r.stderr}
}

beforeAll(() => {
  const [packed] = JSON.parse(npm(['pack', '--ignore-scripts', '--json', '--pack-destination', dir], ROOT)) as Array<{filename: string; files: Array<{path: string}>}>
  files = packed.files.map((f) => f.path)
  execFileSync('mkdir', [app])
  writeFileSync(join(app, 'package.json'), '{"name": "app", "version": "1.0.0", "private": true}\n')
  // Tarballs of the dependencies come from the local npm cache (npm ci filled it).
  npm(['install', '--prefer-offline', '--no-audit', '--no-fund', '--omit=dev', '--ignore-scripts', join(dir, packed.filename)], app)
}, 600_000)

describe('the packed loudou', () => {
  it('ships the built CLI, its manifest, models and docs, and no development tools', () => {
    for (const f of ['LICENSE', 'README.md', 'package.json', 'bin/run.js', 'oclif.manifest.json', 'dist/commands/simulate.js', 'models/classroom.yaml', 'docs/event-logs.md']) expect(files).toContain(f)
    expect(files.filter((f) => /^(src|tests|bench|scripts)\//.test(f) || f === 'bin/dev.js' || f.endsWith('.ts'))).toEqual([])
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'))
    expect(pkg.scripts.prepack).toBe('npm run typecheck && npm run build')
    for (const dev of ['tsx', 'vitest', 'graphology-metrics', 'graphology-shortest-path', 'graphology-graphml', 'sigma', 'ajv']) expect(Object.keys(pkg.dependencies)).not.toContain(dev)
  })

  it('runs from the install folder: help, validate and simulate', () => {
    const help = loudou('--help')
    expect(help.code).toBe(0)
    expect(help.stdout).toMatch(/^ {2}simulate /m)
    const model = join('node_modules', 'loudou', 'models', 'classroom.yaml')
    const valid = loudou('validate', model)
    expect(valid.code).toBe(0)
    expect(valid.stderr).toMatch(/^classroom: valid — \d+ units, \d+ tasks, \d+ demand, \d+ relations\n$/)
    const sim = loudou('simulate', model, '-r', '2', '--horizon', '200h', '--json')
    expect(sim.code).toBe(0)
    expect(JSON.parse(sim.stdout)).toMatchObject({model: {id: 'classroom'}, replications: 2, horizon: 200})
  })
})
