#!/usr/bin/env node
// Start-up time of the CLI against bare `node -e 0`, measured with hyperfine (Debian package
// `hyperfine`): `--version`, `--help` and `validate models/classroom.yaml`. Each round runs
// the four commands in one hyperfine call (warm-up runs first), so they share the machine's
// load of that moment; the figure kept is the median over rounds of each command's median
// minus bare node's. Writes its section of bench/RESULTS.md. Run: `npm run build && node
// bench/startup.js` (ROUNDS=5 RUNS=20 by default).
import {execFileSync} from 'node:child_process'
import {mkdtempSync, readFileSync} from 'node:fs'
import {availableParallelism, cpus, loadavg, tmpdir} from 'node:os'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {writeResultsSection} from './measure.js'

const HERE = dirname(fileURLToPath(import.meta.url))
const ROOT = join(HERE, '..')
const ROUNDS = Number(process.env.ROUNDS ?? 5)
const RUNS = Number(process.env.RUNS ?? 20)
const COMMANDS = [
  ['bare node', 'node -e 0'],
  ['--version', 'node bin/run.js --version'],
  ['--help', 'node bin/run.js --help'],
  ['validate', 'node bin/run.js validate models/classroom.yaml'],
]
const TARGETS = {'--version': 0.15, '--help': 0.15, validate: 0.35}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const ms = (s) => `${(s * 1000).toFixed(0)} ms`
const load = () => loadavg().map((x) => x.toFixed(1)).join(' ')

const dir = mkdtempSync(join(tmpdir(), 'loudou-startup-'))
const loadStart = load()
const rounds = []
for (let r = 0; r < ROUNDS; r++) {
  const out = join(dir, `round-${r}.json`)
  const names = COMMANDS.map(([name]) => `--command-name=${name}`) // one word: `-n --help` would read as hyperfine's own flag
  execFileSync('hyperfine', ['-N', '--warmup', '3', '--runs', String(RUNS), '--export-json', out, ...names, ...COMMANDS.map(([, c]) => c)], {cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit']})
  // CPU: the median of user + system over runs, or their means where hyperfine keeps only those (before 1.16).
  const res = JSON.parse(readFileSync(out, 'utf8')).results
  const by = Object.fromEntries(res.map((x, i) => [COMMANDS[i][0], {wall: x.median, cpu: Array.isArray(x.user) ? median(x.user.map((u, k) => u + x.system[k])) : x.user + x.system}]))
  rounds.push({by, load: load()})
  console.error(`round ${r + 1}: ${COMMANDS.map(([n]) => `${n} ${ms(by[n].wall)}`).join(', ')} (load ${rounds.at(-1).load})`)
}

const rows = COMMANDS.map(([name]) => {
  const wall = median(rounds.map((x) => x.by[name].wall))
  const cpu = median(rounds.map((x) => x.by[name].cpu))
  const over = median(rounds.map((x) => x.by[name].wall - x.by['bare node'].wall))
  const overCpu = median(rounds.map((x) => x.by[name].cpu - x.by['bare node'].cpu))
  const target = TARGETS[name]
  return `| \`${COMMANDS.find(([n]) => n === name)[1]}\` | ${ms(wall)} | ${ms(cpu)} | ${name === 'bare node' ? '' : `${ms(over)} / ${ms(overCpu)}`} | ${target ? `≤ ${ms(target)}: ${over <= target ? 'met' : 'not met'} (wall), ${overCpu <= target ? 'met' : 'not met'} (CPU)` : ''} |`
})

const section = [
  '<!-- startup -->',
  '## Start-up',
  '',
  `Written by \`node bench/startup.js\` on ${new Date().toISOString().slice(0, 10)}: hyperfine ${execFileSync('hyperfine', ['--version'], {encoding: 'utf8'}).trim().split(' ')[1]},`,
  `${ROUNDS} rounds of ${RUNS} runs per command after 3 warm-up runs, node ${process.version}, ${cpus()[0]?.model.split(' ').slice(0, 2).join(' ')}, ${availableParallelism()} cores.`,
  `Load average at the start ${loadStart}, at the end ${load()} (the machine is shared).`,
  '',
  '| command | median wall | median CPU (user + sys) | over bare node (wall / CPU) | target |',
  '| --- | --- | --- | --- | --- |',
  ...rows,
  '',
  'Medians over rounds of the per-round medians; "over bare node" is taken within each round, so',
  'both sides saw the same load. With the load above the core count the wall times mostly measure',
  'waiting for a core: the CPU column is the steadier figure then. What the start costs: Node',
  'itself; bin/run.js loads dist/cli/main.js, which answers `--version` from package.json without',
  'loading oclif (4 JavaScript files in all, against 167 before). Any other command loads',
  '@oclif/core, bundled with its dependencies into one chunk (scripts/build-bundle.mjs: 7 files for',
  '`--help`), reads the oclif manifest and the two plugins\' manifests, renders help or loads the',
  'command\'s bundle and the chunks it shares: `validate` reads 29 files (1.5 MB) where it read 407',
  '(2.3 MB), zod without its 40-odd message locales, yaml, the model loader; the reforms load only',
  'for a scenario. What is left of `validate` is mostly yaml parsing the 17 KB classroom model with',
  'cold code (about a third of its CPU time; the file used to be parsed twice, once to tell a',
  'scenario), compiling the modules, and oclif\'s own start. Node 22 and later also keep a compile',
  'cache (bin/run.js turns it on where the runtime has it); this machine runs Node 20, which has none.',
  '<!-- /startup -->',
]
const body = section.join('\n') + '\n'
writeResultsSection('startup', body)
console.log(body)
