#!/usr/bin/env node
// Writes oclif.manifest.json: every command's id, summary, flags and arguments, so that the
// CLI lists commands, prints help and finds the command it runs without importing all of them.
// Run by `npm run build` after the TypeScript build (dist/commands must exist); it has to be
// rebuilt whenever a command or its flags change, and is therefore never committed.
import {writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {Plugin} from '@oclif/core'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const plugin = new Plugin({root, type: 'core', isRoot: true, ignoreManifest: true, errorOnManifestCreate: true, respectNoCacheDefault: true})
await plugin.load()
writeFileSync(join(root, 'oclif.manifest.json'), JSON.stringify(plugin.manifest, null, 2) + '\n')
