// The model-wide sections: clock, kinds, defaults and rules.
import {z} from 'zod'
import {Duration, Effort, Id, NonNegative, Selector, Share, Text, TextList, Tier} from './common.js'

export const ClockSchema = z.strictObject({
  hoursPerDay: z.number({error: 'expected a number of hours'}).gt(0, {error: 'must be more than 0'}).max(24, {error: 'a day has at most 24 hours'}).optional(),
  daysPerYear: z.number({error: 'expected a number of days'}).gt(0, {error: 'must be more than 0'}).max(366, {error: 'a year has at most 366 days'}).optional(),
})

export const KindSchema = z.union(
  [Id, z.strictObject({id: Id, name: Text.optional(), territorial: z.boolean({error: 'expected true or false'}).optional()})],
  {error: 'expected a kind id or {id, name, territorial}'},
)
export type KindInput = z.infer<typeof KindSchema>

export const DefaultsSchema = z.strictObject({
  relayEffort: Effort.optional(),
  escalationEffort: Effort.optional(),
  formalShare: Share.optional(),
  householdSize: z.number({error: 'expected a number'}).gt(0, {error: 'must be more than 0'}).optional(),
  collectionValidity: Duration.optional(),
  redundancyWindow: Duration.optional(),
  handoffDelay: Effort.optional(),
  spread: Duration.optional(),
  inspectorEffort: Effort.optional(),
})
export type DefaultsInput = z.infer<typeof DefaultsSchema>

export const RulesSchema = z.strictObject({
  responsibility: z.enum(['territorial', 'split'], {error: 'expected territorial or split'}).optional(),
  reportEffort: Effort.optional(),
  whistle: z.strictObject({from: z.array(Tier, {error: 'expected a list of tiers'}), responseTime: Effort}).optional(),
  buckPassing: z
    .strictObject({
      refusal: Share.optional(),
      maxTransfers: z.number({error: 'expected a whole number'}).int({error: 'must be a whole number'}).min(1, {error: 'must be at least 1'}).max(100, {error: 'must be at most 100'}).optional(),
      transferEffort: Effort.optional(),
      arbitrationEffort: Effort.optional(),
    })
    .optional(),
  hotline: z
    .strictObject({
      centres: Selector,
      dispatchEffort: Effort.optional(),
      dispatchTime: Effort.optional(),
      deadline: Duration.optional(),
    })
    .optional(),
  dataSharing: z
    .strictObject({fields: z.union([z.literal('all'), TextList], {error: 'expected `all` or a list of field names'})})
    .optional(),
})
export type RulesInput = z.infer<typeof RulesSchema>

export const SourceSchema = z.union(
  [Text, z.strictObject({title: Text, url: Text.optional(), note: Text.optional()})],
  {error: 'expected a title or {title, url, note}'},
)

export {NonNegative}
