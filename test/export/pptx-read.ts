/**
 * Reading a `.pptx` back for tests: open the zip, parse its XML parts with
 * xast-util-from-xml, and return slides in presentation order with their
 * shapes, paragraphs, runs and notes.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import JSZip from 'jszip'
import type {Element, Root} from 'xast'
import {fromXml} from 'xast-util-from-xml'

/** A run of a paragraph. */
export interface ReadRun {
  text: string
  lang: string | undefined
  latin: string | undefined
  eastAsian: string | undefined
  bold: boolean
  italic: boolean
  color: string | undefined
  /** Target of its hyperlink. */
  link: string | undefined
}

/** A paragraph of a shape. */
export interface ReadParagraph {
  text: string
  level: number
  bullet: 'bullet' | 'number' | undefined
  runs: ReadRun[]
}

/** A shape on a slide. */
export interface ReadShape {
  kind: 'title' | 'text' | 'picture' | 'table'
  paragraphs: ReadParagraph[]
  /** Table rows of cell texts. */
  rows: string[][]
  /** Position and size in EMU. */
  x: number
  y: number
  w: number
  h: number
  /** Fill colour of the shape, if any. */
  fill: string | undefined
  /** A picture's alt text (`descr`) and the part it shows (`ppt/media/…`). */
  alt?: string | undefined
  media?: string | undefined
}

/** A slide. */
export interface ReadSlide {
  title: string
  shapes: ReadShape[]
  notes: string
  /** Name of its layout (`Title Slide`, `Title and Content`). */
  layout: string
}

/** A whole file. */
export interface ReadPptx {
  width: number
  height: number
  slides: ReadSlide[]
  /** Files under `ppt/media/`. */
  media: string[]
  /** The bytes of a part. */
  read(name: string): Promise<Uint8Array>
  /** Every part's text, by name. */
  parts: Record<string, string>
}

/** Read a `.pptx` file. */
export async function readPptx(file: string): Promise<ReadPptx> {
  const zip = await JSZip.loadAsync(readFileSync(file))
  const parts: Record<string, string> = {}
  for (const name of Object.keys(zip.files)) {
    if (name.endsWith('.xml') || name.endsWith('.rels')) parts[name] = await zip.file(name)!.async('string')
  }
  const presentation = parse(parts['ppt/presentation.xml'])
  const rels = toRels(parts['ppt/_rels/presentation.xml.rels'])
  const size = find(presentation, 'p:sldSz')!
  const slides = findAll(presentation, 'p:sldId').map((id) => {
    const target = path.posix.join('ppt', rels.get(String(id.attributes['r:id']))!)
    return readSlide(target, parts)
  })
  return {
    width: Number(size.attributes.cx),
    height: Number(size.attributes.cy),
    slides,
    media: Object.keys(zip.files).filter((name) => name.startsWith('ppt/media/') && !zip.files[name].dir),
    read: (name) => zip.file(name)!.async('uint8array'),
    parts
  }
}

function readSlide(name: string, parts: Record<string, string>): ReadSlide {
  const tree = parse(parts[name])
  const relsName = path.posix.join(path.posix.dirname(name), '_rels', `${path.posix.basename(name)}.rels`)
  const rels = toRels(parts[relsName])
  const shapes: ReadShape[] = []
  for (const shape of findAll(tree, 'p:sp')) {
    const placeholder = find(shape, 'p:ph')
    const body = find(shape, 'p:txBody')
    const fill = find(find(shape, 'p:spPr') ?? shape, 'a:srgbClr')
    shapes.push({
      kind: placeholder?.attributes.type === 'title' ? 'title' : 'text',
      paragraphs: body ? findAll(body, 'a:p').map((p) => toParagraph(p, rels)) : [],
      rows: [],
      ...toBox(shape),
      fill: find(find(shape, 'p:spPr') ?? shape, 'a:solidFill') ? String(fill?.attributes.val) : undefined
    })
  }
  for (const picture of findAll(tree, 'p:pic')) {
    const embed = find(picture, 'a:blip')?.attributes['r:embed']
    const target = embed ? rels.get(String(embed)) : undefined
    shapes.push({
      kind: 'picture',
      paragraphs: [],
      rows: [],
      ...toBox(picture),
      fill: undefined,
      alt: find(picture, 'p:cNvPr')?.attributes.descr as string | undefined,
      media: target ? path.posix.join(path.posix.dirname(name), target) : undefined
    })
  }
  for (const frame of findAll(tree, 'p:graphicFrame')) {
    const table = find(frame, 'a:tbl')
    if (!table) continue
    const rows = findAll(table, 'a:tr').map((row) => findAll(row, 'a:tc').map((cell) => findAll(cell, 'a:p').map((p) => toParagraph(p, rels).text).join('\n')))
    shapes.push({kind: 'table', paragraphs: [], rows, ...toBox(frame), fill: undefined})
  }
  const notesTarget = [...rels.entries()].find(([, target]) => target.includes('notesSlide'))?.[1]
  let notes = ''
  if (notesTarget) {
    const notesTree = parse(parts[path.posix.join(path.posix.dirname(name), notesTarget)])
    const body = findAll(notesTree, 'p:sp').find((shape) => find(shape, 'p:ph')?.attributes.type === 'body')
    notes = body ? findAll(body, 'a:p').map((p) => toParagraph(p, rels).text).join('\n') : ''
  }
  const layoutTarget = [...rels.values()].find((target) => target.includes('slideLayout'))
  const layout = layoutTarget ? find(parse(parts[path.posix.join(path.posix.dirname(name), layoutTarget)]), 'p:cSld')?.attributes.name : undefined
  const title = shapes.find((shape) => shape.kind === 'title')
  return {title: title ? title.paragraphs.map((p) => p.text).join('') : '', shapes, notes, layout: String(layout ?? '')}
}

function toParagraph(paragraph: Element, rels: Map<string, string>): ReadParagraph {
  const properties = find(paragraph, 'a:pPr')
  const runs = findAll(paragraph, 'a:r').map((run): ReadRun => {
    const props = find(run, 'a:rPr')
    const link = props && find(props, 'a:hlinkClick')
    const fill = props && find(props, 'a:solidFill')
    return {
      text: textOf(find(run, 'a:t')),
      lang: props?.attributes.lang as string | undefined,
      latin: props && (find(props, 'a:latin')?.attributes.typeface as string | undefined),
      eastAsian: props && (find(props, 'a:ea')?.attributes.typeface as string | undefined),
      bold: props?.attributes.b === '1',
      italic: props?.attributes.i === '1',
      color: fill ? (find(fill, 'a:srgbClr')?.attributes.val as string | undefined) : undefined,
      link: link ? rels.get(String(link.attributes['r:id'])) : undefined
    }
  })
  return {
    text: runs.map((run) => run.text).join(''),
    level: Number(properties?.attributes.lvl ?? 0),
    bullet: properties && find(properties, 'a:buAutoNum') ? 'number' : properties && find(properties, 'a:buChar') ? 'bullet' : undefined,
    runs
  }
}

function toBox(shape: Element): {x: number; y: number; w: number; h: number} {
  const transform = find(shape, 'a:xfrm') ?? find(shape, 'p:xfrm')
  const offset = transform && find(transform, 'a:off')
  const extent = transform && find(transform, 'a:ext')
  return {
    x: Number(offset?.attributes.x ?? 0),
    y: Number(offset?.attributes.y ?? 0),
    w: Number(extent?.attributes.cx ?? 0),
    h: Number(extent?.attributes.cy ?? 0)
  }
}

function toRels(xml: string | undefined): Map<string, string> {
  const map = new Map<string, string>()
  if (!xml) return map
  for (const rel of findAll(parse(xml), 'Relationship')) map.set(String(rel.attributes.Id), String(rel.attributes.Target))
  return map
}

function parse(xml: string): Root {
  return fromXml(xml)
}

function find(node: Root | Element, name: string): Element | undefined {
  return findAll(node, name, true)[0]
}

function findAll(node: Root | Element, name: string, first = false): Element[] {
  const found: Element[] = []
  const walk = (current: Root | Element) => {
    for (const child of current.children) {
      if (first && found.length > 0) return
      if (child.type !== 'element') continue
      if (child.name === name) found.push(child)
      else walk(child)
    }
  }
  walk(node)
  return found
}

function textOf(node: Element | undefined): string {
  if (!node) return ''
  return node.children.map((child) => (child.type === 'text' ? child.value : child.type === 'element' ? textOf(child) : '')).join('')
}
