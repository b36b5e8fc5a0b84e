// Tasks (事项) pushed down to a target tier, and resident demand (诉求).
import {z} from 'zod'
import {TASK_KINDS} from '../types.js'
import {ContestedSchema, Count, Duration, Effort, Id, Per, PerCapitaRate, Rate, Selector, Share, Text, TextList, Tier} from './common.js'

export const TaskSchema = z.strictObject({
  id: Id,
  name: Text.optional(),
  category: Id.optional(),
  issuer: Selector,
  target: Tier,
  kind: z.enum(TASK_KINDS, {error: `expected a task kind: ${TASK_KINDS.join(', ')}`}).optional(),
  every: Duration.optional(),
  offset: Duration.optional(),
  rate: Rate.optional(),
  effort: Effort,
  per: Per.optional(),
  relayEffort: Effort.optional(),
  needs: z.array(Id, {error: 'expected a list of power ids'}).optional(),
  contested: ContestedSchema.optional(),
  spread: Duration.optional(),
  inspectorEffort: Effort.optional(),
  collects: TextList.optional(),
  contacts: Share.optional(),
  validity: Duration.optional(),
  veto: z.boolean({error: 'expected true or false'}).optional(),
  deadline: Duration.optional(),
  labels: TextList.optional(),
  count: Count.optional(),
})
export type TaskInput = z.infer<typeof TaskSchema>
export const TasksSchema = z.array(TaskSchema, {error: 'expected a list of tasks'})

export const DemandSchema = z.strictObject({
  id: Id,
  name: Text.optional(),
  category: Id.optional(),
  at: Tier,
  rate: PerCapitaRate,
  effort: Effort,
  per: Per.optional(),
  needs: z.array(Id, {error: 'expected a list of power ids'}).optional(),
  contested: ContestedSchema.optional(),
  labels: TextList.optional(),
})
export type DemandInput = z.infer<typeof DemandSchema>
export const DemandListSchema = z.array(DemandSchema, {error: 'expected a list of demand entries'})
