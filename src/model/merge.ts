// Merges the checked files of a model: list sections are concatenated (root file first, then
// includes in the order met), mapping sections merge key by key, and a scalar or mapping key
// set in two files is an error. Every item keeps where it was written.
import type {Problem} from './problems.js'
import type {FileInput} from './schema/file.js'
import {LIST_SECTIONS, MAP_SECTIONS, SCALAR_KEYS} from './schema/file.js'
import type {JsPath, YamlSource} from './yaml-source.js'
import type {ModelFile} from './files.js'

export interface Origin {
  src: YamlSource
  /** Path of the value inside its own file. */
  path: JsPath
}

export interface Item<T> extends Origin {
  value: T
}

type ListOf<K extends keyof FileInput> = NonNullable<FileInput[K]> extends readonly (infer E)[] ? E : never
type MapOf<K extends keyof FileInput> = {[F in keyof NonNullable<FileInput[K]>]?: Item<NonNullable<NonNullable<FileInput[K]>[F]>>}

export interface MergedModel {
  id?: Item<string>
  name?: Item<string>
  description?: Item<string>
  clock: MapOf<'clock'>
  defaults: MapOf<'defaults'>
  rules: MapOf<'rules'>
  sources: Item<ListOf<'sources'>>[]
  kinds: Item<ListOf<'kinds'>>[]
  powers: Item<ListOf<'powers'>>[]
  categories: Item<ListOf<'categories'>>[]
  units: Item<ListOf<'units'>>[]
  relations: Item<ListOf<'relations'>>[]
  tasks: Item<ListOf<'tasks'>>[]
  demand: Item<ListOf<'demand'>>[]
}

export function mergeFiles(files: readonly ModelFile[]): {merged: MergedModel; problems: Problem[]} {
  const problems: Problem[] = []
  const merged: MergedModel = {
    clock: {},
    defaults: {},
    rules: {},
    sources: [],
    kinds: [],
    powers: [],
    categories: [],
    units: [],
    relations: [],
    tasks: [],
    demand: [],
  }
  const m = merged as unknown as Record<string, unknown>
  const collide = (src: YamlSource, path: JsPath, first: Origin) => {
    const at = first.src.locate(first.path)
    problems.push({
      ...src.locate(path),
      message: `\`${path.join('.')}\` is already set in ${at.file}:${at.line}`,
      hint: 'set it in one file only (included files may not override values)',
      severity: 'error',
    })
  }
  for (const f of files) {
    const data = f.data
    if (!data) continue
    const src = f.source
    for (const key of SCALAR_KEYS) {
      const v = data[key]
      if (v === undefined) continue
      const prev = m[key] as Item<string> | undefined
      if (prev) collide(src, [key], prev)
      else m[key] = {value: v, src, path: [key]}
    }
    for (const key of MAP_SECTIONS) {
      const section = data[key] as Record<string, unknown> | undefined
      if (!section) continue
      const target = m[key] as Record<string, Item<unknown>>
      for (const [field, value] of Object.entries(section)) {
        if (value === undefined) continue
        const prev = target[field]
        if (prev) collide(src, [key, field], prev)
        else target[field] = {value, src, path: [key, field]}
      }
    }
    for (const key of LIST_SECTIONS) {
      const list = data[key] as readonly unknown[] | undefined
      if (!list) continue
      const target = m[key] as Item<unknown>[]
      list.forEach((value, i) => target.push({value, src, path: [key, i]}))
    }
  }
  return {merged, problems}
}
