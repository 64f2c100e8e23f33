/**
 * Launch the browser `findChromium` found, headless, with nothing that
 * reaches the network, within a bounded time.
 */
import type {Browser} from 'playwright-core'
import {defaults} from '../config/defaults.js'
import {LecternError} from '../errors.js'
import {findChromium} from './find-chromium.js'

export interface LaunchOptions {
  /** Browser path (default: found by `findChromium`). */
  browser?: string | null | undefined
  /** Give up after this many milliseconds (default: `60000`). */
  timeout?: number | null | undefined
}

/** Flags that keep a headless Chromium quiet and offline. */
const chromiumArgs = [
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-dev-shm-usage',
  '--font-render-hinting=none'
]

/** Launch a headless browser. Close it with `browser.close()`. */
export async function launchBrowser(options?: Readonly<LaunchOptions> | null): Promise<Browser> {
  const executablePath = findChromium(options?.browser)
  const timeout = options?.timeout ?? defaults.timeout
  const {chromium} = await import('playwright-core')
  // Chromium needs `--no-sandbox` when run as root (CI and containers).
  const root = typeof process.getuid === 'function' && process.getuid() === 0
  try {
    return await chromium.launch({
      executablePath,
      headless: true,
      timeout,
      args: [...chromiumArgs, ...(root ? ['--no-sandbox'] : [])]
    })
  } catch (error) {
    throw new LecternError(
      'BROWSER',
      `Cannot start the browser \`${executablePath}\`: ${(error as Error).message.split('\n')[0]}`,
      {cause: error}
    )
  }
}
