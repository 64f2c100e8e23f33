/**
 * `lectern themes`: one built-in theme per line, name then description.
 */
import {listThemes} from '../../theme.js'
import type {ParsedArgs} from '../args.js'

/** Run `lectern themes`. */
export async function run(_args: ParsedArgs): Promise<number> {
  const themes = listThemes()
  const width = Math.max(...themes.map((theme) => theme.name.length))
  for (const theme of themes) process.stdout.write(`${theme.name.padEnd(width)}  ${theme.description}\n`)
  return 0
}
