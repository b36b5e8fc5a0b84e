// A mistyped command. At an interactive terminal @oclif/plugin-not-found asks "Did you mean …?"
// and runs the answer; elsewhere (scripts, CI logs) no one can answer, so the nearest command is
// named in the message and the run ends as the usage error it is (exit 2), not the plugin's 127.
import {Errors, toConfiguredId, type Hook} from '@oclif/core'
import {closest} from '../../model/zod-problems.js'

const hook: Hook.CommandNotFound = async function (opts) {
  if (process.stdin.isTTY && process.stderr.isTTY) {
    const {default: ask} = await import('@oclif/plugin-not-found')
    return ask.call(this, opts)
  }
  const ids = opts.config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases])
  const typed = toConfiguredId(opts.id, opts.config).split(' ')[0]
  const meant = closest(typed, ids)
  const bin = opts.config.bin
  throw new Errors.CLIError(`\`${typed}\` is not a ${bin} command.${meant ? ` Did you mean \`${meant}\`?` : ''} Run \`${bin} help\` for the list of commands.`, {exit: 2})
}

export default hook
