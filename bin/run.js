#!/usr/bin/env node
// Node 22 and later keep compiled code between runs (a faster start); Node 20 has no such
// cache and starts as before. It must be switched on before the CLI's modules load.
import module from 'node:module'

module.enableCompileCache?.()
const {execute} = await import('@oclif/core')
await execute({dir: import.meta.url})
