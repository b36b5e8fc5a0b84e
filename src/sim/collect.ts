// Data collection at a target: the share of a task's work the data-sharing platform saves,
// and the visit's household contacts, duplicates and platform hits.
import type {Engine} from './engine.js'

/**
 * With a data-sharing platform, fields still valid at the target are served from it: the
 * work shrinks in proportion to the share of the task's fields that need no visit.
 */
export function collectionScale(e: Engine, s: number, target: number): number {
  const c = e.c
  const from = c.srcFieldStart[s]
  const to = c.srcFieldEnd[s]
  let served = 0
  for (let i = from; i < to; i++) {
    const f = c.fields[i]
    if (c.fieldShared[f] === 1 && e.fieldExpiry[target * c.nFields + f] > e.now) served++
  }
  return 1 - served / (to - from)
}

/**
 * The visit: each field still valid at the unit is collected again (a duplicate) or served by
 * the platform. A household visited for any field already on record is a duplicate contact
 * (重复上门), so duplicate contacts never exceed contacts; duplicateFields counts the fields.
 */
export function collect(e: Engine, s: number, target: number): void {
  const c = e.c
  const households = Math.round(c.srcContacts[s] * c.households[target])
  const counted = e.now >= e.warmup
  let fresh = 0
  let again = 0
  for (let i = c.srcFieldStart[s]; i < c.srcFieldEnd[s]; i++) {
    const f = c.fields[i]
    const slot = target * c.nFields + f
    if (e.fieldExpiry[slot] > e.now) {
      if (c.fieldShared[f] === 1) {
        if (counted) e.platformContacts += households
        continue
      }
      again++
    } else fresh++
    e.fieldExpiry[slot] = e.now + c.srcValidity[s]
  }
  if (!counted || fresh + again === 0) return
  e.contacts += households
  if (again > 0) e.duplicateContacts += households
  e.duplicateFields += households * again
}

