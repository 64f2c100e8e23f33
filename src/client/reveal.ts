/**
 * The part of reveal.js's API lectern's page programs use, and how they join
 * a deck: as plugins `{id, init(deck)}` registered with the page's `Reveal`.
 *
 * A plugin registered before `Reveal.initialize()` (lectern.js and the
 * reload client load before the page's init script) is initialized with the
 * deck, before reveal.js starts; one registered later (the print layout and
 * the measuring script, added once the deck is ready) is initialized at once.
 */

/** A reveal.js deck, as far as lectern uses it. */
export interface RevealDeck {
  getConfig(): Record<string, unknown>
  isReady(): boolean
  on(type: string, listener: (event: Event) => void): void
  sync(): void
  slide(h?: number, v?: number, f?: number): void
  getIndices(slide?: Element): {h: number; v?: number; f?: number}
  getCurrentSlide(): HTMLElement | undefined
  getRevealElement(): HTMLElement
  getViewportElement?(): HTMLElement
  getSlideBackground?(slide: Element): HTMLElement | undefined
  loadSlide?(slide: Element): void
  registerPlugin(plugin: Plugin): void
  hasPlugin(id: string): boolean
  getPlugin(id: string): Plugin | undefined
}

/** A reveal.js plugin. */
export interface Plugin {
  id: string
  init?(deck: RevealDeck): void | Promise<unknown>
}

/** The page's `Reveal`, when reveal.js is loaded. */
export function pageReveal(): RevealDeck | undefined {
  return (window as unknown as {Reveal?: RevealDeck}).Reveal
}

/** Register a plugin with the page's deck; without reveal.js (the server's own pages), nothing. */
export function registerPlugin(plugin: Plugin): void {
  const reveal = pageReveal()
  if (reveal) reveal.registerPlugin(plugin)
}
