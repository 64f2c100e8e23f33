/**
 * Saved HTML pages keep the charset their site used (GBK, Big5, Shift_JIS…)
 * and say so in a `<meta>`: such a page is read in that charset.
 */

/** The text of an HTML page in the charset its `<meta>` declares; `undefined` when it declares none that decodes it. */
export function decodeDeclaredCharset(buffer: Uint8Array, file: string): string | undefined {
  if (!/\.(?:html?|xhtml)$/iu.test(file)) return undefined
  // Every charset a page can declare agrees with ASCII on the markup around `<meta>`.
  const head = new TextDecoder('latin1').decode(buffer.subarray(0, 4096))
  const match = /<meta\b[^>]*?charset\s*=\s*["']?\s*([\w:.-]+)/iu.exec(head)
  if (!match) return undefined
  try {
    return new TextDecoder(match[1], {fatal: true}).decode(buffer).replace(/^\uFEFF/u, '')
  } catch {
    return undefined
  }
}
