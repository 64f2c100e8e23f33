/**
 * The command line as data: commands, their flags, and `--help` made from
 * the table (unified-args' schema, in spirit).
 */
import {parseArgs} from 'node:util'
import {defaultExportName, defaults} from '../config/defaults.js'
import {LecternError} from '../errors.js'

/** One flag. */
export interface Flag {
  name: string
  short?: string
  type: 'boolean' | 'string'
  /** Value shown in help, such as `<dir>`. */
  value?: string
  description: string
  /** Default, as help shows it. */
  default?: string
  /** Whether it may be given more than once; its value is then the list of values. */
  multiple?: boolean
}

/** One command. */
export interface Command {
  name: string
  usage: string
  summary: string
  flags: Flag[]
  /** Whether it takes positional inputs. */
  inputs: 'none' | 'one' | 'many'
}

const browser: Flag = {name: 'browser', type: 'string', value: '<path>', description: 'Chrome, Chromium or Edge to use (else $LECTERN_BROWSER, then the usual install locations)'}
const theme: Flag = {name: 'theme', short: 't', type: 'string', value: '<name|path>', description: 'theme name or CSS file; wins over front matter `theme`'}
const timeout: Flag = {name: 'timeout', type: 'string', value: '<seconds>', description: 'give up on a browser that does not answer', default: String(defaults.timeout / 1000)}
const allowHtml: Flag = {name: 'allow-html', type: 'boolean', description: 'keep raw HTML from the markdown (trusted authors only)'}
const allowFs: Flag = {
  name: 'allow-fs',
  type: 'string',
  value: '<dir>',
  multiple: true,
  description: 'let decks use files from this folder too, besides their project root (repeatable)'
}

/** Flags every command takes. */
export const globalFlags: Flag[] = [
  {name: 'help', short: 'h', type: 'boolean', description: 'show help'},
  {name: 'debug', type: 'boolean', description: 'show stack traces of internal errors'},
  {name: 'quiet', short: 'q', type: 'boolean', description: 'print only problems'}
]

/** Every command, in help order. */
export const commands: Command[] = [
  {
    name: 'build',
    usage: 'lectern build <file.md|folder>… [--out-dir dist]',
    summary: 'build decks into <out-dir>/<deck>/index.html with their assets',
    inputs: 'many',
    flags: [
      {name: 'out-dir', short: 'o', type: 'string', value: '<dir>', description: 'output folder', default: defaults.outDir},
      theme,
      {name: 'single-file', type: 'boolean', description: 'write <out-dir>/<deck>.html with everything inlined'},
      allowHtml,
      allowFs,
      {name: 'split', type: 'string', value: '<auto|manual>', description: 'how slides are found (default: decided by the deck)'},
      {name: 'frail', type: 'boolean', description: 'exit with 1 on warnings too'},
      {name: 'cache-dir', type: 'string', value: '<dir>', description: 'where large decks keep parsed sections for the next build', default: 'node_modules/.cache/lectern'},
      {name: 'no-cache', type: 'boolean', description: 'parse every section; keep none'}
    ]
  },
  {
    name: 'serve',
    usage: 'lectern serve <file.md|folder> [--port 3000] [--host 127.0.0.1] [--open]',
    summary: 'serve decks with live reload and the speaker view',
    inputs: 'one',
    flags: [
      {name: 'port', short: 'p', type: 'string', value: '<port>', description: 'port (0 picks a free one)', default: String(defaults.port)},
      {name: 'host', type: 'string', value: '<host>', description: 'address to listen on', default: defaults.host},
      {name: 'open', type: 'boolean', description: 'open the deck in a browser'},
      theme,
      allowHtml,
      allowFs
    ]
  },
  {
    name: 'pdf',
    usage: 'lectern pdf <file.md> [-o dist/<deck>.pdf] [--notes | --handout]',
    summary: 'print a deck to PDF, one page per slide',
    inputs: 'one',
    flags: [
      {name: 'output', short: 'o', type: 'string', value: '<file>', description: 'PDF file', default: `${defaults.outDir}/${defaultExportName('<deck>', 'pdf')}`},
      {name: 'notes', type: 'boolean', description: 'add each slide\'s speaker notes after it'},
      {name: 'handout', type: 'boolean', description: 'slide and notes on one A4 portrait page'},
      browser,
      timeout,
      theme,
      allowHtml,
      allowFs
    ]
  },
  {
    name: 'png',
    usage: 'lectern png <file.md> [--out-dir dist/<deck>-png]',
    summary: 'render one PNG per slide',
    inputs: 'one',
    flags: [
      {name: 'out-dir', short: 'o', type: 'string', value: '<dir>', description: 'output folder', default: `${defaults.outDir}/${defaultExportName('<deck>', 'png')}`},
      browser,
      timeout,
      theme,
      allowHtml,
      allowFs
    ]
  },
  {
    name: 'pptx',
    usage: 'lectern pptx <file.md|folder>… [-o dist/<deck>.pptx]',
    summary: 'write an editable PowerPoint file with speaker notes, no browser needed',
    inputs: 'many',
    flags: [
      {name: 'output', short: 'o', type: 'string', value: '<file>', description: 'PowerPoint file (one deck only)', default: `${defaults.outDir}/${defaultExportName('<deck>', 'pptx')}`},
      theme,
      allowHtml,
      allowFs,
      {name: 'split', type: 'string', value: '<auto|manual>', description: 'how slides are found, as for `lectern build` (default: decided by the deck)'},
      {name: 'frail', type: 'boolean', description: 'exit with 1 on warnings too'}
    ]
  },
  {
    name: 'check',
    usage: 'lectern check <file.md|folder>… [--json]',
    summary: 'find what would go wrong in front of an audience, measured in a browser',
    inputs: 'many',
    flags: [
      {name: 'json', type: 'boolean', description: 'print findings as JSON'},
      {name: 'split', type: 'string', value: '<auto|manual>', description: 'how slides are found, as for `lectern build` (default: decided by the deck)'},
      browser,
      timeout,
      theme,
      allowHtml,
      allowFs
    ]
  },
  {
    name: 'themes',
    usage: 'lectern themes [--gallery] [--out-dir dist]',
    summary: 'list the built-in themes, or build a gallery of them',
    inputs: 'none',
    flags: [
      {name: 'gallery', type: 'boolean', description: 'build <out-dir>/themes/index.html showing sample slides in every theme'},
      {name: 'out-dir', short: 'o', type: 'string', value: '<dir>', description: 'output folder for the gallery', default: defaults.outDir}
    ]
  },
  {
    name: 'import',
    usage: 'lectern import <file.txt|file.html> [-o slides/<name>.md]',
    summary: 'turn a plain-text or HTML article into clean markdown',
    inputs: 'one',
    flags: [
      {name: 'output', short: 'o', type: 'string', value: '<file>', description: 'markdown file to write (default: print to stdout)'},
      {name: 'force', short: 'f', type: 'boolean', description: 'overwrite an existing output file'}
    ]
  }
]

/** A parsed command line. */
export interface ParsedArgs {
  command: Command | undefined
  inputs: string[]
  values: Record<string, string | boolean | string[] | undefined>
}

/** Parse argv (without `node` and the script). Throws a USAGE `LecternError`. */
export function parseCommandLine(argv: string[]): ParsedArgs {
  const [first, ...rest] = argv
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    const topic = first === 'help' ? commands.find((c) => c.name === rest[0]) : undefined
    return {command: topic, inputs: [], values: {help: true}}
  }
  if (first === '--version' || first === '-v') return {command: undefined, inputs: [], values: {version: true}}
  const command = commands.find((c) => c.name === first)
  if (!command) {
    throw new LecternError('USAGE', `Unknown command \`${first}\`, expected one of ${commands.map((c) => `\`${c.name}\``).join(', ')}`)
  }
  const flags = [...command.flags, ...globalFlags]
  const options = Object.fromEntries(
    flags.map((flag) => [flag.name, {type: flag.type, ...(flag.short ? {short: flag.short} : {}), ...(flag.multiple ? {multiple: true} : {})}])
  )
  let parsed
  try {
    parsed = parseArgs({args: rest, options, allowPositionals: true, strict: true})
  } catch (error) {
    throw new LecternError('USAGE', `${(error as Error).message.replace(/\. To specify.*$/s, '').replace(/'([^']*)'/g, '`$1`')} (see \`lectern ${command.name} --help\`)`)
  }
  const inputs = parsed.positionals
  if (!parsed.values.help) {
    if (command.inputs === 'none' && inputs.length > 0) {
      throw new LecternError('USAGE', `Unexpected argument \`${inputs[0]}\`: \`lectern ${command.name}\` takes no inputs`)
    }
    if (command.inputs === 'one' && inputs.length > 1) {
      throw new LecternError('USAGE', `Unexpected argument \`${inputs[1]}\`: \`lectern ${command.name}\` takes one input`)
    }
    if (command.inputs !== 'none' && inputs.length === 0) {
      throw new LecternError('USAGE', `Missing input: \`${command.usage}\``)
    }
  }
  return {command, inputs, values: parsed.values as ParsedArgs['values']}
}

/** Help text for one command, or for all. */
export function helpText(command?: Command): string {
  const formatFlags = (flags: Flag[]) =>
    flags
      .map((flag) => {
        const name = `${flag.short ? `-${flag.short}, ` : '    '}--${flag.name}${flag.value ? ` ${flag.value}` : ''}`
        return `  ${name.padEnd(34)}${flag.description}${flag.default ? ` (default: ${flag.default})` : ''}`
      })
      .join('\n')
  if (command) {
    return `Usage: ${command.usage}\n\n${command.summary[0].toUpperCase()}${command.summary.slice(1)}.\n\nOptions:\n${formatFlags([...command.flags, ...globalFlags])}\n`
  }
  return [
    'Usage: lectern <command> [options]',
    '',
    'Turn a markdown article into a reveal.js talk.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
    '',
    'Options:',
    formatFlags([...globalFlags, {name: 'version', short: 'v', type: 'boolean', description: 'show the version'}]),
    '',
    'Run `lectern <command> --help` for a command\'s options.',
    ''
  ].join('\n')
}
