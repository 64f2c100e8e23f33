/**
 * The fingerprint of a parser's syntax, computed the same way on the main
 * thread and in the parse worker, so trees parsed differently are refused.
 */

/** How many micromark and mdast extensions a processor parses with, as `micromark/mdast`. */
export function syntaxOf(processor: {data(key: string): unknown}): string {
  const count = (key: string) => {
    const value = processor.data(key)
    return Array.isArray(value) ? value.length : 0
  }
  return `${count('micromarkExtensions')}/${count('fromMarkdownExtensions')}`
}
