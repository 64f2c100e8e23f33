/**
 * reveal.js's built-in theme names, which decks written for reveal.js or
 * reveal-md name in front matter, mapped to the lectern theme closest in
 * spirit (dark or light background, serif type).
 */
const revealThemes: Readonly<Record<string, string>> = Object.freeze({
  black: 'dark',
  'black-contrast': 'dark',
  blood: 'dark',
  dracula: 'dark',
  league: 'dark',
  moon: 'dark',
  night: 'dark',
  beige: 'serif',
  serif: 'serif',
  simple: 'light',
  sky: 'light',
  solarized: 'light',
  white: 'light',
  'white-contrast': 'light'
})

/** The lectern theme to use for a reveal.js theme name, if it is one. */
export function toLecternTheme(name: string): string | undefined {
  return Object.hasOwn(revealThemes, name) ? revealThemes[name] : undefined
}
