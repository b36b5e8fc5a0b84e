// A growable bitset of non-negative integer ids: which items and instances already have their
// object written. One bit per id keeps the writers' per-item state to ~125 KB per million items,
// whatever the number of events, and never holds an event.
export class IdSet {
  private bits = new Uint32Array(32)

  has(id: number): boolean {
    const w = id >>> 5
    return w < this.bits.length && (this.bits[w] & (1 << (id & 31))) !== 0
  }

  add(id: number): void {
    const w = id >>> 5
    if (w >= this.bits.length) {
      let n = this.bits.length
      while (n <= w) n *= 2
      const grown = new Uint32Array(n)
      grown.set(this.bits)
      this.bits = grown
    }
    this.bits[w] |= 1 << (id & 31)
  }

  /** Memory held, in bytes. */
  get bytes(): number {
    return this.bits.byteLength
  }
}
