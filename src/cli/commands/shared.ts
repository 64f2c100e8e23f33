/**
 * Small helpers the commands share.
 */
import {LecternError} from '../../errors.js'

/** `272` → `4 min 32 s`. */
export function formatDuration(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  const rest = Math.round(seconds % 60)
  return minutes > 0 ? `${minutes} min${rest ? ` ${rest} s` : ''}` : `${rest} s`
}

/** Validate `--split`. */
export function splitValue(value: string | boolean | undefined): 'auto' | 'manual' | undefined {
  if (value === undefined) return undefined
  if (value === 'auto' || value === 'manual') return value
  throw new LecternError('USAGE', `Unexpected \`--split ${String(value)}\`, expected \`auto\` or \`manual\``)
}

/** Validate a number flag such as `--port` or `--timeout`. */
export function numberValue(name: string, value: string | boolean | undefined, fallback: number): number {
  if (value === undefined) return fallback
  const number = Number(value)
  if (typeof value !== 'string' || !Number.isFinite(number) || number < 0) {
    throw new LecternError('USAGE', `Unexpected \`--${name} ${String(value)}\`, expected a number`)
  }
  return number
}

/** `1234567` → `1.2 MB`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}
