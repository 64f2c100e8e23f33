/**
 * `lectern check` as a user runs it: the built bin on a deck with one of each
 * known problem (each finding at the line it comes from) and on a clean deck.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {expect, it} from 'vitest'
import {describeBrowser} from '../util/browser.js'
import {root, runCli} from '../util/fixtures.js'

const known = 'test/check/known/deck.md'
const source = readFileSync(path.join(root, known), 'utf8').split('\n')

/** 1-based line of the first source line that includes `text` (after `from`). */
function lineOf(text: string, from = 0): number {
  const index = source.findIndex((line, i) => i >= from && line.includes(text))
  if (index === -1) throw new Error(`No line with ${text}`)
  return index + 1
}

describeBrowser('lectern check', () => {
  it('should report each known problem at its line and exit 1', () => {
    const {status, stdout, stderr} = runCli(['check', known])
    expect(status).toBe(1)
    expect(stdout).toBe(`${known}: 7 slides, 8 errors, 2 warnings\n`)
    const lines = stderr.trim().split('\n')
    const find = (rule: string) => lines.filter((line) => line.endsWith(`(${rule})`))

    // The list item that crosses the bottom edge, even shrunk to 60%.
    const [overflow] = find('slide-overflow')
    expect(overflow).toMatch(/^test\/check\/known\/deck\.md:(\d+):1: error: Unexpected content \d+ px past the bottom of slide 2 even shrunk to 60%/)
    const overflowLine = Number(/:(\d+):1:/.exec(overflow)![1])
    expect(source[overflowLine - 1]).toMatch(/^- Item \d+:/)

    expect(find('empty-notes')).toEqual([
      `${known}:${lineOf('## No notes')}:1: warning: Unexpected slide 3 without speaker notes, expected notes (a \`Note:\` paragraph or a \`:::notes\` block) (empty-notes)`
    ])
    expect(find('missing-image').map((line) => line.split(': error:')[0])).toEqual([
      `${known}:${lineOf('![](missing.png)')}:1`,
      `${known}:${lineOf('![A chart](also-missing.png)')}:1`
    ])
    expect(find('image-alt').map((line) => line.split(': warning:')[0])).toEqual([`${known}:${lineOf('![](square.svg)')}:1`])
    expect(find('broken-link')).toEqual([
      `${known}:${lineOf('no-such-guide.md')}:3: error: Unexpected link to missing file \`no-such-guide.md\`, expected a file at \`test/check/known/no-such-guide.md\` (broken-link)`,
      `${known}:${lineOf('#/no-such-slide')}:3: error: Unexpected link to missing slide \`#/no-such-slide\`, expected the id of a slide (broken-link)`,
      `${known}:${lineOf('#/9')}:3: error: Unexpected link to slide \`#/9\`, expected one of the deck's 7 slides (broken-link)`
    ])
    expect(find('low-contrast')).toEqual([
      `${known}:${lineOf('Pale text on white.')}:1: error: Unexpected contrast 2.16:1 of \`#b0b0b0\` on \`#ffffff\` for \`Pale text on white.\`, expected at least 3:1 (WCAG AA) (low-contrast)`
    ])
    expect(find('below-minimum')).toEqual([
      `${known}:${lineOf('Text set too small')}:1: error: Unexpected text \`Text set too small to read.\` at 8 px, expected at least 11 px (the readable minimum) (below-minimum)`
    ])
    expect(lines).toHaveLength(10)
  })

  it('should print findings as JSON with --json', () => {
    const {status, stdout, stderr} = runCli(['check', known, '--json'])
    expect(status).toBe(1)
    expect(stderr).toBe('')
    const findings = JSON.parse(stdout) as Array<{file: string; line: number; column: number; severity: string; rule: string; message: string}>
    expect(findings.filter((finding) => finding.severity === 'error').map((finding) => finding.rule)).toEqual([
      'slide-overflow',
      'missing-image',
      'missing-image',
      'broken-link',
      'broken-link',
      'broken-link',
      'low-contrast',
      'below-minimum'
    ])
    expect(findings.find((finding) => finding.rule === 'empty-notes')).toEqual({
      file: known,
      line: lineOf('## No notes'),
      column: 1,
      severity: 'warning',
      rule: 'empty-notes',
      message: 'Unexpected slide 3 without speaker notes, expected notes (a `Note:` paragraph or a `:::notes` block)'
    })
  })

  it('should pass a clean deck with exit 0 and nothing on stderr', () => {
    const {status, stdout, stderr} = runCli(['check', 'test/check/clean'])
    expect(stderr).toBe('')
    expect(stdout).toBe('test/check/clean/deck.md: 4 slides, 0 errors, 0 warnings\n')
    expect(status).toBe(0)
  })

  it('should check several decks in one run', () => {
    const {status, stdout} = runCli(['check', 'test/check/clean', known, '--quiet'])
    expect(status).toBe(1)
    expect(stdout).toBe('')
    // Each deck checked, in order: the failing one is not the only one read.
    expect(runCli(['check', 'test/check/clean', known]).stdout).toBe(`test/check/clean/deck.md: 4 slides, 0 errors, 0 warnings\n${known}: 7 slides, 8 errors, 2 warnings\n`)
  })

  it('should refuse a missing input with a usage-like error, not a stack trace', () => {
    const {status, stderr} = runCli(['check', 'no/such/deck.md'])
    expect(status).toBe(1)
    expect(stderr).toBe('no/such/deck.md:1:1: error: Cannot find `no/such/deck.md`: no such file or folder\n')
  })
})
