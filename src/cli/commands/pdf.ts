/**
 * `lectern pdf`: not built yet in this checkout.
 */
import {LecternError} from '../../errors.js'
import type {ParsedArgs} from '../args.js'

/** Run `lectern pdf`. */
export async function run(_args: ParsedArgs): Promise<number> {
  throw new LecternError('USAGE', '`lectern pdf` is not available yet')
}
