#!/usr/bin/env node
// Bundles what the binary loads at start-up, so that a command reads a few files instead of
// several hundred: bin/run.js → dist/cli/main.js, every command (dist/commands/**, the paths the
// oclif manifest names) and the not-found hook, with @oclif/core, zod and yaml inside. Code
// shared between them lands once in dist/chunks/ (ESM code splitting); a module imported lazily
// stays a chunk of its own, loaded when used. Run by `npm run build` after build-transpile.mjs, whose
// output it overwrites at those paths; the rest of that dist/ stays (worker threads start from
// dist/sim/worker.js and dist/sweep/worker.js, scripts import dist modules).
//
// Packages loaded only by some commands (ink, react, exceljs, graphology …) stay outside the
// bundle and load from node_modules as before: bundling them would gain little and risk much.
import {build} from 'esbuild'
import {mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join, relative, sep} from 'node:path'
import {fileURLToPath, pathToFileURL} from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const src = join(root, 'src')
const dist = join(root, 'dist')

/** Packages bundled, with what they import. */
const INLINE = new Set(['@oclif/core', 'zod', 'yaml', 'is-wsl', 'csv-parse'])
/** Never bundled: oclif's development-only loaders, and the interactive did-you-mean prompt (the hook imports it only at a terminal). */
const NEVER = new Set(['typescript', 'ts-node', 'tsx', 'pnpapi', '@oclif/plugin-not-found'])
const packageOf = (spec) => spec.split('/').slice(0, spec.startsWith('@') ? 2 : 1).join('/')

// A module's own location: `import.meta.url` in the sources means "where this module's file
// is" (the report's assets, worker scripts beside the module). Bundled, the module lands in
// another file, so the expression is replaced by the URL of the file build-transpile.mjs wrote for it.
const HERE = '__loudouModuleUrl__'

const commands = readdirSync(join(src, 'commands'), {recursive: true}).filter((f) => f.endsWith('.ts')).map((f) => join(src, 'commands', f))
const entryPoints = [...commands, join(src, 'cli', 'hooks', 'not-found.ts'), join(src, 'cli', 'main.ts')]

const result = await build({
  entryPoints,
  outdir: dist,
  outbase: src,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  jsx: 'automatic',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS code inside an ES module (oclif) still calls require.
  banner: {js: "import {createRequire as __loudouCreateRequire} from 'node:module'; const require = __loudouCreateRequire(import.meta.url);"},
  write: false,
  logLevel: 'warning',
  plugins: [
    {
      name: 'loudou',
      setup(b) {
        b.onResolve({filter: /^[^./]/}, (a) => {
          if (a.path.startsWith('node:')) return undefined
          const name = packageOf(a.path)
          if (NEVER.has(name)) return {external: true}
          if (INLINE.has(name) || a.importer.includes(`${sep}node_modules${sep}`)) return undefined
          return {external: true}
        })
        // zod's messages in 40-odd languages, all imported by its index: loudou words most of
        // its messages itself (src/model/zod-problems.ts) and uses only zod's default, English.
        b.onLoad({filter: /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/}, (a) => ({contents: "export {default as en} from './en.js'", loader: 'js', resolveDir: dirname(a.path)}))
        // @oclif/core checks the running Node against its own `engines` (>= 18) at load, with
        // semver (50 modules): loudou needs Node 20 anyway, so the check can never warn.
        b.onLoad({filter: /[\\/]@oclif[\\/]core[\\/]lib[\\/]index\.js$/}, (a) => {
          const text = readFileSync(a.path, 'utf8')
          if (!text.includes('\ncheckNodeVersion();\n')) throw new Error(`${a.path}: checkNodeVersion() not found; review this step`)
          return {contents: text.replace('\ncheckNodeVersion();\n', '\n'), loader: 'js'}
        })
        b.onLoad({filter: /[\\/]src[\\/].*\.tsx?$/}, (a) => {
          const text = readFileSync(a.path, 'utf8')
          if (!text.includes('import.meta.url')) return undefined
          const js = relative(src, a.path).replace(/\.tsx?$/, '.js').split(sep).join('/')
          return {contents: text.replaceAll('import.meta.url', `${HERE}(${JSON.stringify(js)})`), loader: a.path.endsWith('x') ? 'tsx' : 'ts'}
        })
      },
    },
  ],
})

rmSync(join(dist, 'chunks'), {recursive: true, force: true})
for (const file of result.outputFiles) {
  const text = file.text.replace(new RegExp(`${HERE}\\("([^"]+)"\\)`, 'g'), (_, js) => {
    const rel = relative(dirname(file.path), join(dist, js)).split(sep).join('/')
    return `new URL(${JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`)}, import.meta.url).href`
  })
  if (text.includes(HERE)) throw new Error(`${file.path}: a module location was not replaced`)
  mkdirSync(dirname(file.path), {recursive: true})
  writeFileSync(file.path, text)
}

// Every file loads: a chunk that fails only when first needed would otherwise show up late.
for (const file of result.outputFiles) {
  if (file.path.endsWith('.js')) await import(pathToFileURL(file.path).href)
}
