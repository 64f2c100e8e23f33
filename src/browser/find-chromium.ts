/**
 * Find an installed Chrome, Chromium or Edge: `--browser`, then
 * `$LECTERN_BROWSER` (or `$CHROME_PATH`), then the usual install locations of
 * each OS. Nothing is ever downloaded.
 */
import {accessSync, constants} from 'node:fs'
import path from 'node:path'
import {LecternError} from '../errors.js'

/** Environment variables read, in order. */
const browserEnvironmentVariables = ['LECTERN_BROWSER', 'CHROME_PATH'] as const

/** Known install locations per platform. */
function knownBrowserPaths(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
      '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary'
    ]
  }
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter(Boolean) as string[]
    return roots.flatMap((root) => [
      path.win32.join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      path.win32.join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
      path.win32.join(root, 'Chromium', 'Application', 'chrome.exe')
    ])
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/microsoft-edge',
    '/usr/bin/microsoft-edge-stable',
    '/snap/bin/chromium',
    '/opt/google/chrome/chrome'
  ]
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK)
    return true
  } catch {
    return false
  }
}

/**
 * The path of a browser to drive. Throws `NO_BROWSER` saying what to install
 * when none is found, and when a named one does not exist.
 */
export function findChromium(given?: string | null, env: NodeJS.ProcessEnv = process.env): string {
  if (given) {
    if (isExecutable(given)) return given
    throw new LecternError('NO_BROWSER', `Cannot run the browser \`${given}\` given with \`--browser\`: no executable file there`)
  }
  for (const name of browserEnvironmentVariables) {
    const value = env[name]
    if (!value) continue
    if (isExecutable(value)) return value
    throw new LecternError('NO_BROWSER', `Cannot run the browser \`${value}\` named by \`$${name}\`: no executable file there`)
  }
  for (const candidate of knownBrowserPaths()) if (isExecutable(candidate)) return candidate
  throw new LecternError(
    'NO_BROWSER',
    'Cannot find Chrome, Chromium or Edge. Install one (Debian/Ubuntu: `apt-get install chromium`), ' +
      'or pass `--browser <path>` or set `$LECTERN_BROWSER`'
  )
}

/** Like `findChromium`, but `undefined` instead of throwing. */
export function findChromiumOrUndefined(env: NodeJS.ProcessEnv = process.env): string | undefined {
  try {
    return findChromium(undefined, env)
  } catch {
    return undefined
  }
}
