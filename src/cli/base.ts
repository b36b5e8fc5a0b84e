// The shared shell of every command: common flags, machine output to stdout or --out, and
// errors printed with their location (exit 1), never as a stack trace.
import {Command, Flags, Errors} from '@oclif/core'
import {ModelError, capProblems, problemCount} from '../model/problems.js'
import {UserError, checkOutput, isStdout, toJson, writeAtomic} from './output.js'
import {usageErrorZh} from './usage-zh.js'
import {formatWarning} from './warnings.js'
import type {Warning} from './warnings.js'

export type Lang = 'en' | 'zh'

export function defaultLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const v = env.LOUDOU_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? ''
  return /^zh/i.test(v) ? 'zh' : 'en'
}

export abstract class LoudouCommand extends Command {
  static override baseFlags = {
    lang: Flags.option({options: ['en', 'zh'] as const, description: 'language of human output (default from LANG)'})(),
    quiet: Flags.boolean({char: 'q', description: 'print nothing on stderr but errors: no progress bar, notes, warnings or summary'}),
  }

  /** --quiet (or -q) was given: only errors reach stderr. Read without the parser, like --lang. */
  protected get quiet(): boolean {
    const end = this.argv.indexOf('--')
    return (end < 0 ? this.argv : this.argv.slice(0, end)).some((a) => a === '--quiet' || a === '-q')
  }

  /** Real paths of the files this run reads: no output may replace them. */
  protected reads: string[] = []

  /**
   * Records the files the run reads and checks each output path at once, so that a refused
   * output (an input, a folder, a device) stops the command before any long work.
   */
  protected checkOutputs(reads: readonly string[], outputs: Record<string, string | undefined>): void {
    this.reads = [...reads]
    for (const [flag, file] of Object.entries(outputs)) if (file !== undefined) checkOutput(file, {flag, reads: this.reads})
  }

  /** Writes machine-readable text to --out (atomically) or stdout (no --out, `-` or /dev/stdout). */
  protected emit(text: string, out?: string, flag = '--out'): void {
    if (out === undefined || isStdout(out)) process.stdout.write(text)
    else writeAtomic(out, text, {flag, reads: this.reads})
  }

  protected emitJson(value: unknown, out?: string): void {
    this.emit(toJson(value), out)
  }

  /** Warnings on stderr, framed like problems (JSON output carries them in `warnings[]`). */
  protected sayWarnings(list: readonly Warning[], lang: Lang): void {
    for (const w of list) this.say(formatWarning(w, lang))
  }

  /** Human messages (notes, warnings, summaries) go to stderr so stdout stays machine-readable; --quiet drops them. */
  protected say(text: string): void {
    if (!this.quiet) this.sayError(text)
  }

  /** Errors reach stderr even with --quiet. */
  protected sayError(text: string): void {
    process.stderr.write(text.endsWith('\n') ? text : text + '\n')
  }

  /**
   * Input errors end with exit code 1 once stderr has drained: `this.exit()` would make oclif
   * call process.exit at once and cut off a long problem list written to a pipe.
   */
  protected fail(lines: string[]): void {
    for (const l of lines) this.sayError(l)
    process.exitCode = 1
  }

  /** The language asked for on the command line, read without the parser (errors may come before it). */
  private argvLang(): Lang {
    const i = this.argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
    const v = i < 0 ? undefined : this.argv[i].includes('=') ? this.argv[i].split('=')[1] : this.argv[i + 1]
    return v === 'zh' || v === 'en' ? v : defaultLang()
  }

  protected override async catch(err: Error & {exitCode?: number}): Promise<unknown> {
    if (err instanceof ModelError) {
      const n = err.problems.filter((p) => p.severity === 'error').length
      const lang = this.argvLang()
      this.fail([...capProblems(err.problems, lang), problemCount(n, lang)])
      return
    }
    if (err instanceof UserError) {
      this.say(err.text(this.argvLang()))
      process.exitCode = err.exit
      return
    }
    if (err instanceof Errors.ExitError) throw err
    // Flag and argument parse errors are usage errors: oclif prints them and exits 2.
    const exit = (err as {oclif?: {exit?: number}}).oclif?.exit
    const parse = exit !== undefined && ('parse' in err || /\nSee more help with --help$/.test(err.message))
    if (this.argvLang() === 'zh' && (parse || err instanceof Errors.CLIError || exit === 2)) {
      // oclif's frame and help are English: the message is printed here, in Chinese.
      const args = (err as {args?: {name?: string}[]}).args?.flatMap((a) => (a.name ? [a.name.toUpperCase()] : []))
      this.sayError(`错误：${parse ? usageErrorZh(err.message, (this.id ?? '').replace(/:/g, ' '), args) : err.message}`)
      process.exitCode = exit ?? 2
      return
    }
    if (err.constructor?.name?.endsWith('ParseError') || exit === 2) {
      return super.catch(err)
    }
    if (err instanceof Errors.CLIError) return super.catch(err)
    this.fail([`${this.argvLang() === 'zh' ? '错误：' : 'error: '}${err.message}`])
  }
}
