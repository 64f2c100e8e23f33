/**
 * One way to write an output file, so a failed or interrupted write never
 * leaves half a file where the previous one was.
 */
import {rename, rm, writeFile} from 'node:fs/promises'
import path from 'node:path'
import {temporaryToken} from './interrupted.js'
import {toWriteError} from '../errors.js'
import {makeFolders} from './make-folders.js'

/** Write `content` to a temporary file next to `target` (folders created), then rename it into place. */
export async function writeAtomically(target: string, content: Uint8Array | string): Promise<void> {
  // `src/output/interrupted.ts` finds leftovers of killed runs by this prefix and the process id.
  const temporary = path.join(path.dirname(target), `.lectern-tmp-${temporaryToken()}-${path.basename(target)}`)
  try {
    await makeFolders(path.dirname(target))
    await writeFile(temporary, content)
    await rename(temporary, target)
  } catch (error) {
    await rm(temporary, {force: true})
    throw toWriteError(target, error)
  }
}
