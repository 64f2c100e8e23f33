/**
 * `lectern serve`: serve decks with live reload until Ctrl-C. Prints the URL,
 * how to open the speaker view, and each rebuild's problems.
 */
import {spawn} from 'node:child_process'
import {LecternError} from '../../errors.js'
import type {ServeBuildEvent} from '../../serve/serve.js'
import type {ParsedArgs} from '../args.js'
import {report} from '../report.js'
import {listValue, numberValue, splitValue} from './shared.js'

/** Run `lectern serve`; resolves with 0 once SIGINT or SIGTERM has shut the server down. */
export async function run(args: ParsedArgs): Promise<number> {
  const values = args.values
  const quiet = Boolean(values.quiet)
  // `parseCommandLine` has refused a command line without one.
  const input = args.inputs[0]
  const port = numberValue('port', values.port)
  if (port !== undefined && (!Number.isInteger(port) || port > 65_535)) {
    throw new LecternError('USAGE', `Unexpected \`--port ${String(values.port)}\`, expected a whole number from 0 to 65535`)
  }
  const {serve} = await import('../../serve/serve.js')
  const onBuild = (event: ServeBuildEvent) => {
    if (event.file) process.stderr.write(report([event.file], {infos: !quiet && event.first}))
    else if (event.error) process.stderr.write(`${event.input}:1:1: error: ${event.error.message}\n`)
    if (!event.first && !quiet) {
      const when = new Date().toLocaleTimeString()
      process.stdout.write(
        event.ok
          ? `${when} updated ${event.input} (${Math.round(event.ms)} ms)\n`
          : `${when} ${event.input} has errors; pages keep the last good version\n`
      )
    }
  }
  const handle = await serve(input, {
    port,
    host: values.host as string | undefined,
    theme: values.theme as string | undefined,
    allowHtml: values['allow-html'] ? true : undefined,
    allowFs: listValue(values['allow-fs']),
    split: splitValue(values.split),
    onBuild
  })

  const lines = [`lectern: serving ${input} at ${handle.url}`]
  if (handle.decks.length > 1 || handle.decks[0]?.url !== handle.url) {
    for (const deck of handle.decks) lines.push(`  ${deck.input} → ${deck.url}`)
  }
  lines.push('  Press S in the deck to open the speaker view (notes, next slide, clock, pacing timer).')
  lines.push('  Saving the markdown updates every open page. Ctrl-C stops.')
  process.stdout.write(`${lines.join('\n')}\n`)
  if (values.open) openBrowser(handle.url)

  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      handle.close().then(resolve, resolve)
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  if (!quiet) process.stdout.write('lectern: stopped\n')
  return 0
}

/** Open a URL in the system browser if there is one; never fails. */
function openBrowser(url: string): void {
  const [command, ...rest] =
    process.platform === 'darwin' ? ['open', url] : process.platform === 'win32' ? ['cmd', '/c', 'start', '""', url] : ['xdg-open', url]
  try {
    const child = spawn(command, rest, {stdio: 'ignore', detached: true})
    child.on('error', () => {
      process.stderr.write(`lectern: could not open a browser; open ${url} yourself\n`)
    })
    child.unref()
  } catch {
    process.stderr.write(`lectern: could not open a browser; open ${url} yourself\n`)
  }
}
