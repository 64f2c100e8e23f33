/**
 * How lectern names files to people and checks containment: one rule for
 * "relative to a folder, when inside it", with `/` on every platform.
 */
import path from 'node:path'

/** `file` relative to `cwd` with `/` separators (`''` for `cwd` itself), or `file` as given when outside it. */
export function toRelativePath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/')
}

/** A path relative to `cwd` when it is inside it, else `file` as given. */
export function toDisplayPath(file: string, cwd: string): string {
  return toRelativePath(cwd, file) || file
}

/** Whether `child` is `parent` or inside it (paths as given, links not resolved). */
export function isInside(child: string, parent: string): boolean {
  const relative = path.relative(parent, child)
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative))
}
