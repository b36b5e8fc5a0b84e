// Runs a loudou command in this process through oclif (the built commands in dist/, which
// `npm test` builds first): the same parsing, flags and error handling as the real binary,
// without starting a Node process per case. Exit codes are read the way the binary sets
// them (process.exitCode for input errors, oclif's exit for usage errors) and restored after.
//
// Under the test runner NODE_ENV is `test`, in which oclif would load src/ through tsx instead
// of dist/: auto-transpiling is switched off so the tests run what ships (a dist/ older than
// src/ is refused before any test starts: tests/global-setup.ts).
import {join} from 'node:path'
import {Readable} from 'node:stream'
import {Config, Errors, run, settings} from '@oclif/core'
import {captureOutput} from '@oclif/test'

export const ROOT = join(import.meta.dirname, '..', '..')

export interface CommandResult {
  code: number
  stdout: string
  stderr: string
}

let config: Promise<Config> | undefined

/** The environment every command test runs in unless a case overrides it. */
const CLEAN_ENV: Record<string, string | undefined> = {LANG: 'C', LC_ALL: undefined, LC_MESSAGES: undefined, LOUDOU_LANG: undefined, NO_COLOR: '1'}

/** `stdin`: what the command reads from standard input (`-` in place of a file); empty otherwise. */
export async function runCommand(args: string[], env: Record<string, string | undefined> = {}, stdin: string | Uint8Array = ''): Promise<CommandResult> {
  if (!config) {
    settings.enableAutoTranspile = false
    config = Config.load(ROOT)
  }
  const cfg = await config
  const wanted = {...CLEAN_ENV, ...env}
  const saved: Record<string, string | undefined> = {}
  for (const [k, v] of Object.entries(wanted)) {
    saved[k] = process.env[k]
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  }
  const savedExit = process.exitCode
  const savedStdin = Object.getOwnPropertyDescriptor(process, 'stdin')!
  Object.defineProperty(process, 'stdin', {value: Readable.from([Buffer.from(stdin)]), configurable: true})
  process.exitCode = undefined
  try {
    const r = await captureOutput(() => run(args, cfg), {print: false, stripAnsi: false})
    let code = Number(process.exitCode ?? 0)
    let stderr = r.stderr
    const error = r.error as (Error & {oclif?: {exit?: number}}) | undefined
    if (error) {
      code = error.oclif?.exit ?? 1
      // The binary's error handler prints what oclif throws; do the same here.
      if (!(error instanceof Errors.ExitError)) stderr += `${error.message}\n`
    }
    return {code, stdout: r.stdout, stderr}
  } finally {
    process.exitCode = savedExit
    Object.defineProperty(process, 'stdin', savedStdin)
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
    }
  }
}
