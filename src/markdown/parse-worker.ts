/**
 * Worker thread of `parseMarkdown`: parses with the syntax `createProcessor`
 * uses (and loads nothing else, to start fast), taking the next text not yet
 * taken from a shared counter, and posts each tree back as JSON, which
 * crosses threads faster than a structured clone.
 */
import remarkParse from 'remark-parse'
import {unified} from 'unified'
import {parentPort, workerData} from 'node:worker_threads'
import {remarkSyntax} from './syntax.js'
import {syntaxOf} from './syntax-of.js'

const {texts, counter} = workerData as {texts: string[]; counter: SharedArrayBuffer}
const taken = new Int32Array(counter)
const processor = unified().use(remarkParse).use(remarkSyntax).freeze()

// Which syntax this thread has, so the main thread can refuse trees parsed differently.
parentPort!.postMessage({syntax: syntaxOf(processor)})
for (;;) {
  const index = Atomics.add(taken, 0, 1)
  if (index >= texts.length) break
  parentPort!.postMessage({index, json: JSON.stringify(processor.parse(texts[index]))})
}
parentPort!.postMessage({done: true})
