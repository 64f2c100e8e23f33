/**
 * What every export starts from: one deck rendered with the export's
 * options, before any browser or file format; and what an export that writes
 * one file reports.
 */
import type {VFile} from 'vfile'
import {resolveConfig, type ConfigInput} from '../config/resolve.js'
import type {DeckInfo} from '../deck/types.js'
import {LecternError} from '../errors.js'
import {readDeckText, resolveInputs} from '../render/inputs.js'
import {renderDeck, toFile, type OutputFile} from '../render/render.js'
import type {Theme} from '../themes/theme.js'

/** What an export that writes one file (`exportPdf`, `exportPptx`) did. */
export interface FileExportResult {
  /** Input path as given. */
  input: string
  /** The file written; `undefined` when the deck had errors. */
  output: string | undefined
  /** The deck's file, with its messages. */
  file: VFile
  deck: DeckInfo | undefined
  /** Slides exported. */
  slides: number
  /** Size of the file in bytes. */
  bytes: number
  /** Milliseconds the export took. */
  ms: number
}

/** A rendered deck, before any browser. */
export interface PreparedDeck {
  /** Input path as given. */
  input: string
  /** Absolute input path. */
  absolute: string
  file: VFile
  deck: DeckInfo | undefined
  html: string
  assets: ReadonlyArray<OutputFile>
  /** The theme the deck was rendered in (`undefined` when it failed to load). */
  theme: Theme | undefined
}

/** Render one deck for export; `html` is empty when the deck has fatal errors. */
export async function prepareDeck(input: string, options: Readonly<ConfigInput>, command: 'pdf' | 'png' | 'pptx'): Promise<PreparedDeck> {
  const config = resolveConfig(options, command)
  const cwd = config.cwd
  const files = resolveInputs([input], cwd)
  if (files.length !== 1) {
    throw new LecternError('USAGE', `Unexpected folder \`${input}\` with ${files.length} decks, expected one markdown file`)
  }
  const absolute = files[0]
  const file = toFile(readDeckText(absolute, input), input, cwd)
  const rendered = await renderDeck(file, {theme: config.theme, allowHtml: config.allowHtml, split: config.split, allowFs: config.allowFs, cwd})
  const fatal = file.messages.some((message) => message.fatal)
  return {input, absolute, file, deck: file.data.deck, html: fatal ? '' : rendered.html, assets: rendered.assets, theme: rendered.theme}
}
