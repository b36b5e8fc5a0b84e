#!/usr/bin/env node
// Bundles the report's browser script (sigma.js + graphology) into one minified IIFE that
// `loudou report` inlines into the HTML, so the report works offline.
import {build} from 'esbuild'
import {mkdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const outfile = join(root, 'dist', 'assets', 'report-graph.js')
mkdirSync(dirname(outfile), {recursive: true})
await build({
  entryPoints: [join(root, 'src', 'report', 'browser', 'graph.js')],
  outfile,
  bundle: true,
  format: 'iife',
  minify: true,
  target: ['es2020'],
  platform: 'browser',
  legalComments: 'eof',
  banner: {js: '/* loudou report graph. Includes sigma.js and graphology, MIT licence. */'},
  logLevel: 'warning',
})
