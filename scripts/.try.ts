import {createProcessor} from '../src/pipeline/processor.ts'
import {VFile} from 'vfile'
import {readFileSync} from 'node:fs'
const file = new VFile({path: process.argv[2], value: readFileSync(process.argv[2], 'utf8')})
const out = await createProcessor().process(file)
console.log(String(out))
console.error(file.messages.map(String).join('\n'), file.data.deck)
