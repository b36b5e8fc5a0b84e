// Fixed-size ring buffers for the sparklines, kept as plain arrays (oldest first).

export interface Ring {
  capacity: number
  values: number[]
}

export function ring(capacity: number): Ring {
  return {capacity: Math.max(1, Math.floor(capacity)), values: []}
}

/** Returns a new ring with `value` appended, dropping the oldest beyond capacity. */
export function push(r: Ring, value: number): Ring {
  const values = r.values.length >= r.capacity ? r.values.slice(r.values.length - r.capacity + 1) : r.values.slice()
  values.push(value)
  return {capacity: r.capacity, values}
}

/** The newest `n` values. */
export function latest(r: Ring, n: number): number[] {
  return n >= r.values.length ? r.values : r.values.slice(r.values.length - n)
}
