/**
 * Decks the export tests share, besides the files in `test/export/decks/`.
 */

/** An explicit deck with fragments, an image next to it and display math. */
export const figuresDeck = `---
title: Fragments and figures
---

# Fragments and figures

---

## Steps

- First step <!-- .element: class="fragment" -->
- Second step <!-- .element: class="fragment" -->

Note: Say the steps one at a time.

---

## A chart

![Growth over a year](chart.png)

$$
E = mc^2
$$
`

