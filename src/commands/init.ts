// `loudou init [dir]`: write a starter model and a scenario, never over existing files.
import {existsSync, statSync} from 'node:fs'
import {basename, join, relative, resolve} from 'node:path'
import {Args, Flags} from '@oclif/core'
import {LoudouCommand, defaultLang} from '../cli/base.js'
import {t} from '../i18n/index.js'
import {UserError, toJson, writeAtomic} from '../cli/output.js'
import {SCHEMA_DIR, starterModel, starterScenario} from '../init/template.js'
import {loadModel} from '../model/load.js'
import {modelJsonSchema} from '../model/json-schema.js'
import {scenarioJsonSchema} from '../scenario/json-schema.js'

export default class Init extends LoudouCommand {
  static override summary = 'Write a starter model (model.yaml), a reform scenario and the editor schemas they point to into a folder.'
  static override examples = ['<%= config.bin %> init my-district', '<%= config.bin %> init . --id my-district']
  static override args = {dir: Args.string({description: 'folder to write into (created if missing)', default: '.'})}
  static override flags = {
    id: Flags.string({description: 'model id (default: from the folder name)'}),
    force: Flags.boolean({description: 'overwrite existing files'}),
  }

  async run(): Promise<void> {
    const {args, flags} = await this.parse(Init)
    const dir = resolve(args.dir)
    if (existsSync(dir) && !statSync(dir).isDirectory()) {
      throw new UserError(`${args.dir} is a file, not a folder: init writes model.yaml and scenarios/ into a folder`, `${args.dir} 是文件而不是文件夹：init 会在文件夹中写入 model.yaml 和 scenarios/`, {en: 'give the name of a new or existing folder', zh: '请给出新的或已有的文件夹名'})
    }
    const id = flags.id ?? slug(basename(dir))
    const lang = flags.lang ?? defaultLang()
    if (!/^[A-Za-z0-9._-]+$/.test(id)) this.error(t(lang, 'init.badId', {id}), {exit: 2})
    const files = [
      {path: join(dir, 'model.yaml'), text: starterModel(id)},
      {path: join(dir, 'scenarios', 'access-catalogue.yaml'), text: starterScenario(id)},
    ]
    const existing = files.filter((f) => existsSync(f.path))
    if (existing.length > 0 && !flags.force) {
      this.fail([...existing.map((f) => t(lang, 'init.exists', {file: relative(process.cwd(), f.path) || f.path})), t(lang, 'init.nothing')])
      return
    }
    for (const f of files) writeAtomic(f.path, f.text)
    // The editor schemas are generated: refreshed on every init, never a reason to refuse.
    writeAtomic(join(dir, SCHEMA_DIR, 'model.schema.json'), toJson(modelJsonSchema()))
    writeAtomic(join(dir, SCHEMA_DIR, 'scenario.schema.json'), toJson(scenarioJsonSchema()))
    await loadModel(files[0].path)
    const model = relative(process.cwd(), files[0].path)
    this.say(t(lang, 'init.wrote', {model, scenario: relative(process.cwd(), files[1].path)}))
    this.say(t(lang, 'init.next', {model}))
  }
}

function slug(name: string): string {
  const s = name.toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '')
  return s === '' ? 'my-model' : s
}
