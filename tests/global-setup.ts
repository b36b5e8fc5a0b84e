// The suite runs the built modules (vitest.config.ts): refuse to start on a dist/ that is
// missing or older than src/, which would test yesterday's code. `npm test` builds first.
import {existsSync, readdirSync, statSync} from 'node:fs'
import {join} from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/** The newest modification time of the files under `dir`, in ms. */
function newest(dir: string): number {
  let t = 0
  for (const e of readdirSync(dir, {withFileTypes: true, recursive: true})) if (e.isFile()) t = Math.max(t, statSync(join(e.parentPath, e.name)).mtimeMs)
  return t
}

export default function setup(): void {
  // The manifest is the build's last step.
  const manifest = join(ROOT, 'oclif.manifest.json')
  if (!existsSync(join(ROOT, 'dist', 'sim')) || !existsSync(join(ROOT, 'dist', 'commands')) || !existsSync(manifest)) throw new Error('dist/ is missing: run `npm run build` first (npm test does)')
  if (newest(join(ROOT, 'src')) > statSync(manifest).mtimeMs) throw new Error('src/ changed since the last build: run `npm run build` first (npm test does)')
}
