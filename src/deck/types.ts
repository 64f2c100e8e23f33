/**
 * Type augmentation: the mdast nodes `remarkSlides` creates and the data it
 * leaves on the file for later stages.
 */
import type {BlockContent, Data, DefinitionContent, Node, Parent, RootContent} from 'mdast'
import type {} from 'mdast-util-math'
import type {} from 'mdast-util-directive'

/** What a slide is for; drives layout and the outline. */
export type SlideKind =
  | 'title'
  | 'section'
  | 'overview'
  | 'item'
  | 'subsection'
  | 'continuation'
  | 'explicit'

/** Data on a slide node. */
export interface SlideData extends Data {
  /** The slide's title as plain text (`undefined` for an untitled explicit slide). */
  title?: string | undefined
  /** Why the slide exists. */
  kind?: SlideKind | undefined
  /** Attributes for the slide element (`class`, `id`, `data-background`, …). */
  attributes?: Record<string, string> | undefined
  /** Estimated speaking time in seconds. */
  seconds?: number | undefined
  /** Where each attribute of a `<!-- .slide: -->` comment was written, for messages about it. */
  places?: Record<string, {line: number; column: number}> | undefined
}

/** One slide: what is shown, plus at most one `notes` child. */
export interface Slide extends Parent {
  type: 'slide'
  children: Array<RootContent>
  data?: SlideData | undefined
}

/** Speaker notes of a slide. */
export interface Notes extends Parent {
  type: 'notes'
  children: Array<BlockContent | DefinitionContent>
}

/** A pandoc / Quarto fenced div (`::: {.columns}` … `:::`); `info` is the fence's attribute text. */
export interface FencedDiv extends Parent {
  type: 'fencedDiv'
  info: string
  /** Whether a closing fence ended it (else it ran to the end of its block). */
  closed?: boolean | undefined
  children: BlockContent[]
}

/** A pandoc pause (`. . .` on its own line): what follows it on the slide is a fragment. */
export interface Pause extends Node {
  type: 'pause'
}

/** A vertical stack of slides under one horizontal position. */
export interface Stack extends Parent {
  type: 'stack'
  children: Array<Slide>
}

/** Deck options, from front matter, after validation. */
export interface DeckMeta {
  title?: string | undefined
  subtitle?: string | undefined
  author?: string | undefined
  date?: string | undefined
  lang?: string | undefined
  theme?: string | undefined
  aspect?: '16:9' | '4:3' | undefined
  transition?: string | undefined
  duration?: number | undefined
  incremental?: boolean | undefined
  split?: 'auto' | 'manual' | undefined
  html?: boolean | undefined
  vars?: Record<string, string> | undefined
  style?: string | undefined
  reveal?: Record<string, unknown> | undefined
}

/** What `remarkSlides` learned about the deck. */
export interface DeckInfo extends DeckMeta {
  /** Title used for the page (front matter, first heading or file name). */
  title: string
  /** Language of the deck (front matter, else detected). */
  lang: string
  /** How slides were found. */
  mode: 'auto' | 'explicit'
  /** Number of slides (stacks count their slides). */
  slides: number
  /** Number of slides with non-empty notes. */
  slidesWithNotes: number
  /** Estimated talk time in seconds. */
  seconds: number
}

declare module 'mdast' {
  interface RootContentMap {
    slide: Slide
    stack: Stack
    notes: Notes
    fencedDiv: FencedDiv
    pause: Pause
  }
  interface BlockContentMap {
    notes: Notes
    fencedDiv: FencedDiv
    pause: Pause
  }
}

declare module 'vfile' {
  interface DataMap {
    /** Set by `remarkSlides`, read by `rehypeReveal` and the document. */
    deck: DeckInfo
    /** Front matter as parsed, set by `remarkSlides`. */
    meta: DeckMeta
    /** Where each deck option was written in the front matter, for messages about it later. */
    metaPlaces: Partial<Record<keyof DeckMeta, {line: number; column: number}>>
  }
}
