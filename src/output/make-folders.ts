/**
 * `mkdir -p` that always ends.
 */
import {mkdir as mkdirCallback} from 'node:fs'
import path from 'node:path'
import {promisify} from 'node:util'

// The callback form: `node:fs/promises` costs a build module loads it does not need.
const mkdir = promisify(mkdirCallback)

/**
 * Make a folder and its missing parents, as `mkdir -p`. Not Node's recursive
 * `mkdir`: where making a folder fails with `ENOENT` under a parent that
 * exists (`/proc/x`), that one retries forever.
 */
export async function makeFolders(folder: string): Promise<void> {
  try {
    await mkdir(folder)
    return
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'EEXIST') return
    if (code !== 'ENOENT' || path.dirname(folder) === folder) throw error
  }
  await makeFolders(path.dirname(folder))
  try {
    await mkdir(folder)
  } catch (error) {
    // Made meanwhile by another write of the same build.
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
}
