// The imported model as YAML: block style for the sections and for units with children,
// one flow mapping a line for everything else, so the file reads like the shipped models.
import {Document, isDocument, isMap, isSeq, visit} from 'yaml'
import type {ModelOut} from './build.js'

export function modelYaml(model: ModelOut, header: string[]): string {
  const doc = new Document(model)
  visit(doc, {
    Map(_key, node, path) {
      // The top level and units with children stay in block style.
      if (isDocument(path[path.length - 1]) || node.has('children')) return
      node.flow = true
    },
    Seq(_key, node) {
      if (node.items.every((i) => !isMap(i) && !isSeq(i))) node.flow = true
    },
  })
  const body = doc.toString({lineWidth: 200, flowCollectionPadding: false})
  return header.map((l) => `# ${l}`.trimEnd() + '\n').join('') + body
}
