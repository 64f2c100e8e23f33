/**
 * `lectern import`: a plain-text or HTML article as clean markdown, printed
 * or written (atomically, never over an existing file without `--force`,
 * never over the input).
 */
import {existsSync, statSync} from 'node:fs'
import path from 'node:path'
import {readDeckText} from '../../render/inputs.js'
import {LecternError} from '../../errors.js'
import {importExtensions, isImportPath} from '../../import/extensions.js'
import {importArticle} from '../../import/import-article.js'
import {writeAtomically} from '../../output/write-atomically.js'
import type {ParsedArgs} from '../args.js'
import {exitCodeFor, report} from '../report.js'

/** Run `lectern import`. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  // `parseCommandLine` has refused a command line without one.
  const input = args.inputs[0]
  const absolute = path.resolve(input)
  if (!existsSync(absolute)) throw new LecternError('INPUT', `Cannot find \`${input}\`: no such file`, {file: input})
  if (statSync(absolute).isDirectory()) throw new LecternError('INPUT', `Cannot import \`${input}\`: it is a folder, expected a \`.txt\` or \`.html\` file`, {file: input})
  // Markdown is already what import makes: reading it as plain text would mangle it.
  if (!isImportPath(input)) {
    throw new LecternError(
      'INPUT',
      `Cannot import \`${input}\`: expected a \`${importExtensions.join('`, `')}\` file${/\.(md|markdown)$/i.test(input) ? '; markdown needs no import, build it with `lectern build`' : ''}`,
      {file: input}
    )
  }

  const output = typeof values.output === 'string' ? values.output : undefined
  const target = output === undefined ? undefined : path.resolve(output)
  if (target === absolute) {
    throw new LecternError('OUTPUT', `Refusing to write over the input \`${input}\`: choose another \`--output\``, {file: input})
  }
  if (target && existsSync(target) && !values.force) {
    throw new LecternError('OUTPUT', `Refusing to overwrite \`${output}\`: it exists; pass \`--force\` to replace it`)
  }

  const result = importArticle(readDeckText(absolute, input), {path: input, output})
  process.stderr.write(report([result.file], {infos: !values.quiet}))
  const status = exitCodeFor([result.file])
  if (status !== 0) return status

  if (target === undefined) {
    process.stdout.write(result.markdown)
    return 0
  }
  await writeAtomically(target, result.markdown)
  if (!values.quiet) process.stdout.write(`${input} → ${output}\n`)
  return 0
}

