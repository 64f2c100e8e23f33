/** A deck of `count` slides in explicit syntax. */
export function generateDeck(count: number): string
/** An article of `count` `##` sections for auto mode. */
export function generateArticle(count: number): string
