/**
 * `lectern check`: not built yet in this checkout.
 */
import {LecternError} from '../../errors.js'
import type {ParsedArgs} from '../args.js'

/** Run `lectern check`. */
export async function run(_args: ParsedArgs): Promise<number> {
  throw new LecternError('USAGE', '`lectern check` is not available yet')
}
