// What a stream may receive beyond plain text. `live`: the line may be redrawn with escape
// codes (a terminal that is not TERM=dumb). `color`: live, and NO_COLOR is not set
// (https://no-color.org: any non-empty value).
export interface TerminalStyle {
  live: boolean
  color: boolean
}

export function terminalStyle(stream: {isTTY?: boolean}, env: NodeJS.ProcessEnv = process.env): TerminalStyle {
  const live = stream.isTTY === true && env.TERM !== 'dumb'
  return {live, color: live && !env.NO_COLOR}
}
