// Usage errors of the command-line parser (@oclif/core) in Chinese: its messages are English
// and fixed, so under --lang zh each known form is reworded, values kept, and the English help
// it would print after them is replaced by a pointer to `--help`.

type Rule = [RegExp, string | ((...groups: string[]) => string)]

const RULES: Rule[] = [
  [/^Nonexistent flags?: (.+)$/, '没有这个选项：$1'],
  [/^Unexpected arguments?: (.+)$/, '多余的参数：$1'],
  [/^Expected (--[\w-]+)=(.*) to be one of: (.+)$/, '$1 的值应为以下之一：$3，得到 "$2"'],
  [/^Expected (.*) to be one of: (.+)$/, '参数应为以下之一：$2，得到 "$1"'],
  [/^Missing required flag:?\s*-*([\w-]+)$/, '缺少必需的选项 --$1'],
  [/^(--[\w-]+)(?:=\S+)? cannot also be provided when using (--[\w-]+)$/, '$1 不能与 $2 同时使用'],
  [/^All of the following must be provided when using (--[\w-]+): (.+)$/, '使用 $1 时必须同时给出：$2'],
  [/^Expected an integer but received: (.*)$/, '应为整数，得到 "$1"'],
  [/^Expected an integer greater than or equal to (\S+) but received: (.*)$/, '应为不小于 $1 的整数，得到 "$2"'],
  [/^Expected an integer less than or equal to (\S+) but received: (.*)$/, '应为不大于 $1 的整数，得到 "$2"'],
  [/^Flag (--[\w-]+) expects a value$/, '选项 $1 需要一个值'],
]

function line(text: string): string {
  for (const [re, zh] of RULES) {
    const m = re.exec(text)
    if (m) return typeof zh === 'string' ? text.replace(re, zh) : zh(...m.slice(1))
  }
  return text
}

/** A parse error's message in Chinese, without the English help; `names` are the missing arguments. */
export function usageErrorZh(message: string, command: string, names?: readonly string[]): string {
  const body = message.replace(/\nSee more help with --help$/, '')
  const missing = /^Missing (\d+) required args?/.exec(body)
  let text: string
  if (missing) text = `缺少 ${missing[1]} 个必需的参数${names?.length ? `：${names.map((n) => `\`${n}\``).join(' ')}` : ''}`
  else {
    const parsing = /^Parsing (--[\w-]+)\s*\n\t([\s\S]*)$/.exec(body)
    const failed = /^The following errors? occurred:\n\s*([\s\S]*)$/.exec(body)
    if (parsing) text = `${parsing[1]}：${line(parsing[2].trim())}`
    else if (failed) text = failed[1].split('\n').map((l) => line(stripAnsi(l).trim())).join('\n')
    else text = body.split('\n').map((l) => line(l)).join('\n')
  }
  return `${text}\n运行 loudou ${command} --help 查看用法`
}

// The parser dims the reasons with ANSI escapes when stderr is a terminal.
// eslint-disable-next-line no-control-regex
const stripAnsi = (s: string): string => s.replace(/\u001b\[[0-9;]*m/g, '')
