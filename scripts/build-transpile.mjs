#!/usr/bin/env node
// Writes dist/ from src/: one JavaScript module per TypeScript module, at the same relative path,
// types stripped. Type checking is a separate step (`npm run typecheck`, which also covers the
// tests and benchmarks, and which `npm test` and `prepack` run): checking the sources twice, once
// here and once there, cost about 25 s of CPU per build. tsconfig.json sets `isolatedModules`, so
// the type checker refuses any module this one-file-at-a-time transpile would get wrong.
import {build} from 'esbuild'
import {readdirSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')

const entryPoints = readdirSync(src, {recursive: true})
  .filter((f) => /\.tsx?$/.test(f) && !f.endsWith('.d.ts'))
  .map((f) => join(src, f))

await build({
  entryPoints,
  outdir: join(root, 'dist'),
  outbase: src,
  bundle: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  tsconfig: join(root, 'tsconfig.json'),
  logLevel: 'warning',
})
