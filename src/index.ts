/**
 * lectern's public API: re-exports only.
 */
export {build, type BuildResult, type DeckResult} from './build/build.js'
export {renderDeck, type RenderOptions, type RenderedDeck} from './build/render.js'
export {check, type CheckOptions, type CheckResult, type CheckedDeck, type Finding} from './check/check.js'
export {LecternError, type ErrorCode} from './errors.js'
export {exportPdf, type PdfOptions, type PdfResult} from './export/pdf.js'
export {exportPng, type PngOptions, type PngResult} from './export/png.js'
export type {ExportOptions, ExportProgress} from './export/session.js'
export {importArticle, type ImportFormat, type ImportOptions, type ImportResult} from './import/import-article.js'
export {resolveOptions, type Options, type ResolvedOptions} from './options.js'
export {createProcessor, type Options as ProcessorOptions} from './pipeline/processor.js'
export {default as rehypeReveal, type Options as RehypeRevealOptions} from './pipeline/rehype-reveal.js'
export {default as rehypeRevealDocument, type Options as RehypeRevealDocumentOptions} from './pipeline/rehype-reveal-document.js'
export {default as remarkSlides, type Options as RemarkSlidesOptions} from './pipeline/remark-slides.js'
export type {DeckInfo, DeckMeta, Notes, Slide, SlideKind, Stack} from './pipeline/types.js'
export {serve, type ServeBuildEvent, type ServeHandle, type ServeOptions} from './server/serve.js'
export {listThemes, loadTheme, type Theme} from './theme.js'
