#!/usr/bin/env node
/**
 * The `lectern` bin: process concerns only. Parses the command line, calls the
 * library, prints messages and sets the exit status. Commands load lazily, so
 * `lectern build` never loads a browser driver or a server.
 */
import {VFileMessage} from 'vfile-message'
import {isLecternError} from '../errors.js'
import {commands, helpText, parseCommandLine, type ParsedArgs} from './args.js'
import {exitCodeForError, formatError, formatMessage} from './report.js'

/** What a command module exports. */
export interface CommandModule {
  run(args: ParsedArgs): Promise<number>
}

const load: Record<string, () => Promise<CommandModule>> = {
  build: () => import('./commands/build.js'),
  serve: () => import('./commands/serve.js'),
  pdf: () => import('./commands/pdf.js'),
  png: () => import('./commands/png.js'),
  pptx: () => import('./commands/pptx.js'),
  check: () => import('./commands/check.js'),
  themes: () => import('./commands/themes.js'),
  import: () => import('./commands/import.js')
}

async function main(argv: string[]): Promise<number> {
  const debug = argv.includes('--debug') || /(^|,)lectern:/.test(process.env.DEBUG ?? '')
  // The bundle is minified; its source maps give traces the TypeScript names and lines.
  if (debug) process.setSourceMapsEnabled(true)
  try {
    const args = parseCommandLine(argv)
    if (args.values.version) {
      process.stdout.write(`${VERSION}\n`)
      return 0
    }
    if (args.values.help || !args.command) {
      process.stdout.write(helpText(args.command))
      return 0
    }
    const module = await load[args.command.name]()
    return await module.run(args)
  } catch (error) {
    // Every problem is one line; the stack only with `--debug`.
    if (isLecternError(error)) {
      process.stderr.write(`${formatError(error)}\n`)
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`)
      return exitCodeForError(error)
    }
    if (error instanceof VFileMessage) {
      // A plugin's `file.fail()`: the input's fault, at its place.
      process.stderr.write(`${formatMessage(error)}\n`)
      if (debug && error.stack) process.stderr.write(`${error.stack}\n`)
      return 1
    }
    const message = error instanceof Error ? error.message : String(error)
    process.stderr.write(`lectern: internal error: ${message} (run again with \`--debug\` to see where, and report it)\n`)
    if (debug && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`)
    return 1
  }
}

declare const __LECTERN_VERSION__: string | undefined
const VERSION = typeof __LECTERN_VERSION__ === 'string' ? __LECTERN_VERSION__ : '0.0.0-dev'

// Keep `commands` referenced so `--help` and the loader stay in step.
if (commands.some((command) => !(command.name in load))) throw new Error('A command has no module')

void main(process.argv.slice(2)).then((code) => { process.exitCode = code })
