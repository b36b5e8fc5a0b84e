// Keyboard input: maps keys to actions; `q` and Ctrl-C leave through ink's exit. Keys typed
// quickly can arrive together in one chunk ("+ "), so each character counts on its own.
import {useApp, useInput} from 'ink'
import {keyToCommand} from '../state/keys.js'
import type {Action} from '../state/ui.js'

export function useKeys(dispatch: (action: Action) => void, isActive = true): void {
  const {exit} = useApp()
  useInput(
    (input, key) => {
      const chars = key.ctrl || key.meta || key.escape || input.length <= 1 ? [input] : [...input]
      for (const ch of chars) {
        const command = keyToCommand(ch, key)
        if (!command) continue
        if (command.type === 'quit') {
          exit()
          return
        }
        dispatch(command)
      }
    },
    {isActive},
  )
}
