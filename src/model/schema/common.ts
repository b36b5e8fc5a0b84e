// Building blocks shared by the section schemas: ids, durations, rates, efforts, selectors and
// vocabularies. Durations stay as written here; they become hours in the resolution pass,
// once the model's clock is known.
import {z} from 'zod'
import {parseDuration, parsePerCapitaRate, parseRate} from '../duration.js'
import {DEFAULT_CLOCK, TIERS} from '../types.js'

export const ID_PATTERN = /^[A-Za-z0-9._-]+$/
/** A full unit id: segments joined with `/`. */
export const FULL_ID_PATTERN = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/

/** Longest id (each segment of a full id): longer ones are typos or hostile input. */
export const MAX_ID_LENGTH = 200

const tooLong = (s: string) => `an id may have at most ${MAX_ID_LENGTH} characters; this one has ${s.length}: \`${s.slice(0, 40)}…\``

export const Id = z
  .string({error: 'expected an id (letters, digits, `.`, `_`, `-`)'})
  .max(MAX_ID_LENGTH, {error: (issue) => tooLong(String(issue.input))})
  .regex(ID_PATTERN, {error: 'an id may contain only letters, digits, `.`, `_` and `-`'})

export const FullId = z
  .string({error: 'expected a unit id'})
  .regex(FULL_ID_PATTERN, {error: 'expected a unit id such as `district/street-2`'})
  .refine((s) => s.split('/').every((seg) => seg.length <= MAX_ID_LENGTH), {error: (issue) => tooLong(String(issue.input).split('/').find((seg) => seg.length > MAX_ID_LENGTH) ?? '')})

export const Text = z.string({error: 'expected text'})
export const TextList = z.array(Text, {error: 'expected a list of strings'})

export const Tier = z.enum(TIERS, {error: `expected a tier: ${TIERS.join(', ')}`})

export const Share = z
  .number({error: 'expected a number between 0 and 1'})
  .min(0, {error: 'must be between 0 and 1'})
  .max(1, {error: 'must be between 0 and 1'})

export const NonNegative = z
  .number({error: 'expected a number'})
  .finite({error: 'must be finite'})
  .min(0, {error: 'must not be negative'})

export const Count = z
  .number({error: 'expected a whole number'})
  .int({error: 'must be a whole number'})
  .min(1, {error: 'must be at least 1'})

const DURATION_MSG = 'expected a duration such as 30m, 6h, 5d, 2w, 1mo, 1y, or a number of hours'
export const Duration = z.union(
  [
    z.number().finite().min(0, {error: 'a duration must not be negative'}),
    z.string().refine((s) => parseDuration(s, DEFAULT_CLOCK) !== undefined, {error: DURATION_MSG}),
  ],
  {error: DURATION_MSG},
)
export type DurationInput = z.infer<typeof Duration>

const RATE_MSG = 'expected a rate such as 6/y, 2/mo, 1/2w, or a number per hour'
export const Rate = z.union(
  [
    z.number().finite().min(0, {error: 'a rate must not be negative'}),
    z.string().refine((s) => parseRate(s, DEFAULT_CLOCK) !== undefined, {error: RATE_MSG}),
  ],
  {error: RATE_MSG},
)

const PER_CAPITA_MSG = 'expected a rate per 1,000 residents such as 3/1000/mo, or a number per resident-hour'
export const PerCapitaRate = z.union(
  [
    z.number().finite().min(0, {error: 'a rate must not be negative'}),
    z.string().refine((s) => parsePerCapitaRate(s, DEFAULT_CLOCK) !== undefined, {error: PER_CAPITA_MSG}),
  ],
  {error: PER_CAPITA_MSG},
)

const DIST_MSG = 'expected `dist: fixed | exp | lognormal | triangular`'
export const Dist = z.discriminatedUnion(
  'dist',
  [
    z.strictObject({dist: z.literal('fixed'), value: Duration}),
    z.strictObject({dist: z.literal('exp'), mean: Duration}),
    z.strictObject({dist: z.literal('lognormal'), mean: Duration, sd: Duration}),
    z.strictObject({dist: z.literal('triangular'), min: Duration, mode: Duration, max: Duration}),
  ],
  {error: DIST_MSG},
)

export const Effort = z.union([Duration, Dist], {
  error: 'expected an effort: a duration (6h) or {dist: exp|lognormal|triangular|fixed, …}',
})
export type EffortInput = z.infer<typeof Effort>

export const SelectorMap = z.strictObject({
  kind: Text.optional(),
  tier: Tier.optional(),
  domain: Text.optional(),
  id: Text.optional(),
  label: Text.optional(),
  within: FullId.optional(),
})
const SelectorItem = z.union([Text.min(1, {error: 'an empty selector'}), SelectorMap], {
  error: 'expected a selector: an id, an id glob, or {kind, tier, domain, id, label, within}',
})
export const Selector = z.union([SelectorItem, z.array(SelectorItem).min(1, {error: 'an empty selector list'})], {
  error: 'expected a selector: an id, an id glob, {kind, tier, domain, id, label, within}, or a list of these',
})

/** `1000 households`, `1000 residents`, or `households` (per one). */
export const PER_PATTERN = /^\s*(\d+(?:[.,]\d+)*)?\s*(households|residents)\s*$/
export const Per = z
  .string({error: 'expected `1000 households` or `1000 residents`'})
  .regex(PER_PATTERN, {error: 'expected `1000 households` or `1000 residents` (a positive number, then households or residents)'})
  .refine((s) => {
    const n = PER_PATTERN.exec(s)?.[1]
    return n === undefined || Number(n.replaceAll(',', '')) > 0
  }, {error: 'the number of households or residents must be above 0'})

/** 推诿扯皮: the share of items whose competent department is unclear, and who may get them. */
export const ContestedSchema = z.strictObject({
  share: Share,
  candidates: Selector.optional(),
  owner: Selector.optional(),
})

/** A vocabulary entry: `mediate` or `{id: mediate, name: 调解}`. */
export const VocabEntry = z.union([Id, z.strictObject({id: Id, name: Text.optional()})], {
  error: 'expected an id or {id, name}',
})
export type VocabInput = z.infer<typeof VocabEntry>
