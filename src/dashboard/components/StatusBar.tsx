// The top line (model, simulated day, speed, running or paused) and the bottom lines
// (reform toggles and key hints).
import {Box, Text} from 'ink'
import {day} from '../format.js'
import {dayLabel, reformName, type Labels, type Lang} from '../i18n.js'
import {displayWidth, truncateToWidth as truncate} from '../../views/width.js'
import type {ReformToggle} from '../state/controller.js'

export interface StatusBarProps {
  model: string
  time: number
  hoursPerDay: number
  speed: number
  paused: boolean
  seed: number
  width: number
  labels: Labels
  lang: Lang
  message?: string
}

export function StatusBar({model, time, hoursPerDay, speed, paused, seed, width, labels, lang, message}: StatusBarProps) {
  // Measured here rather than truncated by ink, which can overshoot by a column on CJK text.
  const title = ` ${labels.title} `
  const now = dayLabel(labels, day(time, hoursPerDay), lang)
  const pace = ` · ${speed} ${labels.speed} · `
  const state = paused ? labels.paused : labels.running
  const fixed = displayWidth(title) + 1 + displayWidth(now) + displayWidth(pace) + displayWidth(state)
  const seedText = ` · ${labels.seed} ${seed}`
  const room = width - fixed - 3
  const name = truncate(model, Math.max(0, Math.min(displayWidth(model), room)))
  let left = room - displayWidth(name)
  const showSeed = left >= displayWidth(seedText)
  if (showSeed) left -= displayWidth(seedText)
  const note = message && left > 4 ? truncate(` · ${message}`, left) : ''
  return (
    <Box width={width} flexShrink={0}>
      <Text>
        <Text bold inverse>
          {title}
        </Text>
        <Text> {name ? `${name} · ` : ''}</Text>
        <Text bold>{now}</Text>
        <Text>{pace}</Text>
        <Text color={paused ? 'yellow' : 'green'}>{state}</Text>
        {showSeed ? <Text dimColor>{seedText}</Text> : null}
        {note ? <Text color="red">{note}</Text> : null}
      </Text>
    </Box>
  )
}

export function ReformBar({reforms, width, labels}: {reforms: ReformToggle[]; width: number; labels: Labels}) {
  return (
    <Box width={width} flexShrink={0}>
      <Text wrap="truncate">
        <Text bold>{labels.reforms}: </Text>
        {reforms.length === 0 ? <Text dimColor>{labels.noReforms}</Text> : null}
        {reforms.map((r, i) => (
          <Text key={i} color={r.enabled ? 'green' : undefined} dimColor={!r.enabled}>
            {r.key ? `[${r.key}]` : '[ ]'}
            {r.enabled ? '✓' : '·'}
            {reformName(labels, r.type)}{'  '}
          </Text>
        ))}
      </Text>
    </Box>
  )
}

export function KeyBar({width, labels}: {width: number; labels: Labels}) {
  return (
    <Box width={width} flexShrink={0}>
      <Text dimColor wrap="truncate">
        {labels.keyHints}
      </Text>
    </Box>
  )
}
