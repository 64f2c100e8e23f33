/**
 * `npm run bench`: time lectern as whole processes (several runs, medians)
 * on the seed deck, a generated 1,000-slide deck and a 1,000-section
 * article, next to bare Node and, where installed, Marp CLI, reveal-md and
 * pandoc on the same content. Writes bench/RESULTS.md.
 *
 *   node bench/run.js [--runs 5] [--no-bundle] [--no-peers] [--no-serve] [--no-pdf] [--no-pptx]
 *
 * Peers are found through the environment (MARP, REVEAL_MD, PANDOC: a path
 * to the bin), the project's node_modules/.bin, or PATH.
 * Plain JavaScript, so it runs without a compile step.
 */
import {spawn, spawnSync} from 'node:child_process'
import {cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {performance} from 'node:perf_hooks'
import {fileURLToPath} from 'node:url'
import {generateArticle, generateDeck} from './generate.js'

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const work = path.join(root, 'bench', '.work')
const cli = path.join(root, 'lib', 'cli.js')
const flags = process.argv.slice(2)
const runs = Number(flags[flags.indexOf('--runs') + 1]) || 5
const has = (flag) => flags.includes(flag)
const gnuTime = ['/usr/bin/time', '/bin/time'].find((file) => existsSync(file) && spawnSync(file, ['-f', '%M', 'true'], {encoding: 'utf8'}).status === 0)
const preload = path.join(root, 'bench', 'max-rss.cjs')

// Inputs ----------------------------------------------------------------------

rmSync(work, {recursive: true, force: true})
mkdirSync(work, {recursive: true})
if (!has('--no-bundle') || !existsSync(cli)) run(process.execPath, [path.join(root, 'src', 'bundle.mjs')])

const seedSource = path.join(root, 'slides', 'what-is-a-big-model.md')
const inputs = {
  seed: copyTo('seed.md', readFileSync(seedSource, 'utf8')),
  'deck-100': copyTo('deck-100.md', generateDeck(100)),
  'deck-1000': copyTo('deck-1000.md', generateDeck(1000)),
  'article-100': copyTo('article-100.md', generateArticle(100)),
  'article-1000': copyTo('article-1000.md', generateArticle(1000))
}
// Peers split at `---` only: give them the articles with a `---` before each `##`.
const explicit = {
  seed: copyTo('seed-explicit.md', toExplicit(readFileSync(inputs.seed, 'utf8'))),
  'deck-1000': inputs['deck-1000'],
  'article-1000': copyTo('article-1000-explicit.md', toExplicit(readFileSync(inputs['article-1000'], 'utf8')))
}

// Tools -----------------------------------------------------------------------

const peers = has('--no-peers') ? {} : findPeers()
// Every lectern build parses from scratch; the rebuild rows below keep sections on disk.
const lectern = (input) => [process.execPath, cli, 'build', input, '--out-dir', path.join(work, 'out-lectern'), '--no-cache']
const peerCommands = {
  marp: (input, out) => [...peers.marp, input, '-o', path.join(out, 'index.html')],
  'reveal-md': (input, out) => [...peers['reveal-md'], input, '--static', out],
  pandoc: (input, out) => [...peers.pandoc, '-s', '-t', 'revealjs', '--slide-level=2', input, '-o', path.join(out, 'index.html')]
}
for (const folder of Object.keys(peerCommands)) mkdirSync(path.join(work, `out-${folder}`), {recursive: true})

// Measurements ------------------------------------------------------------------

/** @type {Array<{name: string, tool: string, stats?: Stats, note?: string}>} */
const rows = []
const baseline = measure('node -e ""', [process.execPath, '-e', ''])
rows.push({name: 'bare Node start-up', tool: 'node', stats: baseline})

for (const name of ['seed', 'deck-100', 'deck-1000', 'article-100', 'article-1000']) {
  const peerCases = name in explicit ? Object.keys(peers) : []
  // Interleaved, so a busy machine slows every tool alike.
  const results = measureTogether([
    {key: 'lectern', command: lectern(inputs[name])},
    ...peerCases.map((tool) => {
      const out = path.join(work, `out-${tool}`)
      return {key: tool, command: peerCommands[tool](tool === 'pandoc' ? inputs[name] : explicit[name], out)}
    })
  ])
  for (const [tool, stats] of Object.entries(results)) rows.push({name: `${name} → HTML`, tool, stats})
}

// A rebuild of an unchanged large deck, its sections kept on disk (they are kept from the second build on).
for (const name of ['deck-1000', 'article-1000']) {
  const command = [process.execPath, cli, 'build', inputs[name], '--out-dir', path.join(work, 'out-lectern'), '--cache-dir', path.join(work, 'cache')]
  for (let build = 0; build < 2; build++) spawnSync(command[0], command.slice(1), {stdio: 'ignore'})
  const tools = [{key: 'lectern', command}]
  if (peers.marp) tools.push({key: 'marp', command: peerCommands.marp(explicit[name], path.join(work, 'out-marp'))})
  for (const [tool, stats] of Object.entries(measureTogether(tools))) rows.push({name: `${name} → HTML, rebuild`, tool, stats})
}

if (!has('--no-pdf')) {
  const pdf = path.join(work, 'seed.pdf')
  const probe = spawnSync(process.execPath, [cli, 'pdf', inputs.seed, '-o', pdf], {encoding: 'utf8'})
  if (probe.status === 0) {
    const tools = [{key: 'lectern', command: [process.execPath, cli, 'pdf', inputs.seed, '-o', pdf]}]
    if (peers.marp) {
      tools.push({key: 'marp', command: [...peers.marp, explicit.seed, '--pdf', '--allow-local-files', '--browser-path', '/usr/bin/chromium', '-o', path.join(work, 'seed-marp.pdf')]})
    }
    for (const [tool, stats] of Object.entries(measureTogether(tools, {env: {CHROME_PATH: '/usr/bin/chromium'}}))) {
      rows.push({name: 'seed → PDF', tool, stats})
    }
  } else {
    rows.push({name: 'seed → PDF', tool: 'lectern', note: `skipped: \`lectern pdf\` failed (${firstLine(probe.stderr) || `exit ${probe.status}`})`})
  }
}

if (!has('--no-pptx')) {
  // No browser on lectern's side; Marp's `--pptx` drives one and writes a picture per slide.
  for (const name of ['seed', 'deck-1000']) {
    const tools = [{key: 'lectern', command: [process.execPath, cli, 'pptx', inputs[name], '-o', path.join(work, `${name}.pptx`), '-q']}]
    if (peers.marp) {
      tools.push({key: 'marp', command: [...peers.marp, explicit[name], '--pptx', '--allow-local-files', '--browser-path', '/usr/bin/chromium', '-o', path.join(work, `${name}-marp.pptx`)]})
    }
    for (const [tool, stats] of Object.entries(measureTogether(tools, {env: {CHROME_PATH: '/usr/bin/chromium'}}))) {
      rows.push({name: `${name} → PPTX`, tool, stats})
    }
  }
}

if (!has('--no-serve')) {
  for (const name of ['seed', 'deck-1000']) {
    const result = await measureReload(inputs[name])
    rows.push({name: `${name}: save → updated slide (serve)`, tool: 'lectern', ...result})
  }
}

// Report ------------------------------------------------------------------------

const report = toReport()
writeFileSync(path.join(root, 'bench', 'RESULTS.md'), report)
process.stdout.write(report)
rmSync(path.join(work, 'out-lectern'), {recursive: true, force: true})

// Helpers -----------------------------------------------------------------------

/**
 * @typedef {{median: number, min: number, cpu: number | undefined, rss: number | undefined, runs: number, failed?: string}} Stats
 */

function copyTo(name, text) {
  const file = path.join(work, name)
  writeFileSync(file, text)
  return file
}

/** Article → slide markdown: a `---` line before every `##` heading outside code and front matter. */
function toExplicit(text) {
  const lines = text.split('\n')
  let fence = false
  let frontMatter = lines[0] === '---'
  return lines
    .map((line, index) => {
      if (frontMatter) {
        if (index > 0 && line === '---') frontMatter = false
        return line
      }
      if (/^(```|~~~)/.test(line)) fence = !fence
      return !fence && /^## /.test(line) ? `---\n\n${line}` : line
    })
    .join('\n')
}

function findPeers() {
  const found = {}
  const bins = {marp: ['MARP', 'marp'], 'reveal-md': ['REVEAL_MD', 'reveal-md'], pandoc: ['PANDOC', 'pandoc']}
  for (const [tool, [variable, bin]] of Object.entries(bins)) {
    const candidates = [process.env[variable], path.join(root, 'node_modules', '.bin', bin), which(bin)].filter(Boolean)
    const file = candidates.find((candidate) => existsSync(candidate))
    if (!file) continue
    // Run JavaScript bins with this Node, as npx would.
    const head = readFileSync(file, 'latin1').slice(0, 200)
    found[tool] = /^#!.*\bnode\b/.test(head) || /\.m?js$/.test(file) ? [process.execPath, file] : [file]
  }
  return found
}

function which(bin) {
  const result = spawnSync('sh', ['-c', `command -v ${bin}`], {encoding: 'utf8'})
  return result.status === 0 ? result.stdout.trim() : undefined
}

function run(command, args) {
  const result = spawnSync(command, args, {stdio: 'inherit'})
  if (result.status !== 0) throw new Error(`\`${command} ${args.join(' ')}\` failed`)
}

function firstLine(text) {
  return String(text ?? '').trim().split('\n')[0]
}

/**
 * One run of a command: wall seconds, and with `resources`, CPU seconds and
 * peak RSS in MB. Wall time is taken from runs without GNU time around the
 * command: its own start-up (~15 ms here) would count, and bring the ratios
 * of short runs closer to 1.
 */
function once(command, env, resources = false) {
  const statsFile = path.join(work, `stats-${process.pid}.txt`)
  rmSync(statsFile, {force: true})
  let argv = command
  const childEnv = {...process.env, ...env}
  if (resources && gnuTime) {
    argv = [gnuTime, '-f', '%U %S %M', '-o', statsFile, ...command]
  } else if (resources && command[0] === process.execPath) {
    // Without GNU time, a preload in the child writes its own peak RSS and CPU time.
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --require ${preload}`.trim()
    childEnv.LECTERN_BENCH_STATS = statsFile
  }
  const start = performance.now()
  const result = spawnSync(argv[0], argv.slice(1), {env: childEnv, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024})
  const wall = (performance.now() - start) / 1000
  if (result.status !== 0) return {failed: firstLine(result.stderr) || `exit ${result.status}`}
  let cpu
  let rss
  if (existsSync(statsFile)) {
    const [user, system, kb] = readFileSync(statsFile, 'utf8').trim().split('\n').at(-1).split(/\s+/).map(Number)
    cpu = user + system
    rss = kb / 1024
  }
  return {wall, cpu, rss}
}

function measure(label, command, env) {
  return measureTogether([{key: label, command}], {env})[label]
}

/** Run each command `runs` times, one after the other in turn, after one warm-up run each. */
function measureTogether(tools, options = {}) {
  const samples = Object.fromEntries(tools.map((tool) => [tool.key, []]))
  const failed = {}
  const resources = {}
  for (let round = 0; round <= runs + 1; round++) {
    for (const tool of tools) {
      if (failed[tool.key]) continue
      // Round 0 warms the file cache; the last one, under GNU time, gives CPU time and peak memory.
      const last = round === runs + 1
      const sample = once(tool.command, options.env, last)
      if (sample.failed) failed[tool.key] = sample.failed
      else if (last) resources[tool.key] = sample
      else if (round > 0) samples[tool.key].push(sample)
    }
  }
  return Object.fromEntries(
    tools.map((tool) => {
      const list = samples[tool.key]
      if (failed[tool.key]) return [tool.key, {failed: failed[tool.key], runs: 0}]
      return [
        tool.key,
        {
          median: median(list.map((s) => s.wall)),
          min: Math.min(...list.map((s) => s.wall)),
          cpu: resources[tool.key]?.cpu,
          rss: resources[tool.key]?.rss,
          runs: list.length
        }
      ]
    })
  )
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
}

/** Serve a copy of a deck, open it in Chromium, edit its title and time until the page shows the edit. */
async function measureReload(input) {
  const folder = path.join(work, `serve-${path.basename(input, '.md')}`)
  rmSync(folder, {recursive: true, force: true})
  mkdirSync(folder, {recursive: true})
  const deck = path.join(folder, path.basename(input))
  cpSync(input, deck)
  let playwright
  try {
    playwright = await import('playwright-core')
  } catch {
    return {note: 'skipped: playwright-core is not installed'}
  }
  if (!existsSync('/usr/bin/chromium') && !process.env.LECTERN_BROWSER) return {note: 'skipped: no Chromium at /usr/bin/chromium'}

  const server = spawn(process.execPath, [cli, 'serve', deck, '--port', '0'], {cwd: folder, stdio: ['ignore', 'pipe', 'pipe']})
  let output = ''
  let browser
  try {
    const url = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no URL within 30 s')), 30_000)
      const onData = (chunk) => {
        output += chunk
        const urls = output.match(/https?:\/\/[^\s`'")]+/g)
        if (urls) {
          clearTimeout(timer)
          const name = path.basename(deck, '.md')
          resolve(urls.find((candidate) => candidate.includes(name)) ?? urls[0])
        }
      }
      server.stdout.on('data', onData)
      server.stderr.on('data', onData)
      server.on('exit', (code) => {
        clearTimeout(timer)
        reject(new Error(firstLine(output) || `exit ${code}`))
      })
    })
    browser = await playwright.chromium.launch({
      executablePath: process.env.LECTERN_BROWSER || '/usr/bin/chromium',
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
    })
    const page = await browser.newPage()
    await page.goto(url)
    await page.waitForSelector('.reveal .slides section', {timeout: 60_000})
    // Let the first load settle before the first edit.
    await page.waitForTimeout(500)
    const original = readFileSync(deck, 'utf8')
    const times = []
    for (let round = 0; round < runs; round++) {
      const token = `edited${round}x${Date.now()}`
      const edited = original.replace(/^(#{1,2} .*)$/m, `$1 ${token}`)
      const start = performance.now()
      writeFileSync(deck, edited)
      await waitForText(page, token)
      times.push((performance.now() - start) / 1000)
      await page.waitForTimeout(300)
    }
    return {stats: {median: median(times), min: Math.min(...times), cpu: undefined, rss: undefined, runs: times.length}}
  } catch (error) {
    const reason = firstLine(error.message)
    return {note: `skipped: \`lectern serve\` is not available or failed (${reason.slice(0, 120)})`}
  } finally {
    await browser?.close()
    server.kill()
    rmSync(folder, {recursive: true, force: true})
  }
}

/** Wait until the first slide holds a text; survives the page reloading itself. */
async function waitForText(page, token) {
  const deadline = performance.now() + 30_000
  while (performance.now() < deadline) {
    try {
      // The edit is in the first heading, so on the first slide: reading the text of all slides at every poll would slow the page it times.
      await page.waitForFunction((text) => document.querySelector('.reveal .slides section')?.textContent?.includes(text), token, {
        polling: 5,
        timeout: 30_000
      })
      return
    } catch (error) {
      if (!/context|navigat|destroyed/i.test(String(error))) throw error
    }
  }
  throw new Error('the edit never showed')
}

function seconds(value) {
  return value === undefined ? '–' : value < 1 ? `${Math.round(value * 1000)} ms` : `${value.toFixed(2)} s`
}

function megabytes(value) {
  return value === undefined ? '–' : `${Math.round(value)} MB`
}

function toReport() {
  const cpus = os.cpus()
  const load = os.loadavg().map((value) => value.toFixed(2)).join(', ')
  const lines = [
    '# lectern benchmark',
    '',
    `Run \`npm run bench\` (\`node bench/run.js --runs ${runs}\`) to regenerate. Whole processes, ${runs} runs after a warm-up run, medians;`,
    'peers run in turn with lectern, round by round, so a busy machine slows all alike. Wall times come from runs started directly;',
    'CPU time and peak memory from one more run under GNU time (whose own start-up would otherwise count in the wall time).',
    '',
    `- Date: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `- Machine: ${cpus.length} × ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GB memory, ${os.type()} ${os.release()}`,
    `- Node ${process.version}; load average at the end: ${load}`,
    `- Peak memory: ${gnuTime ? 'GNU time (max RSS)' : 'process.resourceUsage().maxRSS in the child'}`,
    `- Inputs (bench/.work/, generated by bench/generate.js): ${Object.entries(inputs)
      .map(([name, file]) => `${name} ${Math.round(readFileSync(file).length / 1024)} KB`)
      .join(', ')}`,
    `- Peers: ${Object.keys(peers).length > 0 ? Object.entries(peers).map(([tool, command]) => `${tool} (${command.at(-1)})`).join(', ') : 'none found'}`,
    '- Not like for like: reveal-md `--static` leaves the markdown in the page for reveal.js to render in the browser; pandoc links reveal.js from a CDN and copies no assets; lectern and Marp render at build time and ship what the deck needs (lectern: reveal.js, fonts subset to the deck).',
    '',
    '| Case | Tool | Median | Min | CPU (user+sys) | Peak RSS | lectern ÷ tool (time) | lectern ÷ tool (CPU) |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |'
  ]
  for (const row of rows) {
    if (row.note || row.stats?.failed) {
      lines.push(`| ${row.name} | ${row.tool} | ${row.note ?? `failed: ${row.stats.failed}`} | | | | | |`)
      continue
    }
    const mine = rows.find((other) => other.name === row.name && other.tool === 'lectern')?.stats
    const compare = row.tool !== 'lectern' && row.tool !== 'node' && mine
    const ratio = compare && mine.median ? `${(mine.median / row.stats.median).toFixed(2)}×` : ''
    const cpuRatio = compare && mine.cpu && row.stats.cpu ? `${(mine.cpu / row.stats.cpu).toFixed(2)}×` : ''
    lines.push(
      `| ${row.name} | ${row.tool} | ${seconds(row.stats.median)} | ${seconds(row.stats.min)} | ${seconds(row.stats.cpu)} | ${megabytes(row.stats.rss)} | ${ratio} | ${cpuRatio} |`
    )
  }
  lines.push(
    '',
    '## Budgets (issue 9)',
    '',
    'Met is judged on medians of wall time. On a busy machine, the fastest runs and CPU time (which counts both threads of a parallel parse) say more.',
    '',
    '| Budget | Measured | Met |',
    '| --- | --- | :---: |'
  )
  for (const budget of toBudgets()) lines.push(`| ${budget.name} | ${budget.measured} | ${budget.met === undefined ? '–' : budget.met ? 'yes' : '**no**'} |`)
  lines.push('')
  return lines.join('\n')
}

function statsOf(name, tool = 'lectern') {
  const stats = rows.find((row) => row.name === name && row.tool === tool)?.stats
  return stats && !stats.failed ? stats : undefined
}

function toBudgets() {
  const budgets = []
  const seed = statsOf('seed → HTML')
  const seedMarp = statsOf('seed → HTML', 'marp')
  const big = statsOf('deck-1000 → HTML')
  const bigMarp = statsOf('deck-1000 → HTML', 'marp')
  const small = statsOf('deck-100 → HTML')
  const article = statsOf('article-1000 → HTML')
  const article100 = statsOf('article-100 → HTML')
  const ratio = (a, b) => (a && b ? a.median / b.median : undefined)
  const minRatio = (a, b) => (a && b ? a.min / b.min : undefined)
  const cpuRatio = (a, b) => (a?.cpu && b?.cpu ? a.cpu / b.cpu : undefined)
  const show = (value, unit = '×') => (value === undefined ? 'not measured' : `${value.toFixed(2)}${unit}`)
  const check = (value, limit) => (value === undefined ? undefined : value <= limit)

  const seedVsMarp = ratio(seed, seedMarp)
  budgets.push({name: 'seed → HTML ≤ 0.3× Marp', measured: seedMarp ? `${show(seedVsMarp)} (${seconds(seed?.median)} vs ${seconds(seedMarp.median)}); fastest runs ${show(minRatio(seed, seedMarp))}; CPU ${show(cpuRatio(seed, seedMarp))}` : `Marp not run; ${seconds(seed?.median)} vs 0.15 s from the issue`, met: seedMarp ? check(seedVsMarp, 0.3) : check(seed?.median, 0.15)})
  const seedVsNode = ratio(seed, baseline)
  budgets.push({name: 'seed → HTML ≤ 2.5× bare Node start-up', measured: `${show(seedVsNode)} (${seconds(seed?.median)} vs ${seconds(baseline?.median)}); fastest runs ${show(minRatio(seed, baseline))}; CPU ${show(cpuRatio(seed, baseline))}`, met: check(seedVsNode, 2.5)})
  const rebuild = statsOf('deck-1000 → HTML, rebuild')
  const rebuildMarp = statsOf('deck-1000 → HTML, rebuild', 'marp')
  const rebuildVsMarp = ratio(rebuild, rebuildMarp)
  const bigVsMarp = ratio(big, bigMarp)
  budgets.push({name: '1,000-slide deck → HTML ≤ 1× Marp (aim 0.5×)', measured: bigMarp ? `${show(bigVsMarp)} (${seconds(big?.median)} vs ${seconds(bigMarp.median)}); fastest runs ${show(minRatio(big, bigMarp))}; CPU ${show(cpuRatio(big, bigMarp))}` : `Marp not run; ${seconds(big?.median)} vs 1.17 s from the issue`, met: bigMarp ? check(bigVsMarp, 1) : check(big?.median, 1.17)})
  budgets.push({name: '1,000-slide deck rebuilt, sections kept on disk: the aim, 0.5× Marp', measured: rebuild && rebuildMarp ? `${show(rebuildVsMarp)} (${seconds(rebuild.median)} vs ${seconds(rebuildMarp.median)}); fastest runs ${show(minRatio(rebuild, rebuildMarp))}` : 'not measured', met: rebuild && rebuildMarp ? check(rebuildVsMarp, 0.5) : undefined})
  const peak = Math.max(...rows.filter((row) => row.tool === 'lectern' && row.name.endsWith('→ HTML') && row.stats?.rss).map((row) => row.stats.rss))
  budgets.push({name: 'peak memory ≤ 200 MB (largest lectern HTML build)', measured: Number.isFinite(peak) ? megabytes(peak) : 'not measured', met: Number.isFinite(peak) ? peak <= 200 : undefined})
  const growth = ratio(big, small)
  const marginal = big && small && seed ? (big.median - seed.median) / (small.median - seed.median) : undefined
  budgets.push({name: 'growth: 10× the slides ≤ 11× the time (deck-100 → deck-1000)', measured: `${show(growth)} whole process; ${show(marginal)} above the seed's time`, met: check(marginal ?? growth, 11)})
  const growthArticle = ratio(article, article100)
  const marginalArticle = article && article100 && seed ? (article.median - seed.median) / (article100.median - seed.median) : undefined
  budgets.push({name: 'growth: 10× the sections ≤ 11× the time (article-100 → article-1000)', measured: `${show(growthArticle)} whole process; ${show(marginalArticle)} above the seed's time`, met: check(marginalArticle ?? growthArticle, 11)})
  const pdf = statsOf('seed → PDF')
  const pdfMarp = statsOf('seed → PDF', 'marp')
  const pdfRatio = ratio(pdf, pdfMarp)
  budgets.push({name: 'seed PDF ≤ 0.75× Marp (aim 0.5×)', measured: pdf ? (pdfMarp ? `${show(pdfRatio)} (${seconds(pdf.median)} vs ${seconds(pdfMarp.median)}); fastest runs ${show(minRatio(pdf, pdfMarp))}` : `Marp not run; ${seconds(pdf.median)} vs 2.13 s from the issue`) : 'not measured', met: pdf ? (pdfMarp ? check(pdfRatio, 0.75) : check(pdf.median, 0.75 * 2.13)) : undefined})
  const reloadSeed = statsOf('seed: save → updated slide (serve)')
  budgets.push({name: 'live reload, seed deck ≤ 150 ms', measured: reloadSeed ? seconds(reloadSeed.median) : 'not measured', met: check(reloadSeed?.median, 0.15)})
  const reloadBig = statsOf('deck-1000: save → updated slide (serve)')
  budgets.push({name: 'live reload, 1,000-slide deck ≤ 400 ms', measured: reloadBig ? seconds(reloadBig.median) : 'not measured', met: check(reloadBig?.median, 0.4)})
  return budgets
}
