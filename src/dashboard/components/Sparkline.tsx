// A sparkline (▁▂▃▄▅▆▇█) of the newest `width` values, scaled to `max` (shared when comparing).
import {Text} from 'ink'
import {sparkline} from '../format.js'

export function Sparkline({values, width, max, color}: {values: readonly number[]; width: number; max?: number; color?: string}) {
  return <Text color={color}>{sparkline(values, width, max)}</Text>
}
