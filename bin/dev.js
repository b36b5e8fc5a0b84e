#!/usr/bin/env -S node --no-experimental-require-module --import tsx
// Runs the TypeScript sources directly, without a build. Without require(esm), as tsx 4.19
// cannot transform the `module-sync` files some dependencies of exceljs resolve to under it.
import {execute} from '@oclif/core'

await execute({development: true, dir: import.meta.url})
