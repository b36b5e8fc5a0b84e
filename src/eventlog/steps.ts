// From the engine's trace events to the steps of the governance process, as process-mining
// tools expect them in XES: one activity per step (`relay at street`, `formal part at
// community`, `escalate to district`, `work at department` …), each with lifecycle
// `schedule` (queued), `start` and `complete` on the same activity name and unit, so that
// PM4Py's interval pairing (start ↔ complete of one activity) finds every step.
//
// A queued stage is named only when it ends: ending in completion it was the work, in a
// refusal a buck-passing transfer, in a ruling an arbitration, in a dispatch the hotline's
// intake; followed by anything else (a hand-off, another stage) or ending unresolved, a formal
// part. So each open item keeps its open step and the events since it opened (a handful), and
// writes them in time order once the name is known. State grows with open items, as the
// engine's own does.
import type {TraceEvent} from '../sim/api.js'
import type {Catalogue, SourceInfo, UnitInfo} from './objects.js'

export type Transition = 'schedule' | 'start' | 'complete'

export interface StepEvent {
  time: number
  /** The governance step, e.g. `work at community`. */
  activity: string
  transition: Transition
  /** The case: an item or a resident request (TraceEvent.item). */
  item: number
  instance: number
  unit: string
  source: string
}

/** Steps announced by their own trace event. */
type Marker = 'escalate' | 'report' | 'summons' | 'handoff' | 'dispatch'
/** What an unmarked stage was, told by the event that ends it. */
type Unmarked = 'work' | 'formal' | 'refusal' | 'arbitration' | 'intake'

interface Step {
  unit: string
  marker?: Marker
  activity?: string
}

interface Pending {
  time: number
  transition: Transition
  unit: string
  /** The step it belongs to (named when it ends), or a name already known. */
  step?: Step
  activity?: string
}

interface ItemState {
  instance: number
  source: string
  open?: Step
  /** The marker the next queued stage carries (an escalation or a report announced it). */
  next?: Marker
  pending: Pending[]
  placed: boolean
  inspected: boolean
}

interface InstanceState {
  relays: Array<{time: number; unit: string}>
  /** Items issued and not yet past their relays. */
  waiting: number
}

/** Tiers name territorial units in activities; other units go by their kind (a department). */
const TERRITORIAL = new Set(['government', 'party', 'street', 'community', 'grid'])

export class StepMapper {
  private readonly items = new Map<number, ItemState>()
  private readonly instances = new Map<number, InstanceState>()
  private readonly units = new Map<string, UnitInfo>()
  private readonly sources = new Map<string, SourceInfo>()

  constructor(
    private readonly emit: (e: StepEvent) => void,
    catalogue?: Catalogue,
  ) {
    for (const u of catalogue?.units ?? []) this.units.set(u.id, u)
    for (const s of catalogue?.sources ?? []) this.sources.set(`${s.type}:${s.id}`, s)
  }

  /** Open items and instances held (the writer's state beyond the sort buffer). */
  get openItems(): number {
    return this.items.size
  }

  /** Where a unit sits in activity names: its tier for territorial units, else its kind. */
  place(unit: string): string {
    const u = this.units.get(unit)
    if (!u) return unit
    return TERRITORIAL.has(u.kind) ? (this.tierOf(unit) ?? u.kind) : u.kind
  }

  /** The unit's tier, or its nearest ancestor's (a district bureau works at district tier). */
  tierOf(unit: string): string | undefined {
    for (let u = this.units.get(unit); u; u = u.parent === undefined ? undefined : this.units.get(u.parent)) if (u.tier) return u.tier
    return undefined
  }

  push(e: TraceEvent): void {
    if (e.item < 0) {
      if (e.activity === 'relayed') this.instance(e.instance).relays.push({time: e.time, unit: e.unit})
      return
    }
    if (e.activity === 'issued') {
      this.items.set(e.item, {instance: e.instance, source: e.source, pending: [], placed: false, inspected: false})
      if (e.instance >= 0) this.instance(e.instance).waiting++
      this.atomic(e, e.instance >= 0 ? 'issue' : 'raise request')
      return
    }
    const s = this.items.get(e.item)
    if (!s) return // an item born before a cut (--events-limit) or the warm-up
    if (!s.placed) this.place_(e, s)
    switch (e.activity) {
      case 'escalated':
      case 'reported':
        this.close(e, s, 'formal')
        s.next = e.activity === 'escalated' ? 'escalate' : 'report'
        break
      case 'summoned':
      case 'handoff':
      case 'dispatched':
        // A wait that occupies no one: it starts here and ends with the item's next event.
        this.close(e, s, e.activity === 'dispatched' ? 'intake' : 'formal')
        s.open = {unit: e.unit, marker: e.activity === 'summoned' ? 'summons' : e.activity === 'handoff' ? 'handoff' : 'dispatch'}
        s.pending.push({time: e.time, transition: 'start', unit: e.unit, step: s.open})
        break
      case 'refused':
      case 'arbitrated':
        this.close(e, s, e.activity === 'refused' ? 'refusal' : 'arbitration')
        break
      case 'queued':
        this.close(e, s, 'formal')
        s.open = {unit: e.unit, marker: s.next}
        s.next = undefined
        s.pending.push({time: e.time, transition: 'schedule', unit: e.unit, step: s.open})
        break
      case 'started':
        if (s.open) s.pending.push({time: e.time, transition: 'start', unit: e.unit, step: s.open})
        break
      case 'inspected':
        // The first marks the inspection reaching the unit (its own hours are the work step);
        // later ones are the inspector's visit ending.
        if (s.inspected) this.atomic(e, `inspector's visit from ${this.place(e.unit)}`)
        s.inspected = true
        break
      case 'returned':
        this.atomic(e, 'return to issuer')
        break
      case 'completed':
      case 'unresolved':
      case 'rejected':
        this.close(e, s, e.activity === 'completed' ? 'work' : 'formal')
        this.atomic(e, `outcome: ${e.activity}`)
        this.items.delete(e.item)
        break
      default:
        break
    }
  }

  /** Items open at the horizon: their open step is written without its completion. */
  finish(): void {
    for (const [item, s] of this.items) {
      if (s.open) s.open.activity = this.stageName(s, s.open, this.holds(s, s.open.unit) ? 'work' : 'formal')
      this.flush(item, s, true)
    }
    this.items.clear()
    this.instances.clear()
  }

  private instance(k: number): InstanceState {
    let st = this.instances.get(k)
    if (!st) this.instances.set(k, (st = {relays: [], waiting: 0}))
    return st
  }

  /** The item reaches its first unit: the relays of its instance above that unit come first. */
  private place_(e: TraceEvent, s: ItemState): void {
    s.placed = true
    const inst = s.instance >= 0 ? this.instances.get(s.instance) : undefined
    if (!inst) return
    for (const r of inst.relays) {
      if (this.within(e.unit, r.unit)) s.pending.push({time: r.time, transition: 'complete', unit: r.unit, activity: `relay at ${this.place(r.unit)}`})
    }
    if (--inst.waiting <= 0) this.instances.delete(s.instance)
  }

  /** Whether `unit` lies at or below `ancestor` (true when the model's tree is unknown). */
  private within(unit: string, ancestor: string): boolean {
    if (!this.units.has(unit)) return true
    for (let u = this.units.get(unit); u; u = u.parent === undefined ? undefined : this.units.get(u.parent)) if (u.id === ancestor) return true
    return false
  }

  /** Ends the open step at e.time; an unmarked one was what `unmarked` says. */
  private close(e: TraceEvent, s: ItemState, unmarked: Unmarked): void {
    const step = s.open
    if (step) {
      step.activity = this.stageName(s, step, unmarked)
      s.pending.push({time: e.time, transition: 'complete', unit: step.unit, step})
      s.open = undefined
    }
    this.flush(e.item, s, false)
  }

  private stageName(s: ItemState, step: Step, unmarked: Unmarked): string {
    const where = this.place(step.unit)
    switch (step.marker) {
      case 'escalate': return `escalate to ${where}`
      case 'report': return `report from ${where}`
      case 'summons': return `summons from ${where}`
      case 'handoff': return `hand-off to ${where}`
      case 'dispatch': return `dispatch to ${where}`
      default: break
    }
    switch (unmarked) {
      case 'formal': return `formal part at ${where}`
      case 'refusal': return `refusal at ${where}`
      case 'arbitration': return `arbitration at ${where}`
      case 'intake': return 'hotline intake'
      default: return this.source(s)?.kind === 'inspection' ? `inspection at ${where}` : `work at ${where}`
    }
  }

  /** A step of one instant, written in order with the open step's events. */
  private atomic(e: TraceEvent, activity: string): void {
    const s = this.items.get(e.item)
    if (!s) return
    s.pending.push({time: e.time, transition: 'complete', unit: e.unit, activity})
    if (!s.open) this.flush(e.item, s, false)
  }

  /** Writes what is named: everything once no step is open (or at the end, named or not). */
  private flush(item: number, s: ItemState, all: boolean): void {
    if (s.open && !all) return
    for (const p of s.pending) {
      const activity = p.activity ?? p.step?.activity
      if (activity === undefined) continue
      this.emit({time: p.time, activity, transition: p.transition, item, instance: s.instance, unit: p.unit, source: s.source})
    }
    s.pending = []
  }

  private source(s: ItemState): SourceInfo | undefined {
    return this.sources.get(`${s.instance >= 0 ? 'task' : 'demand'}:${s.source}`)
  }

  /** Whether the unit holds every power the item needs (open steps only: no later event tells). */
  private holds(s: ItemState, unit: string): boolean {
    const needs = this.source(s)?.needs ?? []
    const powers = this.units.get(unit)?.powers ?? []
    return needs.every((p) => powers.includes(p))
  }
}
