/**
 * East Asian faces in a written `.pptx`: pptxgenjs names one face for every
 * script of a run, so a code run set in a Latin monospace would show its
 * Chinese as boxes. Every `<a:ea>` is pointed at the deck's CJK face, and the
 * file's theme names it (and common fallbacks per script) for text that names
 * no face.
 */
import JSZip from 'jszip'
import type {PptxTheme} from './pptx-theme.js'

/** Rewrite the East Asian faces of a `.pptx`; returns the new bytes. */
export async function fixEastAsianFonts(bytes: Uint8Array, theme: Readonly<PptxTheme>): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  const face = escapeXml(theme.eastAsianFont)
  const parts = Object.keys(zip.files).filter((name) => /^ppt\/(slides|slideMasters|slideLayouts|notesSlides|notesMasters)\/[^/]+\.xml$/.test(name))
  for (const name of parts) {
    const xml = await zip.file(name)!.async('string')
    const fixed = xml.replace(/<a:ea typeface="[^"]*"/g, `<a:ea typeface="${face}"`)
    if (fixed !== xml) zip.file(name, fixed)
  }
  const themes = Object.keys(zip.files).filter((name) => /^ppt\/theme\/[^/]+\.xml$/.test(name))
  for (const name of themes) {
    const xml = await zip.file(name)!.async('string')
    zip.file(name, toThemeFonts(xml, theme))
  }
  return zip.generateAsync({type: 'uint8array', compression: 'DEFLATE', compressionOptions: {level: 6}})
}

/** The theme part's font scheme: the deck's faces, and a fallback for Simplified Chinese. */
function toThemeFonts(xml: string, theme: Readonly<PptxTheme>): string {
  const fallback = escapeXml(theme.eastAsianFallbacks.find((name) => /YaHei/i.test(name)) ?? theme.eastAsianFallbacks[0] ?? theme.eastAsianFont)
  const scheme = (latin: string) =>
    (text: string) =>
      text
        .replace(/<a:latin typeface="[^"]*"( panose="[^"]*")?\/>/, `<a:latin typeface="${escapeXml(latin)}"/>`)
        .replace(/<a:ea typeface="[^"]*"\/>/, `<a:ea typeface="${escapeXml(theme.eastAsianFont)}"/>`)
        .replace(/<a:font script="Hans" typeface="[^"]*"\/>/, `<a:font script="Hans" typeface="${fallback}"/>`)
  return xml
    .replace(/<a:majorFont>[\s\S]*?<\/a:majorFont>/, scheme(theme.headingFont))
    .replace(/<a:minorFont>[\s\S]*?<\/a:minorFont>/, scheme(theme.font))
}

function escapeXml(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;')
}
