// A growable list of 32-bit integers for the compiler's tables, which are built by appending
// and end as Int32Arrays: at city scale (a million stage fields) this is faster than number[].

export class IntList {
  private a: Int32Array
  length = 0

  constructor(capacity = 1024) {
    this.a = new Int32Array(capacity)
  }

  push(v: number): void {
    if (this.length === this.a.length) this.grow()
    this.a[this.length++] = v
  }

  at(i: number): number {
    return this.a[i]
  }

  set(i: number, v: number): void {
    this.a[i] = v
  }

  /** Appends a copy of the `count` numbers from `from`; returns where the copy starts. */
  append(from: number, count: number): number {
    this.reserve(this.length + count)
    const a = this.a
    const start = this.length
    // A plan's few stages copy faster by hand than through copyWithin.
    if (count < 64) for (let k = 0; k < count; k++) a[start + k] = a[from + k]
    else a.copyWithin(start, from, from + count)
    this.length += count
    return start
  }

  /** Makes room for `capacity` numbers in all. */
  reserve(capacity: number): void {
    if (capacity > this.a.length) this.grow(capacity)
  }

  /** The list's numbers, copied. */
  toInt32Array(): Int32Array {
    return this.a.slice(0, this.length)
  }

  private grow(capacity = 0): void {
    const b = new Int32Array(Math.max(capacity, this.a.length * 2))
    b.set(this.a)
    this.a = b
  }
}
