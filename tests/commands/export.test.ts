// `loudou export` in-process through oclif. The GraphML it writes is read back the way
// networkx reads it (tests/export/networkx_like.py) and must hold exactly as many nodes
// and edges as `loudou inspect` reports.
import {execFileSync} from 'node:child_process'
import {mkdtempSync, writeFileSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'
import {ROOT, runCommand} from '../helpers/run-command.js'

const MODEL = 'tests/helpers/fixtures/funnel.yaml'
const READER = join(ROOT, 'tests', 'export', 'networkx_like.py')

const cli = (...args: string[]) => runCommand(args)

describe('loudou export', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loudou-export-cmd-'))

  for (const model of [MODEL, 'models/classroom.yaml']) {
    it(`writes GraphML with the node and edge counts inspect reports (${model})`, async () => {
      const file = join(dir, 'g.graphml')
      const r = await cli('export', model, '--format', 'graphml', '--out', file)
      expect(r.code).toBe(0)
      expect(r.stdout).toBe('')
      const inspect = JSON.parse((await cli('inspect', model, '--json')).stdout)
      expect(r.stderr).toBe(`wrote ${file}: ${inspect.graph.nodes} nodes, ${inspect.graph.edges} edges (graphml)\n`)
      const read = JSON.parse(execFileSync('python3', [READER, 'graphml', file], {encoding: 'utf8'}))
      expect([read.nodes, read.edges]).toEqual([inspect.graph.nodes, inspect.graph.edges])
      expect(read.directed).toBe(true)
    })
  }

  it('writes GEXF, DOT and JSON to stdout', async () => {
    const gexf = await cli('export', MODEL, '--format', 'gexf')
    expect(gexf.code).toBe(0)
    const file = join(dir, 'g.gexf')
    writeFileSync(file, gexf.stdout)
    expect(JSON.parse(execFileSync('python3', [READER, 'gexf', file], {encoding: 'utf8'}))).toMatchObject({nodes: 12, edges: 28})
    const dot = await cli('export', MODEL, '--format', 'dot')
    expect(dot.stdout.startsWith('digraph "funnel-fixture" {')).toBe(true)
    expect(dot.stdout.match(/ -> /g)).toHaveLength(28)
    const json = JSON.parse((await cli('export', MODEL, '--format', 'json')).stdout)
    expect([json.nodes.length, json.edges.length]).toEqual([12, 28])
    expect(json.options).toEqual({type: 'directed', multi: true, allowSelfLoops: false})
  })

  it('is a usage error (exit 2) without a known --format', async () => {
    expect((await cli('export', MODEL)).code).toBe(2)
    const bad = await cli('export', MODEL, '--format', 'xml')
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('graphml, gexf, dot, json')
  })

  it('exits 1 naming the file when the model is missing', async () => {
    const r = await cli('export', 'missing.yaml', '--format', 'dot')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/^missing\.yaml:1:1 /)
  })
})
