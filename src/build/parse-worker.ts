/**
 * Worker thread of `parseMarkdown`: takes the next text not yet taken (a
 * shared counter), parses it with the syntax of `createProcessor`, and posts
 * the tree back as JSON, which crosses threads faster than a structured clone.
 */
import {parentPort, workerData} from 'node:worker_threads'
import {createProcessor} from '../pipeline/processor.js'

const {texts, counter} = workerData as {texts: string[]; counter: SharedArrayBuffer}
const taken = new Int32Array(counter)
const processor = createProcessor({document: false})

for (;;) {
  const index = Atomics.add(taken, 0, 1)
  if (index >= texts.length) break
  parentPort!.postMessage({index, json: JSON.stringify(processor.parse(texts[index]))})
}
parentPort!.postMessage({done: true})
