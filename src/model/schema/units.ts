// Units (organisations): nested `children`, `count` replication, `parent` references.
import {z} from 'zod'
import {Count, FullId, Id, NonNegative, Text, TextList, Tier} from './common.js'

export interface UnitInput {
  id: string
  name?: string
  kind: string
  tier?: z.infer<typeof Tier>
  parent?: string
  domain?: string
  staff?: number
  powers?: string[]
  residents?: number
  households?: number
  labels?: string[]
  count?: number
  children?: UnitInput[]
}

export const UnitSchema: z.ZodType<UnitInput> = z.strictObject({
  id: Id,
  name: Text.optional(),
  kind: Id,
  tier: Tier.optional(),
  parent: FullId.optional(),
  domain: Text.optional(),
  staff: NonNegative.optional(),
  powers: z.array(Id, {error: 'expected a list of power ids'}).optional(),
  residents: NonNegative.optional(),
  households: NonNegative.optional(),
  labels: TextList.optional(),
  count: Count.optional(),
  get children() {
    return z.array(UnitSchema, {error: 'expected a list of units'}).optional()
  },
})

export const UnitsSchema = z.array(UnitSchema, {error: 'expected a list of units'})
