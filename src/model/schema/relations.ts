// Relations not implied by `parent` or by tasks; each end is a selector (all pairs linked).
import {z} from 'zod'
import {RELATION_TYPES} from '../types.js'
import {Duration, Selector} from './common.js'

export const RelationSchema = z.strictObject({
  type: z.enum(RELATION_TYPES, {error: `expected a relation type: ${RELATION_TYPES.join(', ')}`}),
  from: Selector,
  to: Selector,
  responseTime: Duration.optional(),
})
export type RelationInput = z.infer<typeof RelationSchema>
export const RelationsSchema = z.array(RelationSchema, {error: 'expected a list of relations'})
