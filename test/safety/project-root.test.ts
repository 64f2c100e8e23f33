/**
 * The root rule: a deck uses local files only from its project root (its
 * folder, or the nearest folder above with `package.json` or `.git`, links
 * resolved) and from `allowFs` folders. Anything else is left out of the deck
 * with an `outside-root` warning at its line: not copied, not inlined.
 */
import {mkdirSync, symlinkSync, writeFileSync} from 'node:fs'
import path from 'node:path'
import {fromHtml} from 'hast-util-from-html'
import {selectAll} from 'hast-util-select'
import {describe, expect, it} from 'vitest'
import {renderDeck, toFile} from '../../src/render/render.js'
import {findProjectRoot, isAllowedFile, resolveFileAccess, toRealPath} from '../../src/safety/project-root.js'
import {temporaryFolders} from '../util/fixtures.js'

const folder = temporaryFolders('lectern-root-')

/** A project: `<dir>/project/package.json`, the deck in `project/talks/`, files beside and above it. */
function createProject(): {dir: string; project: string; talks: string} {
  const dir = folder()
  const project = path.join(dir, 'project')
  const talks = path.join(project, 'talks')
  mkdirSync(talks, {recursive: true})
  writeFileSync(path.join(project, 'package.json'), '{"private": true}\n')
  writeFileSync(path.join(dir, 'outside.png'), 'OUTSIDE-BYTES')
  writeFileSync(path.join(project, 'shared.png'), 'SHARED-BYTES')
  writeFileSync(path.join(talks, 'here.png'), 'HERE-BYTES')
  return {dir, project, talks}
}

/** Render `markdown` as `<cwd>/<deckPath>`; the messages as `line:column ruleId`, the media copied, the `src`s left. */
async function render(markdown: string, cwd: string, deckPath: string, options: {allowFs?: string[]; theme?: string} = {}) {
  const file = toFile(markdown, deckPath, cwd)
  const result = await renderDeck(file, {cwd, ...options})
  const tree = fromHtml(result.html)
  return {
    result,
    messages: file.messages.filter((message) => message.ruleId !== 'continuation').map((message) => `${message.line}:${message.column} ${message.ruleId}`),
    reasons: file.messages.filter((message) => message.ruleId === 'outside-root').map((message) => message.reason),
    media: result.assets.filter((asset) => asset.path.startsWith('assets/media/')).map((asset) => asset.from),
    sources: selectAll('img', tree).map((node) => String(node.properties.src)),
    backgrounds: selectAll('section[data-background-image]', tree).map((node) => String(node.properties.dataBackgroundImage))
  }
}

describe('findProjectRoot', () => {
  it('should take the nearest folder with `package.json` or `.git`, else the folder itself', () => {
    const {dir, project, talks} = createProject()
    expect(findProjectRoot(talks)).toBe(project)
    const loose = path.join(dir, 'loose', 'deep')
    mkdirSync(loose, {recursive: true})
    expect(findProjectRoot(loose)).toBe(loose)
    mkdirSync(path.join(dir, 'loose', '.git'))
    expect(findProjectRoot(loose)).toBe(path.join(dir, 'loose'))
  })

  it('should resolve links in the root and in each file, judging a missing file by where it would be', () => {
    const {dir, project, talks} = createProject()
    symlinkSync(project, path.join(dir, 'via-link'))
    const access = resolveFileAccess(path.join(dir, 'via-link', 'talks', 'deck.md'), [], dir)
    expect(access.root).toBe(project)
    expect(isAllowedFile(access, path.join(dir, 'via-link', 'talks', 'here.png'))).toBe(true)
    expect(isAllowedFile(access, path.join(talks, 'not-yet.png'))).toBe(true)
    expect(isAllowedFile(access, path.join(dir, 'outside.png'))).toBe(false)
    expect(isAllowedFile(access, '/etc/not-there')).toBe(false)
    expect(toRealPath(path.join(dir, 'via-link', 'gone', 'x.png'))).toBe(path.join(project, 'gone', 'x.png'))
  })
})

describe('local files outside the project root', () => {
  it('should refuse absolute paths and `..` escapes at their lines, keeping the alt text', async () => {
    const {project, talks} = createProject()
    const {messages, media, sources, result} = await render(
      '# 路径 Paths\n\n## 一 One\n\n![passwd](/etc/passwd)\n\n![主机](../../../../../../../../etc/hostname)\n\n![far](../../outside.png)\n\n![ok](here.png)\n',
      project,
      'talks/deck.md'
    )
    expect(messages).toEqual(['5:1 outside-root', '7:1 outside-root', '9:1 outside-root'])
    expect(media).toEqual([path.join(talks, 'here.png')])
    expect(sources).toEqual([expect.stringMatching(/^assets\/media\/[\da-f]{16}\.png$/)])
    const stands = selectAll('.lectern-missing-image', fromHtml(result.html)).map((node) => node.children.map((child) => ('value' in child ? child.value : '')).join(''))
    expect(stands).toEqual(['passwd', '主机', 'far'])
    // Only the stand-ins' titles still name them; nothing of the files is in the page.
    expect(result.html).not.toMatch(/src="[^"]*(?:etc|outside)|root:x:0/)
  })

  it('should call a picture outside the root that is not there missing, as a saved page\'s `/images/…`', async () => {
    const {project} = createProject()
    const {messages, media} = await render('# T\n\n![site](/images/lectern-not-there.png)\n', project, 'talks/deck.md')
    expect([messages, media]).toEqual([['3:1 missing-image'], []])
  })

  it('should name the reference and the root, and say how to allow another folder', async () => {
    const {project} = createProject()
    const {reasons} = await render('# T\n\n![x](/etc/passwd)\n', project, 'talks/deck.md')
    expect(reasons).toEqual([
      `Unexpected image \`/etc/passwd\` outside the project root \`${project}\`, expected a file under it: pass \`--allow-fs <dir>\` to allow another folder`
    ])
  })

  it('should refuse a slide background outside the root once, though continuation slides repeat it', async () => {
    const {project} = createProject()
    const items = Array.from({length: 40}, (_, index) => `- item ${index} 第${index}项`).join('\n')
    const {messages, backgrounds, media} = await render(
      `# Backgrounds\n\n## Long\n\n<!-- .slide: data-background-image="/etc/shadow" -->\n\n${items}\n\n## Fine\n\n<!-- .slide: data-background-image="here.png" -->\n\nText\n`,
      project,
      'talks/deck.md'
    )
    expect(messages.filter((message) => message.endsWith('outside-root'))).toHaveLength(1)
    expect(backgrounds).toEqual([expect.stringMatching(/^assets\/media\/[\da-f]{16}\.png$/)])
    expect(media).toHaveLength(1)
  })

  it('should refuse a link inside the root that points outside it', async () => {
    const {dir, project, talks} = createProject()
    symlinkSync(path.join(dir, 'outside.png'), path.join(talks, 'linked.png'))
    symlinkSync('/etc', path.join(talks, 'etc'))
    const {messages, media} = await render('# Links\n\n![linked](linked.png)\n\n![hosts](etc/hosts)\n', project, 'talks/deck.md')
    expect(messages).toEqual(['3:1 outside-root', '5:1 outside-root'])
    expect(media).toEqual([])
  })

  it('should allow a link that stays inside, and a deck reached through a linked folder', async () => {
    const {dir, project, talks} = createProject()
    symlinkSync(path.join(project, 'shared.png'), path.join(talks, 'alias.png'))
    symlinkSync(project, path.join(dir, 'linked-project'))
    const {messages, media, sources} = await render(
      '# Linked\n\n![alias](alias.png)\n\n![here](here.png)\n\n![above](../shared.png)\n',
      dir,
      'linked-project/talks/deck.md'
    )
    expect(messages).toEqual([])
    // `alias.png` is `shared.png`: one copy serves both.
    expect(media).toHaveLength(2)
    expect(sources.filter((source) => source.startsWith('assets/media/'))).toHaveLength(3)
  })

  it('should allow a file above the deck under the nearest `package.json`, and refuse it without one', async () => {
    const {dir, project} = createProject()
    const withRoot = await render('# Above\n\n![shared](../shared.png)\n', project, 'talks/deck.md')
    expect(withRoot.messages).toEqual([])
    expect(withRoot.media).toEqual([path.join(project, 'shared.png')])
    // Without the manifest the deck's own folder is the root.
    mkdirSync(path.join(dir, 'bare', 'talks'), {recursive: true})
    writeFileSync(path.join(dir, 'bare', 'shared.png'), 'BARE')
    const bare = await render('# Above\n\n![shared](../shared.png)\n', dir, 'bare/talks/deck.md')
    expect(bare.messages).toEqual(['3:1 outside-root'])
    expect(bare.media).toEqual([])
  })

  it('should let `allowFs` folders through, relative to `cwd`', async () => {
    const {dir, project} = createProject()
    mkdirSync(path.join(dir, 'pictures'))
    writeFileSync(path.join(dir, 'pictures', 'cat.png'), 'CAT')
    const markdown = '# Allowed\n\n![far](../../outside.png)\n\n![cat](../../pictures/cat.png)\n'
    const one = await render(markdown, project, 'talks/deck.md', {allowFs: ['../pictures']})
    expect(one.messages).toEqual(['3:1 outside-root'])
    expect(one.media).toEqual([path.join(dir, 'pictures', 'cat.png')])
    const both = await render(markdown, project, 'talks/deck.md', {allowFs: ['../pictures', dir]})
    expect(both.messages).toEqual([])
    expect(both.media).toHaveLength(2)
  })
})

describe('themes outside the project root', () => {
  it('should refuse a front matter theme outside the root and use the default theme', async () => {
    const {dir, project} = createProject()
    writeFileSync(path.join(dir, 'stolen.css'), ':root { --secret: "STOLEN-CSS"; }\n')
    for (const theme of ['/etc/passwd', '../../stolen.css']) {
      const {messages, result} = await render(`---\ntitle: T\ntheme: ${theme}\n---\n\n# T\n\n## A\n\n- a\n`, project, 'talks/deck.md')
      expect(messages).toEqual(['3:1 outside-root'])
      expect(result.theme?.name).toBe('light')
      const css = String(result.assets.find((asset) => asset.path === 'assets/theme.css')?.content)
      expect(css).not.toMatch(/STOLEN-CSS|root:x:0/)
    }
  })

  it('should allow a theme named by the `theme` option (`--theme`) wherever it is', async () => {
    const {dir, project} = createProject()
    writeFileSync(path.join(dir, 'mine.css'), '@import "dark";\n:root { --lectern-accent: #123456; }\n.reveal { background: url(outside.png); }\n')
    const {messages, result} = await render('# T\n\n## A\n\n- a\n', project, 'talks/deck.md', {theme: path.join(dir, 'mine.css')})
    expect(messages).toEqual([])
    expect(String(result.assets.find((asset) => asset.path === 'assets/theme.css')?.content)).toContain('#123456')
    expect(result.assets.map((asset) => asset.from)).toContain(path.join(dir, 'outside.png'))
  })

  it('should leave out the `@import`s and `url()`s of a front matter theme that reach outside the root', async () => {
    const {dir, project} = createProject()
    writeFileSync(path.join(dir, 'far.css'), ':root { --far: "FAR-CSS"; }\n')
    writeFileSync(
      path.join(project, 'theme.css'),
      '@import "dark";\n@import "../far.css";\n.reveal { background: url(../outside.png); }\n.a { background: url(shared.png); }\n'
    )
    const {messages, reasons, result} = await render('---\ntheme: ../theme.css\n---\n\n# T\n\n## A\n\n- a\n', project, 'talks/deck.md')
    expect(messages).toEqual(['2:1 outside-root', '2:1 outside-root'])
    expect(reasons.map((reason) => /^Unexpected `([^`]+)`/.exec(reason)?.[1])).toEqual(['@import "../far.css";', 'url(../outside.png)'])
    const css = String(result.assets.find((asset) => asset.path === 'assets/theme.css')?.content)
    expect(css).not.toContain('FAR-CSS')
    expect(css).toContain('background: none;')
    const copied = result.assets.map((asset) => asset.from).filter(Boolean)
    expect(copied).toContain(path.join(project, 'shared.png'))
    expect(copied).not.toContain(path.join(dir, 'outside.png'))
  })

  it('should refuse a theme `@fonts` line that names a path instead of a package', async () => {
    const {project} = createProject()
    writeFileSync(path.join(project, 'fonts.css'), '/**\n * @name fonts\n * @fonts ../../../../../etc 400\n */\n')
    const {result} = await render('---\ntheme: ../fonts.css\n---\n\n# T\n', project, 'talks/deck.md')
    expect(result.file.messages.map((message) => [message.ruleId, message.fatal, /expected an npm package name/.test(message.reason)])).toEqual([
      ['unknown-theme', true, true]
    ])
  })
})
