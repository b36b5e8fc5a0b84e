// The reform registry and `applyReforms`: reforms applied in order, each a pure
// transformation of the model that also says what it changed.
import type {z} from 'zod'
import type {Model} from '../model/types.js'
import {ReformError} from './common.js'
import type {ReformResult} from './common.js'
import {word} from '../i18n/message.js'
import type {Message} from '../i18n/message.js'
import * as accessCatalogue from './access-catalogue.js'
import * as dataSharing from './data-sharing.js'
import * as flatten from './flatten.js'
import * as gridMerge from './grid-merge.js'
import * as inspectionCap from './inspection-cap.js'
import * as merge from './merge.js'
import * as purchaseServices from './purchase-services.js'
import * as responsibilitySplit from './responsibility-split.js'
import * as sinkStaff from './sink-staff.js'
import * as whistle from './whistle.js'
import * as responsibilityList from './responsibility-list.js'
import * as hotlineDispatch from './hotline-dispatch.js'

export {ReformError} from './common.js'
export type {ReformResult} from './common.js'

export interface ReformDefinition {
  type: string
  /** The Chinese policy the reform models. */
  zh: string
  paramsSchema: z.ZodType
  apply(model: Model, params: never): ReformResult
}

/** In the order of DESIGN §4. */
export const REFORMS: readonly ReformDefinition[] = [
  flatten,
  merge,
  accessCatalogue,
  responsibilitySplit,
  whistle,
  dataSharing,
  gridMerge,
  purchaseServices,
  inspectionCap,
  sinkStaff,
  responsibilityList,
  hotlineDispatch,
]

export const REFORM_TYPES: readonly string[] = REFORMS.map((r) => r.type)

export function getReform(type: string): ReformDefinition | undefined {
  return REFORMS.find((r) => r.type === type)
}


/** A reform as written in a scenario: its type and its (unparsed) parameters. */
export interface ReformSpec {
  type: string
  params?: Record<string, unknown>
}

export interface ReformChanges {
  reform: string
  /** The changes in English, as JSON outputs give them. */
  lines: string[]
  /** The same changes, to be worded in the reader's language (`word` in src/i18n/message.ts). */
  messages: Message[]
}

export type ParseOutcome = {ok: true; params: unknown} | {ok: false; issues: readonly z.core.$ZodIssue[]}

/** Checks a reform's parameters against its schema and fills in the defaults. */
export function parseReformParams(def: ReformDefinition, raw: unknown): ParseOutcome {
  const r = def.paramsSchema.safeParse(raw ?? {})
  return r.success ? {ok: true, params: r.data} : {ok: false, issues: r.error.issues}
}

/**
 * Applies reforms in order. Throws ReformError with a path starting at the reform's index
 * (`[2, 'leakage']`) for an unknown type, bad parameters or parameters that do not fit the model.
 */
export function applyReforms(model: Model, reforms: readonly ReformSpec[]): {model: Model; changes: ReformChanges[]} {
  let current = model
  const changes: ReformChanges[] = []
  reforms.forEach((spec, i) => {
    const def = getReform(spec.type)
    if (!def) throw new ReformError([i, 'type'], `unknown reform ${spec.type}`, `known reforms: ${REFORM_TYPES.join(', ')}`)
    const parsed = parseReformParams(def, spec.params)
    if (!parsed.ok) {
      const issue = parsed.issues[0]
      throw new ReformError([i, ...issue.path.map((k) => (typeof k === 'number' ? k : String(k)))], issue.message, 'see docs/reforms.md for the parameters')
    }
    try {
      const result = def.apply(current, parsed.params as never)
      current = result.model
      changes.push({reform: spec.type, lines: result.changes.map((m) => word('en', m)), messages: result.changes})
    } catch (error) {
      if (error instanceof ReformError) throw new ReformError([i, ...error.path], error.message, error.hint)
      throw error
    }
  })
  return {model: current, changes}
}
