// Units (organisations): nested `children`, `count` replication, `parent` references. With
// `count`, `name`, `staff`, `residents` and `households` may be lists (one value a replica) and
// `replicas` may name a CSV table of them (src/model/replicas.ts).
import {z} from 'zod'
import {Count, Effort, FullId, Id, NonNegative, Text, TextList, Tier} from './common.js'
import type {EffortInput} from './common.js'

export interface UnitInput {
  id: string
  name?: string | string[]
  kind: string
  tier?: z.infer<typeof Tier>
  parent?: string
  domain?: string
  staff?: number | number[]
  powers?: string[]
  residents?: number | number[]
  households?: number | number[]
  labels?: string[]
  handoffDelay?: EffortInput
  count?: number
  replicas?: string
  children?: UnitInput[]
}

/** A value, or (with `count`) a list of one value per replica. */
const perReplica = <T extends z.ZodType>(one: T, what: string) =>
  z.union([one, z.array(one, {error: `expected ${what} or a list of them, one per replica`}).min(1, {error: 'an empty list'})], {
    error: `expected ${what} or a list of them, one per replica`,
  })

export const UnitSchema: z.ZodType<UnitInput> = z.strictObject({
  id: Id,
  name: perReplica(Text, 'a name').optional(),
  kind: Id,
  tier: Tier.optional(),
  parent: FullId.optional(),
  domain: Text.optional(),
  staff: perReplica(NonNegative, 'a number').optional(),
  powers: z.array(Id, {error: 'expected a list of power ids'}).optional(),
  residents: perReplica(NonNegative, 'a number').optional(),
  households: perReplica(NonNegative, 'a number').optional(),
  labels: TextList.optional(),
  handoffDelay: Effort.optional(),
  count: Count.optional(),
  replicas: Text.min(1, {error: 'give the path of a CSV file'}).optional(),
  get children() {
    return z.array(UnitSchema, {error: 'expected a list of units'}).optional()
  },
})

export const UnitsSchema = z.array(UnitSchema, {error: 'expected a list of units'})
