// A panel title drawn as a rule: "Title ───────── right". Widths are measured, so titles in
// Chinese line up as well as English ones.
import {Box, Text} from 'ink'
import {displayWidth, truncateToWidth as truncate} from '../../views/width.js'

export function Section({title, width, right}: {title: string; width: number; right?: string}) {
  const r = right ? truncate(right, Math.max(0, width - 8)) : ''
  const t = truncate(title, Math.max(1, width - (r ? displayWidth(r) + 2 : 0) - 1))
  const rule = Math.max(0, width - displayWidth(t) - 1 - (r ? displayWidth(r) + 1 : 0))
  return (
    <Box width={width} flexShrink={0}>
      <Text wrap="truncate">
        <Text bold color="cyan">
          {t}
        </Text>
        <Text dimColor>
          {' '}
          {'─'.repeat(rule)}
          {r ? ` ${r}` : ''}
        </Text>
      </Text>
    </Box>
  )
}

/** Text in a fixed-width cell, truncated, aligned left or right. */
export function Cell({width, children, right, color, bold, dim}: {width: number; children: string; right?: boolean; color?: string; bold?: boolean; dim?: boolean}) {
  return (
    <Box width={width} flexShrink={0} justifyContent={right ? 'flex-end' : 'flex-start'}>
      <Text wrap="truncate-end" color={color} bold={bold} dimColor={dim}>
        {children}
      </Text>
    </Box>
  )
}
