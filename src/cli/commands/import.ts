/**
 * `lectern import`: not built yet in this checkout.
 */
import {LecternError} from '../../errors.js'
import type {ParsedArgs} from '../args.js'

/** Run `lectern import`. */
export async function run(_args: ParsedArgs): Promise<number> {
  throw new LecternError('USAGE', '`lectern import` is not available yet')
}
