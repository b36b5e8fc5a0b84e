// Digests of every table compileModel builds, for checking that a change to the compiler
// leaves what the engine reads unchanged: `node bench/compile-digest.js [root] model.yaml...`
// prints one line per model: its name, the sha256 of all tables, and one per table with -v.
import {createHash} from 'node:crypto'
import {basename, dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const args = process.argv.slice(2)
const verbose = args.includes('-v')
const rest = args.filter((a) => a !== '-v')
const root = rest[0] !== undefined && !rest[0].endsWith('.yaml') ? resolve(rest.shift()) : join(dirname(fileURLToPath(import.meta.url)), '..')
const {loadModel} = await import(join(root, 'dist/model/load.js'))
const {compileModel} = await import(join(root, 'dist/sim/compile.js'))

/** Every table as [path, bytes], in key order; the model itself is the input, not a table. */
function* tables(value, path) {
  if (ArrayBuffer.isView(value)) yield [path, Buffer.from(value.buffer, value.byteOffset, value.byteLength), value.constructor.name]
  else if (value instanceof Map) yield [path, Buffer.from(JSON.stringify([...value])), 'Map']
  else if (Array.isArray(value) || typeof value !== 'object' || value === null) yield [path, Buffer.from(JSON.stringify(value) ?? 'undefined'), typeof value]
  else for (const k of Object.keys(value).sort()) if (!(path === '' && k === 'model')) yield* tables(value[k], path === '' ? k : `${path}.${k}`)
}

for (const file of rest) {
  const compiled = compileModel(await loadModel(resolve(file)))
  const all = createHash('sha256')
  const lines = []
  for (const [path, bytes, type] of tables(compiled, '')) {
    all.update(`${path}:${type}:${bytes.length}:`).update(bytes)
    if (verbose) lines.push(`  ${path} ${type} ${bytes.length} ${createHash('sha256').update(bytes).digest('hex').slice(0, 16)}`)
  }
  console.log(`${basename(file)} ${all.digest('hex')}`)
  for (const l of lines) console.log(l)
}
