#!/usr/bin/env node
// Writes the editor schemas (schemas/model.schema.json, schemas/scenario.schema.json) from the
// zod schemas of the built loader, so they change whenever the model language does.
import {writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'
import {fileURLToPath} from 'node:url'
import {modelJsonSchema} from '../dist/model/json-schema.js'
import {scenarioJsonSchema} from '../dist/scenario/json-schema.js'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
for (const [name, schema] of [['model', modelJsonSchema()], ['scenario', scenarioJsonSchema()]]) {
  writeFileSync(join(root, 'schemas', `${name}.schema.json`), JSON.stringify(schema, null, 2) + '\n')
}
