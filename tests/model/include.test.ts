import {symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {FIXTURES, errorsOf, problemsOf, tempFiles} from './helpers.js'

const ROOT = 'loudou: 1\nid: inc\n'

describe('include', () => {
  it('merges included files recursively: lists concatenate in order', async () => {
    const dir = tempFiles({
      'model.yaml': `${ROOT}include: [parts/a.yaml]\nkinds: [team]\nunits: [{id: root, kind: government, tier: district}]\n`,
      'parts/a.yaml': 'include: sub/b.yaml\nunits: [{id: a, kind: team, parent: root}]\n',
      'parts/sub/b.yaml': 'units: [{id: b, kind: team, parent: a}]\nname: Named in b\n',
    })
    const m = await loadModel(join(dir, 'model.yaml'))
    expect(m.units.map((u) => u.id)).toEqual(['root', 'a', 'b'])
    expect(m.name).toBe('Named in b')
    expect(m.units[2].loc!.file).toBe(join(dir, 'parts', 'sub', 'b.yaml'))
  })

  it('allows `..` that stays inside the root folder', async () => {
    const dir = tempFiles({
      'model.yaml': `${ROOT}include: [x/a.yaml]\n`,
      'x/a.yaml': 'include: ../y/b.yaml\n',
      'y/b.yaml': 'kinds: [team]\n',
    })
    expect((await loadModel(join(dir, 'model.yaml'))).kinds.map((k) => k.id)).toEqual(['team'])
  })

  it('names the included file in its problems', async () => {
    const dir = tempFiles({
      'model.yaml': `${ROOT}include: [parts/a.yaml]\n`,
      'parts/a.yaml': '# comment\nunits:\n  - {id: a, kind: team}\n',
    })
    const [p] = await problemsOf(join(dir, 'model.yaml'))
    expect(p).toMatchObject({file: join(dir, 'parts', 'a.yaml'), line: 3, path: 'units[0].kind', message: 'unknown kind `team`'})
  })

  it('refuses `..` escapes out of the model folder', async () => {
    const [p] = await problemsOf(join(FIXTURES, 'hostile', 'escape-include.yaml'))
    expect(p).toMatchObject({line: 3, path: 'include[0]', message: "include `../valid/departments.yaml` lies outside the model's folder"})
  })

  it('refuses absolute paths', async () => {
    const [p] = await problemsOf(join(FIXTURES, 'hostile', 'absolute-include.yaml'))
    expect(p).toMatchObject({line: 3, path: 'include', message: 'include `/etc/passwd` is an absolute path'})
  })

  it('refuses symlinks pointing outside the folder, even when their name is inside', async () => {
    const outside = tempFiles({'secret.yaml': 'units: []\n'})
    const dir = tempFiles({'model.yaml': `${ROOT}include: [link.yaml, linkdir/secret.yaml]\n`})
    symlinkSync(join(outside, 'secret.yaml'), join(dir, 'link.yaml'))
    symlinkSync(outside, join(dir, 'linkdir'))
    const p = await problemsOf(join(dir, 'model.yaml'))
    expect(p.map((x) => `${x.path}: ${x.message}`)).toEqual([
      "include[0]: include `link.yaml` lies outside the model's folder",
      "include[1]: include `linkdir/secret.yaml` lies outside the model's folder",
    ])
  })

  it('accepts a symlink that points inside the folder', async () => {
    const dir = tempFiles({'model.yaml': `${ROOT}include: [alias.yaml]\n`, 'real/kinds.yaml': 'kinds: [team]\n'})
    symlinkSync(join(dir, 'real', 'kinds.yaml'), join(dir, 'alias.yaml'))
    expect((await loadModel(join(dir, 'model.yaml'))).kinds).toHaveLength(1)
  })

  it('refuses include cycles without looping', async () => {
    const dir = tempFiles({
      'model.yaml': `${ROOT}include: a.yaml\n`,
      'a.yaml': 'include: b.yaml\n',
      'b.yaml': 'include: [a.yaml, model.yaml]\n',
    })
    const p = await problemsOf(join(dir, 'model.yaml'))
    expect(p.map((x) => `${x.file.slice(dir.length + 1)} ${x.path}: ${x.message.replaceAll(dir + '/', '')}`)).toEqual([
      'b.yaml include[0]: include cycle: a.yaml → b.yaml → a.yaml',
      'b.yaml include[1]: include cycle: model.yaml → a.yaml → b.yaml → model.yaml',
    ])
  })

  it('refuses a file included twice', async () => {
    const dir = tempFiles({'model.yaml': `${ROOT}include: [a.yaml, b.yaml]\n`, 'a.yaml': 'include: c.yaml\n', 'b.yaml': 'include: c.yaml\n', 'c.yaml': 'kinds: [t]\n'})
    const p = await problemsOf(join(dir, 'model.yaml'))
    expect(p.map((x) => x.message.replaceAll(dir + '/', ''))).toEqual(['`c.yaml` is already included (as c.yaml)'])
  })

  it('reports a missing included file at the include', async () => {
    const dir = tempFiles({'model.yaml': `${ROOT}include: [nothere.yaml]\n`})
    expect((await problemsOf(join(dir, 'model.yaml')))[0]).toMatchObject({line: 3, message: 'included file `nothere.yaml` not found'})
  })

  it('refuses a folder or a device as an included file, at the include', async () => {
    const dir = tempFiles({'model.yaml': `${ROOT}include: [sub, dev.yaml]\n`, 'sub/a.yaml': 'units: []\n'})
    symlinkSync('/dev/null', join(dir, 'dev.yaml'))
    const problems = await problemsOf(join(dir, 'model.yaml'))
    expect(problems.map((p) => `${p.file === join(dir, 'model.yaml')} ${p.line}:${p.column} ${p.path}: ${p.message}`)).toEqual([
      'true 3:11 include[0]: included `sub` is not a regular file',
      // /dev/null lies outside the folder: confinement is checked first.
      "true 3:16 include[1]: include `dev.yaml` lies outside the model's folder",
    ])
  })

  it('refuses a scalar set in two files, naming both', async () => {
    const dir = tempFiles({'model.yaml': `${ROOT}include: a.yaml\n`, 'a.yaml': 'id: other\n'})
    const [p] = await problemsOf(join(dir, 'model.yaml'))
    expect(p).toMatchObject({file: join(dir, 'a.yaml'), line: 1, path: 'id'})
    expect(p.message).toBe(`\`id\` is already set in ${join(dir, 'model.yaml')}:2`)
  })

  it('checks hostile included files too, and names them', async () => {
    const dir = tempFiles({'model.yaml': `${ROOT}include: [bin.yaml, empty.yaml]\n`, 'bin.yaml': new Uint8Array([0x61, 0, 0x62]), 'empty.yaml': ''})
    const p = errorsOf(await problemsOf(join(dir, 'model.yaml')))
    expect(p.map((x) => `${x.file.slice(dir.length + 1)}: ${x.message}`)).toEqual([
      'bin.yaml: binary file: NUL byte at offset 1',
      'empty.yaml: the file is empty',
    ])
  })
})
