// A mistyped command. At an interactive terminal @oclif/plugin-not-found asks "Did you mean …?"
// and runs the answer; elsewhere (scripts, CI logs) no one can answer, so the nearest command is
// named in the message and the run ends as the usage error it is (exit 2), not the plugin's 127.
import {Errors, toConfiguredId, type Hook} from '@oclif/core'
import {closest} from '../../model/zod-problems.js'
import {defaultLang} from '../base.js'

const hook: Hook.CommandNotFound = async function (opts) {
  if (process.stdin.isTTY && process.stderr.isTTY) {
    const {default: ask} = await import('@oclif/plugin-not-found')
    return ask.call(this, opts)
  }
  const ids = opts.config.commands.filter((c) => !c.hidden).flatMap((c) => [c.id, ...c.aliases])
  const typed = toConfiguredId(opts.id, opts.config).split(' ')[0]
  const meant = closest(typed, ids)
  const bin = opts.config.bin
  if (argvLang(opts.argv ?? []) === 'zh') {
    process.stderr.write(`错误：\`${typed}\` 不是 ${bin} 的命令。${meant ? `是否指 \`${meant}\`？` : ''}运行 \`${bin} help\` 查看命令列表。\n`)
    Errors.exit(2)
  }
  throw new Errors.CLIError(`\`${typed}\` is not a ${bin} command.${meant ? ` Did you mean \`${meant}\`?` : ''} Run \`${bin} help\` for the list of commands.`, {exit: 2})
}

/** --lang as given on the command line, else the environment's language. */
function argvLang(argv: readonly string[]): 'en' | 'zh' {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='))
  const v = i < 0 ? undefined : argv[i].includes('=') ? argv[i].split('=')[1] : argv[i + 1]
  return v === 'zh' || v === 'en' ? v : defaultLang()
}

export default hook
