// The plan slots a compile wants (needs id × units + unit), each once, in the order first
// wanted: a city wants about a million (every leaf of every tree), so they are kept as
// numbers, with one mark per slot, and added by indexed loops (a for-of over a leaf list
// allocates an iterator result per leaf until the loop is optimised).
export class PlanSlots {
  /** The slots, in the order first wanted. */
  readonly list: number[] = []
  private readonly seen: Uint8Array[] = []

  constructor(private readonly nUnits: number) {}

  want(needs: number, unit: number): void {
    const marks = (this.seen[needs] ??= new Uint8Array(this.nUnits))
    if (marks[unit] === 1) return
    marks[unit] = 1
    this.list.push(needs * this.nUnits + unit)
  }

  /** want(needs, u) for every u of `units`, in order. */
  wantAll(needs: number, units: ArrayLike<number>): void {
    for (let k = 0; k < units.length; k++) this.want(needs, units[k])
  }
}
