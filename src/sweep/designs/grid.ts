// The full grid: every combination of the factors' values, the first factor varying slowest.
import type {FactorValue} from '../values.js'

export function gridCells(levels: readonly (readonly FactorValue[])[]): FactorValue[][] {
  let cells: FactorValue[][] = [[]]
  for (const values of levels) cells = cells.flatMap((c) => values.map((v) => [...c, v]))
  return cells
}
