// Path confinement for includes: a real path is inside a folder when it is the folder or
// lies beneath it (compared segment-wise, so `/models-evil` is not inside `/models`).
import {relative, isAbsolute} from 'node:path'

export function isInside(child: string, folder: string): boolean {
  const rel = relative(folder, child)
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel))
}
