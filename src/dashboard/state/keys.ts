// Key bindings as a pure function, so the mapping is tested without a terminal.
import type {Action} from './ui.js'

export type KeyCommand = Action | {type: 'quit'}

export interface KeyInfo {
  escape?: boolean
  ctrl?: boolean
}

export function keyToCommand(input: string, key: KeyInfo = {}): KeyCommand | undefined {
  if (key.escape) return {type: 'close-help'}
  if (key.ctrl) return input === 'c' ? {type: 'quit'} : undefined
  switch (input) {
    case ' ':
    case 'p':
      return {type: 'toggle-pause'}
    case 's':
    case '.':
      return {type: 'step'}
    case '+':
    case '=':
    case ']':
      return {type: 'faster'}
    case '-':
    case '_':
    case '[':
      return {type: 'slower'}
    case 'r':
      return {type: 'reset'}
    case '?':
    case 'h':
      return {type: 'toggle-help'}
    case 'q':
    case 'Q':
      return {type: 'quit'}
  }
  if (/^[1-9]$/.test(input)) return {type: 'toggle-reform', index: Number(input) - 1}
  return undefined
}
