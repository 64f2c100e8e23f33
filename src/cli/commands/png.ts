/**
 * `lectern png`: not built yet in this checkout.
 */
import {LecternError} from '../../errors.js'
import type {ParsedArgs} from '../args.js'

/** Run `lectern png`. */
export async function run(_args: ParsedArgs): Promise<number> {
  throw new LecternError('USAGE', '`lectern png` is not available yet')
}
