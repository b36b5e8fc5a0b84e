// Seeded randomness: xoshiro128** streams kept in one Uint32Array (four words per stream),
// seeded from a replication seed and a stable key (purpose + task/issuer ids) so that a
// reform touching one task leaves every other stream's numbers unchanged.

/** FNV-1a over the UTF-16 code units of a key, 32 bits. */
export function hashString(key: string, h = 0x811c9dc5): number {
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  return h >>> 0
}

/** splitmix32 step: returns [next state, output]. */
function splitmix32(state: number): [number, number] {
  state = (state + 0x9e3779b9) | 0
  let z = state
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
  return [state, (z ^ (z >>> 16)) >>> 0]
}

const MASK64 = (1n << 64n) - 1n

/** splitmix64 finaliser over a 64-bit value. */
function mix64(x: bigint): bigint {
  x = (x + 0x9e3779b97f4a7c15n) & MASK64
  x = ((x ^ (x >> 30n)) * 0xbf58476d1ce4e5b9n) & MASK64
  x = ((x ^ (x >> 27n)) * 0x94d049bb133111ebn) & MASK64
  return x ^ (x >> 31n)
}

/**
 * The seed of replication `r` of a run seeded with `seed`: splitmix64 over the 64-bit word
 * (seed as the high 32 bits, r as the low 32 bits), folded to 32 bits (high xor low).
 */
export function replicationSeed(seed: number, r: number): number {
  const word = ((BigInt(seed >>> 0) << 32n) | BigInt(r >>> 0)) & MASK64
  const z = mix64(word)
  return Number((z >> 32n) ^ (z & 0xffffffffn)) >>> 0
}

/** A bank of independent xoshiro128** streams. */
export class StreamBank {
  readonly state: Uint32Array
  /** A spare standard normal per stream (Box–Muller gives two). */
  private readonly spare: Float64Array
  private readonly hasSpare: Uint8Array

  constructor(seed: number, keys: readonly string[]) {
    this.state = new Uint32Array(keys.length * 4)
    this.spare = new Float64Array(keys.length)
    this.hasSpare = new Uint8Array(keys.length)
    for (let k = 0; k < keys.length; k++) this.seedStream(k, seed, keys[k])
  }

  private seedStream(k: number, seed: number, key: string): void {
    let s = hashString(key, (seed ^ 0x6a09e667) >>> 0) ^ Math.imul(seed >>> 0, 0x27d4eb2d)
    let allZero = true
    for (let i = 0; i < 4; i++) {
      const [next, out] = splitmix32(s)
      s = next
      this.state[k * 4 + i] = out
      if (out !== 0) allZero = false
    }
    if (allZero) this.state[k * 4] = 1
  }

  /** Next uint32 of stream k (xoshiro128**). */
  nextU32(k: number): number {
    return this.nextI32(k) >>> 0
  }

  /** The same draw as an int32 (a uint32 above 2^31 returned from a call would be boxed). */
  private nextI32(k: number): number {
    const st = this.state
    const o = k << 2
    const s0 = st[o], s1 = st[o + 1], s2 = st[o + 2], s3 = st[o + 3]
    const m = Math.imul(s1, 5)
    const result = Math.imul((m << 7) | (m >>> 25), 9)
    const t = s1 << 9
    let n2 = s2 ^ s0
    let n3 = s3 ^ s1
    const n1 = s1 ^ n2
    const n0 = s0 ^ n3
    n2 ^= t
    n3 = (n3 << 11) | (n3 >>> 21)
    st[o] = n0
    st[o + 1] = n1
    st[o + 2] = n2
    st[o + 3] = n3
    return result
  }

  /** Uniform in the open interval (0, 1). */
  uniform(k: number): number {
    return ((this.nextI32(k) >>> 0) + 0.5) * 2.3283064365386963e-10
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(k: number): number {
    if (this.hasSpare[k] === 1) {
      this.hasSpare[k] = 0
      return this.spare[k]
    }
    const u = this.uniform(k)
    const v = this.uniform(k)
    const r = Math.sqrt(-2 * Math.log(u))
    this.spare[k] = r * Math.sin(2 * Math.PI * v)
    this.hasSpare[k] = 1
    return r * Math.cos(2 * Math.PI * v)
  }
}
