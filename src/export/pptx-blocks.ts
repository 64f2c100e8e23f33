/**
 * One placed block drawn on a slide with pptxgenjs: a text box of
 * paragraphs, a native table, code in the theme's code colours, math, or an
 * embedded picture (a remote one as its link).
 */
import type pptxgenjs from 'pptxgenjs'
import {mathPadding, type Context, type Placed} from './pptx-layout.js'
import {toLang, toRunItems, toTextItems, type RunStyle} from './pptx-text.js'

type TextItem = pptxgenjs.default.TextProps
type Slide = pptxgenjs.default.Slide

/** Draw a block in its box; `centered` on a title slide. */
export function addBlock(page: Slide, item: Placed, box: {x: number; y: number; w: number}, scale: number, context: Context, centered: boolean): void {
  const {theme} = context
  const block = item.block
  const size = theme.fontSize * scale
  const base: RunStyle = {size, color: theme.text, font: theme.font}
  switch (block.type) {
    case 'text': {
      page.addText(toTextItems(block.paragraphs, context, base), {
        ...box,
        h: item.height,
        valign: 'top',
        margin: [0, 2, 0, 2],
        fit: 'shrink',
        lineSpacingMultiple: theme.lineHeight * 0.85,
        paraSpaceAfter: size * 0.3,
        align: centered ? 'center' : 'left'
      })
      return
    }
    case 'table': {
      const points = size * 0.85
      const rows = block.rows.map((row, rowIndex) =>
        row.map((runs, column) => ({
          text: toRunItems(runs, context, {...base, size: points, bold: rowIndex < block.header}),
          options: {
            align: block.align[column] ?? 'left',
            bold: rowIndex < block.header,
            ...(rowIndex < block.header ? {fill: {color: theme.codeBackground}} : {})
          }
        }))
      )
      if (rows.length === 0) return
      page.addTable(rows, {
        ...box,
        fontSize: points,
        fontFace: theme.font,
        color: theme.text,
        border: {type: 'solid', pt: 0.75, color: theme.tableBorder},
        margin: [3, 6, 3, 6],
        valign: 'middle',
        autoPage: false
      })
      return
    }
    case 'code': {
      const points = size * 0.8
      const items: TextItem[] = []
      block.lines.forEach((line, index) => {
        const runs = line.length > 0 ? line : [{text: ' ', code: true}]
        runs.forEach((run, runIndex) => {
          items.push({
            text: run.text,
            options: {
              fontFace: theme.codeFont,
              fontSize: points,
              color: (run.token && theme.tokens[run.token]) || theme.code,
              italic: run.token === 'comment' || undefined,
              lang: toLang(run.text, context.lang),
              breakLine: runIndex === runs.length - 1 && index < block.lines.length - 1 ? true : undefined
            }
          })
        })
      })
      page.addText(items, {
        ...box,
        h: item.height,
        valign: 'top',
        margin: [8, 10, 8, 10],
        fill: {color: theme.codeBackground},
        fontFace: theme.codeFont,
        fontSize: points,
        lineSpacingMultiple: 1.05,
        fit: 'shrink',
        wrap: true
      })
      return
    }
    case 'math': {
      if (item.image && item.width) {
        page.addImage({
          data: `image/png;base64,${Buffer.from(item.image.data).toString('base64')}`,
          x: box.x + (box.w - item.width) / 2,
          y: box.y + mathPadding,
          w: item.width,
          h: item.height - mathPadding * 2,
          altText: block.tex
        })
        return
      }
      // A formula MathJax could not draw stays editable TeX.
      page.addText([{text: block.tex, options: {fontFace: theme.font, fontSize: size * 1.1, italic: true, color: theme.text, lang: 'en-US'}}], {
        ...box,
        h: item.height,
        align: 'center',
        valign: 'middle',
        margin: 0
      })
      return
    }
    case 'remote-image': {
      page.addText(
        [
          {text: `${block.alt || 'Picture'}: `, options: {fontFace: theme.font, fontSize: size * 0.85, color: theme.muted, lang: toLang(block.alt, context.lang)}},
          {text: block.url, options: {fontFace: theme.font, fontSize: size * 0.85, color: theme.link, hyperlink: {url: block.url}}}
        ],
        {...box, h: item.height, valign: 'top', margin: 0}
      )
      return
    }
    case 'image': {
      if (!item.image) {
        page.addText([{text: `${block.alt || block.src}`, options: {fontFace: theme.font, fontSize: size * 0.85, color: theme.muted, lang: toLang(block.alt, context.lang)}}], {
          ...box,
          h: item.height,
          margin: 0
        })
        return
      }
      const w = item.width ?? box.w
      const mime = item.image.extension === 'svg' ? 'image/svg+xml' : `image/${item.image.extension === 'jpg' ? 'jpeg' : item.image.extension}`
      page.addImage({
        data: `${mime};base64,${Buffer.from(item.image.data).toString('base64')}`,
        x: box.x + (box.w - w) / 2,
        y: box.y,
        w,
        h: item.height,
        altText: block.alt
      })
    }
  }
}
