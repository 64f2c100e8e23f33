/**
 * `lectern themes`: one built-in theme per line, name then description.
 * `lectern themes --gallery`: build `<out-dir>/themes/index.html`, the sample
 * slides in every theme.
 */
import {toDisplayPath} from '../../relative-path.js'
import {listThemes} from '../../themes/theme.js'
import type {ParsedArgs} from '../args.js'
import {exitCodeFor, report} from '../report.js'

/** Run `lectern themes`. */
export async function run(args: ParsedArgs): Promise<number> {
  if (args.values.gallery) return gallery(args)
  if (args.values['out-dir'] !== undefined) {
    process.stderr.write('lectern: warning: `--out-dir` is used only with `--gallery`\n')
  }
  const themes = listThemes()
  const width = Math.max(...themes.map((theme) => theme.name.length))
  for (const theme of themes) process.stdout.write(`${theme.name.padEnd(width)}  ${theme.description}\n`)
  return 0
}

async function gallery(args: ParsedArgs): Promise<number> {
  const {buildGallery} = await import('../../gallery/gallery.js')
  const result = await buildGallery({outDir: args.values['out-dir'] as string | undefined})
  process.stderr.write(report(result.files))
  if (result.output && !args.values.quiet) {
    process.stdout.write(`${toDisplayPath(result.output, process.cwd())}  ${result.themes.length} themes, ${result.slides.length} slides each\n`)
  }
  return result.output ? exitCodeFor(result.files) : 1
}
