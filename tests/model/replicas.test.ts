import {symlinkSync} from 'node:fs'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {loadModel} from '../../src/model/load.js'
import {problemsOf, tempFiles, tempModel} from './helpers.js'

const brief = (m: Awaited<ReturnType<typeof loadModel>>) => m.units.map((u) => `${u.id} ${u.name} s${u.staff} r${u.residents} h${u.households}`)

describe('replicas that differ', () => {
  it('takes one value per replica from lists, the rest from single values and defaults', async () => {
    const m = await loadModel(
      tempModel(`
units:
  - {id: c, count: 3, kind: community, tier: community, name: [东门, 西门, 南门], residents: [8000, 9000, 7000], staff: 12, households: [3000, 3500, 2500]}
  - {id: s, count: 2, kind: street, tier: street, staff: [10, 20], residents: [250, 0]}
`),
    )
    expect(brief(m)).toEqual([
      'c-1 东门 s12 r8000 h3000',
      'c-2 西门 s12 r9000 h3500',
      'c-3 南门 s12 r7000 h2500',
      // households default to round(residents / 2.5) per replica
      's-1 s-1 s10 r250 h100',
      's-2 s-2 s20 r0 h0',
    ])
  })

  it('repeats a list of `count` values under every parent replica, or runs a longer one through them all', async () => {
    const m = await loadModel(
      tempModel(`
units:
  - id: s
    count: 2
    kind: street
    tier: street
    children:
      - {id: a, count: 2, kind: community, tier: community, residents: [100, 200]}
      - {id: b, count: 2, kind: community, tier: community, residents: [1, 2, 3, 4]}
`),
    )
    expect(m.units.filter((u) => u.kind === 'community').map((u) => `${u.id}=${u.residents}`)).toEqual([
      's-1/a-1=100', 's-1/a-2=200', 's-1/b-1=1', 's-1/b-2=2',
      's-2/a-1=100', 's-2/a-2=200', 's-2/b-1=3', 's-2/b-2=4',
    ])
  })

  it('reads a CSV table relative to the file, with English or Chinese headers, GB18030 or UTF-8', async () => {
    const gbk = new Uint8Array([0xc3, 0xfb, 0xb3, 0xc6, 0x2c, 0xb3, 0xa3, 0xd7, 0xa1, 0xc8, 0xcb, 0xbf, 0xda, 0x0a, 0xb6, 0xab, 0x2c, 0x38, 0x0a]) // 名称,常住人口\n东,8\n
    const dir = tempFiles({
      'model.yaml': 'loudou: 1\nid: t\ninclude: [parts/units.yaml]\n',
      'parts/units.yaml': 'units:\n  - {id: c, count: 3, kind: community, tier: community, staff: 5, replicas: tables/c.csv}\n  - {id: g, count: 1, kind: community, replicas: g.csv}\n',
      'parts/tables/c.csv': 'name,staff,residents,households,备注,# mine\nA,12,"8,000",,old town,x\nB,,9000,4000,,\n\nC,9,,,,\n',
      'parts/g.csv': gbk,
    })
    const m = await loadModel(join(dir, 'model.yaml'))
    expect(brief(m)).toEqual(['c-1 A s12 r8000 h3200', 'c-2 B s5 r9000 h4000', 'c-3 C s9 r0 h0', 'g-1 东 s1 r8 h3'])
  })

  it('locates every list whose length fits neither count nor all replicas', async () => {
    const f = tempModel(`
units:
  - id: s
    count: 2
    kind: street
    children:
      - {id: a, count: 3, kind: community, name: [x, y]}
  - {id: b, kind: community, staff: [1, 2]}
`)
    const problems = await problemsOf(f)
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.line}:${p.column} ${p.path}: ${p.message} | ${p.hint}`)).toEqual([
      '9:50 units[0].children[0].name: `name` lists 2 values but `count` is 3 | give 3 (one per replica, the same under every replica of its parents) or 6 (one per replica in the whole model, in order) values',
      '10:37 units[1].staff: a list of `staff` needs `count` | add `count: N` (one value per replica), or give a single value',
    ])
  })

  it('refuses tables that are missing, outside the folder, of the wrong length, or hold bad cells', async () => {
    const dir = tempFiles({
      'm/model.yaml': `loudou: 1
id: t
units:
  - {id: a, kind: community, count: 2, replicas: nowhere.csv}
  - {id: b, kind: community, count: 2, replicas: ../out.csv}
  - {id: c, kind: community, count: 3, replicas: two.csv}
  - {id: d, kind: community, count: 1, replicas: bad.csv}
  - {id: e, kind: community, count: 2, replicas: two.csv, name: [p, q]}
  - {id: f, kind: community, replicas: two.csv}
  - {id: g, kind: community, count: 2, replicas: link.csv}
`,
      'out.csv': 'name\nx\ny\n',
      'm/two.csv': 'name\nx\ny\n',
      'm/bad.csv': 'name,人数,floors\nx,-3,2\n',
    })
    symlinkSync(join(dir, 'out.csv'), join(dir, 'm', 'link.csv'))
    const problems = await problemsOf(join(dir, 'm', 'model.yaml'))
    expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file.replace(dir, '')}:${p.line}:${p.column} ${p.message}`)).toEqual([
      expect.stringMatching(/model\.yaml:4:\d+ replica table `nowhere.csv` not found$/),
      expect.stringMatching(/model\.yaml:5:\d+ replicas `..\/out.csv` lies outside the model's folder$/),
      expect.stringMatching(/model\.yaml:6:\d+ `two.csv` has 2 rows but `count` is 3$/),
      expect.stringMatching(/bad\.csv:1:3 unknown column `floors`$/),
      expect.stringMatching(/bad\.csv:2:2 staff `-3` is not a number of 0 or more$/),
      expect.stringMatching(/model\.yaml:8:\d+ `name` is given both here and in `two.csv`$/),
      expect.stringMatching(/model\.yaml:9:\d+ `replicas` needs `count`$/),
      expect.stringMatching(/model\.yaml:10:\d+ replicas `link.csv` lies outside the model's folder$/),
    ])
  })
})
