// `-` in place of a model or scenario file: read standard input once, and hand its text to the
// loaders under the name `<stdin>`, with includes and a scenario's `base` relative to the
// current folder.
import {Errors} from '@oclif/core'
import {t} from '../i18n/index.js'
import type {Lang} from '../i18n/index.js'
import type {LoadOptions, ModelText} from '../model/load.js'
import {DEFAULT_MAX_BYTES} from '../model/yaml-source.js'
import type {ModelOrScenario} from '../scenario/load.js'

export const STDIN_ARG = '-'
export const STDIN_NAME = '<stdin>'

const consumed = new WeakSet<object>()

/** All of standard input, as bytes (the loader checks the encoding); at most `maxBytes`. */
export async function readStdin(stream: NodeJS.ReadableStream = process.stdin, maxBytes = DEFAULT_MAX_BYTES, lang: Lang = 'en'): Promise<Uint8Array> {
  if (consumed.has(stream)) throw new Errors.CLIError(t(lang, 'stdin.twice'), {exit: 2})
  consumed.add(stream)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of stream) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer)
    size += b.length
    if (size > maxBytes) throw new Errors.CLIError(t(lang, 'stdin.tooLarge', {bytes: maxBytes}), {exit: 1})
    chunks.push(b)
  }
  return Buffer.concat(chunks)
}

/** The text of standard input as a model source, when `arg` is `-`. */
export async function stdinModel(arg: string, lang: Lang = 'en'): Promise<ModelText | undefined> {
  if (arg !== STDIN_ARG) return undefined
  return {text: await readStdin(process.stdin, DEFAULT_MAX_BYTES, lang), name: STDIN_NAME, dir: process.cwd()}
}

/** loadModelOrScenario for a file or `-`. */
export async function loadInput(arg: string, options: LoadOptions = {}, lang: Lang = 'en'): Promise<ModelOrScenario> {
  const {loadModelOrScenario} = await import('../scenario/load.js')
  const text = await stdinModel(arg, lang)
  return loadModelOrScenario(text ? STDIN_NAME : arg, options, text)
}
