// Is a model argument a scenario (a top-level `base:` and `reforms:`) or a model? The answer
// needs the root file parsed; the parse is handed on to whichever loader reads the file, so it
// is parsed once. Kept apart from load.ts so that a plain model does not load the reforms.
import {parseRootFile} from '../model/files.js'
import type {RootParse} from '../model/files.js'
import type {LoadOptions, ModelText} from '../model/load.js'

export interface RootFile {
  /** The parsed root, for checkModel or loadScenarioSync with the same file, options and text. */
  root: RootParse
  scenario: boolean
}

/** With `text`, the file is that text (standard input) and `file` only names it. */
export function readRootFile(file: string, options: LoadOptions = {}, text?: ModelText): RootFile {
  const root = parseRootFile(file, {maxBytes: options.maxBytes}, text)
  const data = root.source?.data
  return {root, scenario: typeof data === 'object' && data !== null && 'base' in data && 'reforms' in data}
}
