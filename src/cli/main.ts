// What bin/run.js runs; scripts/build-bundle.mjs bundles it with @oclif/core, which it
// imports only when needed.
import {readFileSync} from 'node:fs'
import {arch} from 'node:os'
import isWsl from 'is-wsl'

/** Runs the CLI whose bin/run.js has the URL `bin`. */
export async function main(bin: string, argv: string[] = process.argv.slice(2)): Promise<void> {
  const pjson = JSON.parse(readFileSync(new URL('../package.json', bin), 'utf8')) as {name: string; version: string; oclif: {additionalVersionFlags?: string[]}}
  // `--version` (or `-v`) answers the way oclif does (oclif too looks at the first argument
  // only) with the line oclif prints, its userAgent built the same way, without loading oclif:
  // that alone takes about 0.2 s. No init hook is skipped: neither loudou nor its plugins have one.
  if (['--version', ...(pjson.oclif.additionalVersionFlags ?? [])].includes(argv[0])) {
    const platform = isWsl ? 'wsl' : process.platform
    process.stdout.write(`${pjson.name}/${pjson.version} ${platform}-${arch() === 'ia32' ? 'x86' : arch()} node-${process.version}\n`)
    return
  }
  const {execute} = await import('./execute.js')
  await execute({dir: bin, args: argv})
}
