// The `?` overlay: the keys and what each panel means.
import {Box, Text} from 'ink'
import type {Labels} from '../i18n.js'
import {Cell, Section} from './Section.js'

export function Help({labels, width}: {labels: Labels; width: number}) {
  return (
    <Box flexDirection="column" width={width}>
      <Section title={labels.help.title} width={width} right={labels.help.close} />
      {labels.help.keys.map(([k, what]) => (
        <Box key={k} width={width}>
          <Cell width={8} bold color="cyan">
            {k}
          </Cell>
          <Text wrap="truncate">{what}</Text>
        </Box>
      ))}
      <Text> </Text>
      {labels.help.panels.map(([panel, what]) => (
        <Box key={panel} width={width}>
          <Cell width={16} bold>
            {panel}
          </Cell>
          <Text wrap="truncate">{what}</Text>
        </Box>
      ))}
    </Box>
  )
}
