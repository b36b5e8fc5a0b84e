// Outputs never destroy anything: --out, --events and --html refuse the run's inputs, folders,
// devices and symlink loops; write through symlinks; `-` and /dev/stdout mean stdout; the temp
// file beside the target is gone after every outcome.
import {closeSync, copyFileSync, linkSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, statSync, symlinkSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'
import {makeScratch, removeScratch, sweepScratch, trackedPaths} from '../../src/cli/cleanup.js'
import {UserError, discardStaged, stageOutput, writeStagedBytes} from '../../src/cli/output.js'

const CLASSROOM = join(ROOT, 'models/classroom.yaml')
const QUICK = ['--horizon', '100h', '-r', '2', '--workers', '1']

function workdir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'loudou-outputs-'))
  copyFileSync(CLASSROOM, join(dir, 'm.yaml'))
  return dir
}

/** Names in `dir` that look like our temp files. */
function temps(dir: string): string[] {
  return readdirSync(dir).filter((n) => n.endsWith('.tmp'))
}

describe('--out safety', () => {
  it('refuses to write over the input model and leaves it as it was', async () => {
    const dir = workdir()
    const model = join(dir, 'm.yaml')
    const before = readFileSync(model, 'utf8')
    const r = await runCommand(['simulate', model, ...QUICK, '--json', '--out', model])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--out .*m\.yaml is an input of this run: it would be overwritten/)
    expect(r.stderr).toContain('hint: choose another file name')
    expect(readFileSync(model, 'utf8')).toBe(before)
    expect(temps(dir)).toEqual([])
  })

  it('refuses an included file, a scenario base and a hard link to an input', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'loudou-outputs-'))
    writeFileSync(join(dir, 'root.yaml'), 'loudou: 1\nid: r\nname: R\ninclude: part.yaml\n')
    writeFileSync(join(dir, 'part.yaml'), 'units:\n  - {id: c, kind: community, tier: community, staff: 2, residents: 1000}\n')
    const inc = await runCommand(['inspect', join(dir, 'root.yaml'), '--json', '--out', join(dir, 'part.yaml')])
    expect(inc.code).toBe(1)
    expect(inc.stderr).toContain('part.yaml')
    expect(readFileSync(join(dir, 'part.yaml'), 'utf8')).toContain('units:')

    const scen = join(ROOT, 'scenarios/classroom/flatten.yaml')
    const base = await runCommand(['simulate', scen, ...QUICK, '--json', '--out', CLASSROOM])
    expect(base.code).toBe(1)
    expect(base.stderr).toMatch(/is an input of this run/)

    const dir2 = workdir()
    linkSync(join(dir2, 'm.yaml'), join(dir2, 'hard.json'))
    const hard = await runCommand(['export', join(dir2, 'm.yaml'), '--format', 'json', '--out', join(dir2, 'hard.json')])
    expect(hard.code).toBe(1)
    expect(hard.stderr).toMatch(/hard\.json is the input .*m\.yaml of this run/)
  })

  it('refuses a folder, a device and a symlink loop; an empty name is a usage error', async () => {
    const dir = workdir()
    const model = join(dir, 'm.yaml')
    const folder = await runCommand(['export', model, '--format', 'json', '--out', dir])
    expect(folder.code).toBe(1)
    expect(folder.stderr).toMatch(/is a folder/)
    const device = await runCommand(['export', model, '--format', 'json', '--out', '/dev/null'])
    expect(device.code).toBe(1)
    expect(device.stderr).toMatch(/\/dev\/null is a device, not a regular file: it is left as it is/)
    expect(statSync('/dev/null').isCharacterDevice()).toBe(true)
    symlinkSync('loop-b', join(dir, 'loop-a'))
    symlinkSync('loop-a', join(dir, 'loop-b'))
    const loop = await runCommand(['export', model, '--format', 'json', '--out', join(dir, 'loop-a')])
    expect(loop.code).toBe(1)
    expect(loop.stderr).toMatch(/symlink that loops/)
    const empty = await runCommand(['export', model, '--format', 'json', '--out', ''])
    expect(empty.code).toBe(2)
    expect(empty.stderr).toMatch(/--out was given an empty file name/)
    const zh = await runCommand(['export', model, '--format', 'json', '--out', dir, '--lang', 'zh'])
    expect(zh.stderr).toMatch(/错误：--out .* 是一个文件夹/)
  })

  it('writes through a symlink to its target, leaving the link in place', async () => {
    const dir = workdir()
    writeFileSync(join(dir, 'real.json'), 'old\n')
    symlinkSync('real.json', join(dir, 'link.json'))
    const r = await runCommand(['export', join(dir, 'm.yaml'), '--format', 'json', '--out', join(dir, 'link.json')])
    expect(r.code).toBe(0)
    expect(lstatSync(join(dir, 'link.json')).isSymbolicLink()).toBe(true)
    expect(readlinkSync(join(dir, 'link.json'))).toBe('real.json')
    expect(JSON.parse(readFileSync(join(dir, 'real.json'), 'utf8'))).toHaveProperty('nodes')
    expect(temps(dir)).toEqual([])
  })

  it('treats - and /dev/stdout as stdout', async () => {
    const dir = workdir()
    for (const out of ['-', '/dev/stdout']) {
      const r = await runCommand(['export', join(dir, 'm.yaml'), '--format', 'json', '--out', out])
      expect(r.code).toBe(0)
      expect(JSON.parse(r.stdout)).toHaveProperty('nodes')
      expect(r.stderr).not.toContain('wrote')
    }
  })

  it('refuses --events over the model before running, and a path through a file', async () => {
    const dir = workdir()
    const model = join(dir, 'm.yaml')
    const r = await runCommand(['simulate', model, ...QUICK, '--events', model])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/--events .* is an input of this run/)
    const through = await runCommand(['simulate', model, ...QUICK, '--events', join(model, 'log.json')])
    expect(through.code).toBe(1)
    expect(through.stderr).toMatch(/--events .*log.json: part of the path is a file, not a folder/)
    expect(temps(dir)).toEqual([])
    expect(trackedPaths()).toEqual([])
  })

  it('init on a file says so instead of EEXIST', async () => {
    const dir = workdir()
    const r = await runCommand(['init', join(dir, 'm.yaml')])
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/m\.yaml is a file, not a folder/)
  })
})

describe('staged writes and scratch folders', () => {
  it('a failed write removes its temp file and keeps the target', () => {
    const dir = workdir()
    const target = join(dir, 'out.json')
    writeFileSync(target, 'keep\n')
    const s = stageOutput(target)
    expect(existsSync(s.temp)).toBe(true)
    expect(trackedPaths()).toContain(s.temp)
    closeSync(s.fd)
    let caught: unknown
    try {
      writeStagedBytes(s, Buffer.from('new'))
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(UserError)
    expect((caught as UserError).message).toContain(target)
    s.fd = -1
    discardStaged(s)
    expect(temps(dir)).toEqual([])
    expect(readFileSync(target, 'utf8')).toBe('keep\n')
    expect(trackedPaths()).toEqual([])
  })

  it('sweeps scratch folders and temp files whose process is gone, and keeps live ones', () => {
    const base = mkdtempSync(join(tmpdir(), 'loudou-sweep-'))
    // Pid 2^22 + 1 is above Linux's pid_max default range for a running test machine.
    const dead = 4194305
    mkdirSync(join(base, `loudou-${dead}-0123456789ab`))
    writeFileSync(join(base, `loudou-${dead}-0123456789ab`, 'events.json'), 'x')
    mkdirSync(join(base, `loudou-${process.pid}-0123456789ab`))
    mkdirSync(join(base, 'loudou-notes'))
    expect(sweepScratch(base)).toEqual([`loudou-${dead}-0123456789ab`])
    expect(readdirSync(base).sort()).toEqual([`loudou-${process.pid}-0123456789ab`, 'loudou-notes'])
    const mine = makeScratch(base)
    expect(mine).toMatch(new RegExp(`loudou-${process.pid}-[0-9a-f]{12}$`))
    removeScratch(mine)
    expect(existsSync(mine)).toBe(false)

    const out = join(base, 'out.json')
    writeFileSync(join(base, `.out.json.${dead}-0123456789ab.tmp`), 'half')
    const s = stageOutput(out)
    expect(temps(base)).toEqual([s.temp.slice(base.length + 1)])
    discardStaged(s)
  })
})
