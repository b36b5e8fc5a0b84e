#!/usr/bin/env node
// Node 22 and later keep compiled code between runs (a faster start); Node 20 has no such
// cache and starts as before. It must be switched on before the CLI's modules load.
import module from 'node:module'

module.enableCompileCache?.()
// dist/cli/main.js is src/cli/main.ts bundled with @oclif/core (scripts/build-bundle.mjs).
const {main} = await import('../dist/cli/main.js')
await main(import.meta.url)
