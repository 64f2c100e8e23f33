/**
 * Which local files a deck may use: those under its project root (the deck's
 * folder, or the nearest folder above it with a `package.json` or `.git`) and
 * under the folders the user allows (`--allow-fs`). Symbolic links are
 * resolved first, in the root and in every file, so a link inside the root
 * that points out of it is outside.
 */
import {existsSync, realpathSync} from 'node:fs'
import path from 'node:path'
import {isInside, toDisplayPath} from '../relative-path.js'

/** The folders one deck may read files from, symbolic links resolved. */
export interface FileAccess {
  /** The deck's project root. */
  readonly root: string
  /** The root, then every folder the user allows. */
  readonly folders: ReadonlyArray<string>
}

/**
 * Decide once per deck where its files may come from: the project root of
 * `deckPath` (or of `cwd` for a deck without a path) and the `allowFs`
 * folders, both relative to `cwd`.
 */
export function resolveFileAccess(deckPath: string | undefined, allowFs: ReadonlyArray<string> | null | undefined, cwd: string): FileAccess {
  const folder = deckPath ? path.dirname(path.resolve(cwd, deckPath)) : path.resolve(cwd)
  const root = findProjectRoot(folder)
  const allowed = (allowFs ?? []).map((dir) => toRealPath(path.resolve(cwd, dir)))
  return Object.freeze({root, folders: Object.freeze([root, ...allowed])})
}

/** The nearest folder at or above `folder` (links resolved) holding `package.json` or `.git`; `folder` itself when none does. */
export function findProjectRoot(folder: string): string {
  const start = toRealPath(folder)
  for (let current = start; ; ) {
    if (existsSync(path.join(current, 'package.json')) || existsSync(path.join(current, '.git'))) return current
    const parent = path.dirname(current)
    if (parent === current) return start
    current = parent
  }
}

/** Whether a file, links resolved, is inside one of the folders a deck may read. */
export function isAllowedFile(access: Readonly<FileAccess>, file: string): boolean {
  const real = toRealPath(file)
  return access.folders.some((folder) => isInside(real, folder))
}

/** Why a file `isAllowedFile` refused is left out (`what` is `image \`/etc/passwd\``), for an `outside-root` warning. */
export function toOutsideReason(what: string, access: Readonly<FileAccess>, cwd: string): string {
  return `Unexpected ${what} outside the project root \`${toDisplayPath(access.root, cwd)}\`, expected a file under it: pass \`--allow-fs <dir>\` to allow another folder`
}

/**
 * A path with every symbolic link resolved. For a path that does not exist,
 * the part that does is resolved and the rest kept, so a missing file or
 * folder (an `--allow-fs` folder not made yet) is judged by where it would be.
 */
export function toRealPath(file: string): string {
  const absolute = path.resolve(file)
  const rest: string[] = []
  for (let current = absolute; ; ) {
    try {
      return path.join(realpathSync(current), ...rest)
    } catch {
      const parent = path.dirname(current)
      if (parent === current) return absolute
      rest.unshift(path.basename(current))
      current = parent
    }
  }
}
