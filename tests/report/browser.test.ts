// End to end: the built CLI writes reports for shipped models and scenarios; headless Chromium
// opens them from file:// at a desktop width (1400 px), a phone's (390 px) and in print, and we
// check what a reader would see. Screenshots of both widths are written for people to look at
// (to $LOUDOU_SCREENSHOTS when set, else a temporary folder).
import {execFile} from 'node:child_process'
import {existsSync, mkdirSync, mkdtempSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {promisify} from 'node:util'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'

const run = promisify(execFile)
const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'loudou-report-'))
const shots = process.env.LOUDOU_SCREENSHOTS ? resolve(process.env.LOUDOU_SCREENSHOTS) : dir
const en = join(dir, 'report-en.html')
const zh = join(dir, 'report-zh.html')
const large = join(dir, 'report-large.html')

// What the page exposes, typed here because the project's TypeScript has no DOM library.
interface El {
  width: number
  height: number
  scrollWidth: number
  clientWidth: number
  textContent: string | null
  getBoundingClientRect(): {width: number; height: number; right: number}
  closest(selector: string): El | null
}
interface PageGlobals {
  loudouGraph?: {ready: boolean; nodes: number; edges: number; renderer: string}
  document: {
    documentElement: El
    querySelectorAll(selector: string): ArrayLike<El>
    getElementById(id: string): {dataset: Record<string, string | undefined>} | null
  }
  getComputedStyle(el: El): {fontSize: string; display: string; fontFamily: string}
}

let browser: Browser
const errors: string[] = []
const blocked: string[] = []

async function open(file: string, width: number): Promise<Page> {
  const page = await browser.newPage({viewport: {width, height: 900}})
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.route(/^https?:/, (route) => {
    blocked.push(route.request().url())
    return route.abort()
  })
  await page.goto(`file://${file}`)
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).loudouGraph?.ready === true)
  return page
}

/** Elements of `selector` whose text does not fit their box (cut off or hidden). */
function overflowing(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((sel) => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll(sel)).filter((e) => e.scrollWidth > e.clientWidth + 1).map((e) => e.textContent ?? ''), selector)
}

/**
 * A full-page screenshot for people to look at. Scrollable boxes (code blocks, wide tables) are
 * clipped instead while it is taken: the picture is the same (headless Chromium draws no
 * scrollbars), but Chromium rasterises a page taller than the screen with scrollable boxes in it
 * about ten times slower (25 s instead of 2 s for the phone-width report).
 */
function fullShot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({path: join(shots, name), fullPage: true, style: 'pre, .table-wrap { overflow: hidden }', timeout: 150_000})
}

const cli = (args: string[]) => run(process.execPath, [join(root, 'bin', 'run.js'), ...args], {cwd: root})
// One thread: two worker threads per report would each load the simulator for three short runs.
const RUN = ['--replications', '3', '--seed', '7', '--horizon', '6mo', '--workers', '1']

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'commands', 'report.js'))) throw new Error('dist/commands/report.js is missing: run `npm run build` first')
  mkdirSync(shots, {recursive: true})
  // The graph bundle is this suite's own asset; (re)build it so the test sees the current source.
  await run(process.execPath, [join(root, 'scripts', 'build-assets.mjs')], {cwd: root})
  await Promise.all([
    cli(['report', 'models/classroom.yaml', 'scenarios/classroom/access-catalogue.yaml', ...RUN, '--lang', 'en', '--html', en]),
    cli(['report', 'models/classroom.yaml', 'scenarios/classroom/beijing.yaml', ...RUN, '--lang', 'zh', '--html', zh]),
    cli(['report', 'models/shenzhen-funnel.yaml', '--no-simulate', '--lang', 'zh', '--html', large]),
  ])
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
}, 240_000)

afterAll(async () => {
  await browser?.close()
})

// Chromium on a busy shared machine: each case gets three minutes.
describe('the HTML report in Chromium', {timeout: 180_000}, () => {
  it('draws the funnel with one band per tier of the model', async () => {
    const page = await open(en, 1400)
    const tiers = await page.$$eval('.funnel polygon.funnel-band', (els) => els.map((e) => e.getAttribute('data-tier')))
    expect(tiers).toEqual(['district', 'street', 'community', 'grid'])
    const box = await page.locator('.funnel').boundingBox()
    expect(box!.width).toBeGreaterThan(500)
    await page.close()
  })

  it('draws the structure graph with sigma on a canvas of nonzero size, one node per unit', async () => {
    const page = await open(en, 1400)
    const info = await page.evaluate(() => {
      const {loudouGraph: graph, document} = (globalThis as unknown as PageGlobals)
      const canvases = Array.from(document.querySelectorAll('#graph-canvas canvas')).map((c) => [c.width, c.height])
      return {nodes: graph!.nodes, edges: graph!.edges, renderer: graph!.renderer, canvases, attr: document.getElementById('report-graph')!.dataset.nodes}
    })
    // models/classroom.yaml expands to 48 units: below the readable size, so every unit is drawn.
    expect(info).toMatchObject({nodes: 48, renderer: 'sigma', attr: '48'})
    expect(info.edges).toBeGreaterThan(48)
    expect(info.canvases.length).toBeGreaterThan(0)
    for (const [w, h] of info.canvases) expect(w * h).toBeGreaterThan(0)
    expect(await page.locator('#graph-static').isVisible()).toBe(false)
    await page.close()
  })

  it('shows the baseline-versus-reform comparison with CIs and significance marks', async () => {
    const page = await open(en, 1400)
    const rows = await page.$$eval('section.scenario[data-scenario="classroom-access-catalogue"] tbody tr', (els) => els.map((e) => e.className))
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.every((c) => /^verdict-(better|worse|changed|ns|same)$/.test(c))).toBe(true)
    expect(await page.locator('.compare-table svg.ci-whisker').count()).toBe(rows.length)
    await page.close()
  })

  it('opens with a summary in sentences with numbers, what is overloaded and what the reform changes', async () => {
    const page = await open(zh, 1400)
    const first = await page.$eval('main section', (s) => s.id)
    expect(first).toBe('summary')
    const findings = await page.$$eval('#summary .headline li', (els) => els.map((e) => e.textContent ?? ''))
    expect(findings.length).toBeGreaterThanOrEqual(4)
    for (const f of findings) expect(f).toMatch(/\d/)
    expect(findings[0]).toMatch(/^社区层级负荷最重/)
    expect(findings.at(-1)).toMatch(/^北京：准入清单\+吹哨报到.*：.*→/)
    await fullShot(page, 'report-zh-1400.png')
    await page.close()
  })

  it('draws backlog and utilisation over time, the baseline and the reform each a line', async () => {
    for (const width of [1400, 390]) {
      const page = await open(zh, width)
      const charts = await page.$$eval('#over-time svg.series', (els) => els.map((s) => {
        const box = s.getBoundingClientRect()
        return {w: box.width, h: box.height, lines: s.querySelectorAll('path.mean').length, bands: s.querySelectorAll('path.band').length}
      }))
      expect(charts).toHaveLength(2)
      for (const c of charts) expect(c).toMatchObject({lines: 2, bands: 1})
      // Side by side on a desktop, one under the other on a phone, never wider than the screen.
      for (const c of charts) expect(c.w).toBeLessThanOrEqual(width === 390 ? 390 : 720)
      if (width === 1400) expect(charts[0].w).toBeGreaterThan(400)
      expect(await page.$$eval('#over-time .legend .key', (els) => els.map((e) => e.textContent))).toEqual(['基线', '北京：准入清单+吹哨报到 (Beijing: task list and whistle)'])
      await page.locator('#over-time').screenshot({path: join(shots, `report-zh-over-time-${width}.png`)})
      await page.close()
    }
  })

  it('reads on a phone: no sideways scrolling, labels whole, text large enough', async () => {
    const page = await open(zh, 390)
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    for (const sel of ['.bar-label', '.split-label', '.funnel-text div', '.headline li', 'h1', 'h2']) expect(await overflowing(page, sel)).toEqual([])
    // Nothing reaches past the screen's edge: legends, captions and chart labels included.
    const past = await page.evaluate(() => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('main *'))
      .filter((e) => e.getBoundingClientRect().right > 391 && !e.closest('.table-wrap, pre')).map((e) => e.textContent?.slice(0, 40)))
    expect(past).toEqual([])
    const small = await page.evaluate(() => Array.from((globalThis as unknown as PageGlobals).document.querySelectorAll('main p, main li, main td, main th, .bar-label, .bar-value, .funnel-text'))
      .filter((e) => (globalThis as unknown as PageGlobals).getComputedStyle(e).display !== 'none' && Number.parseFloat((globalThis as unknown as PageGlobals).getComputedStyle(e).fontSize) < 11).map((e) => e.textContent))
    expect(small).toEqual([])
    // The comparison turns into one card per metric, each value named.
    const card = await page.locator('.compare-table tbody tr').first().boundingBox()
    expect(card!.width).toBeLessThanOrEqual(390)
    await fullShot(page, 'report-zh-390.png')
    const en390 = await open(en, 390)
    expect(await en390.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await fullShot(en390, 'report-en-390.png')
    await en390.close()
    await page.close()
  })

  it('prints on A4: the static graph instead of the canvas, nothing wider than the page', async () => {
    // A4 less the 12 mm margins at 96 dpi.
    const page = await open(zh, 703)
    await page.emulateMedia({media: 'print'})
    expect(await page.locator('#graph-static').isVisible()).toBe(true)
    expect(await page.locator('#graph-canvas').isVisible()).toBe(false)
    expect(await page.locator('nav.toc').isVisible()).toBe(false)
    expect(await page.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(703)
    const pdf = await page.pdf({format: 'A4', printBackground: true})
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
    await page.close()
  })

  it('draws a large model as one node per tier and kind, with a legend and a table of the groups', async () => {
    const page = await open(large, 1400)
    const info = await page.evaluate(() => ({nodes: (globalThis as unknown as PageGlobals).loudouGraph!.nodes, attr: (globalThis as unknown as PageGlobals).document.getElementById('report-graph')!.dataset.nodes}))
    expect(info.nodes).toBeLessThan(20)
    expect(Number(info.attr)).toBe(info.nodes)
    expect(await page.locator('#report-graph table.graph-groups tbody tr').count()).toBe(info.nodes)
    expect(await page.locator('#report-graph .legend .key').count()).toBeGreaterThan(4)
    const labels = await page.$$eval('#report-graph table.graph-groups tbody tr td:nth-child(3)', (els) => els.map((e) => Number((e.textContent ?? '').replace(/,/g, ''))))
    // Every unit of models/shenzhen-funnel.yaml (616) is in exactly one node.
    expect(labels.reduce((a, b) => a + b, 0)).toBe(616)
    await fullShot(page, 'report-large-1400.png')
    const paper = await open(large, 703)
    await paper.emulateMedia({media: 'print'})
    // On paper the static drawing shows, every node labelled at least 9 px high.
    const heights = await paper.$$eval('#graph-static text', (els) => els.map((e) => e.getBoundingClientRect().height))
    expect(heights.length).toBe(info.nodes)
    expect(Math.min(...heights)).toBeGreaterThanOrEqual(9)
    await paper.close()
    // On a phone the table says what each node stands for, without sideways scrolling.
    const phone = await open(large, 390)
    expect(await phone.evaluate(() => (globalThis as unknown as PageGlobals).document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    expect(await phone.locator('#report-graph table.graph-groups tbody tr').first().isVisible()).toBe(true)
    await fullShot(phone, 'report-large-390.png')
    await phone.close()
    await page.close()
  })

  it('falls back to the static drawing, without errors, where WebGL is unavailable', async () => {
    const bare = await browser.newPage({viewport: {width: 1100, height: 900}})
    const bareErrors: string[] = []
    bare.on('pageerror', (e) => bareErrors.push(e.message))
    // Canvas contexts other than 2D fail, as on a machine without WebGL.
    await bare.addInitScript(() => {
      const proto = (globalThis as unknown as {HTMLCanvasElement: {prototype: {getContext: (type: string, ...rest: unknown[]) => unknown}}}).HTMLCanvasElement.prototype
      const original = proto.getContext
      proto.getContext = function (this: unknown, type: string, ...rest: unknown[]) {
        return /webgl/.test(type) ? null : original.call(this, type, ...rest)
      }
    })
    await bare.goto(`file://${en}`)
    await bare.waitForFunction(() => (globalThis as unknown as PageGlobals).loudouGraph?.ready === true)
    const renderer = await bare.evaluate(() => (globalThis as unknown as PageGlobals).loudouGraph!.renderer)
    expect(renderer).toBe('svg')
    expect(await bare.locator('#graph-static').isVisible()).toBe(true)
    expect(await bare.locator('#graph-fallback-note').isVisible()).toBe(true)
    expect(bareErrors).toEqual([])
    await bare.close()
  })

  it('rendered with no console or page errors and no network requests', () => {
    expect(errors).toEqual([])
    expect(blocked).toEqual([])
  })

  it('saved screenshots at both widths, and reports that are one self-contained file each', () => {
    for (const f of ['report-zh-1400.png', 'report-zh-390.png', 'report-en-390.png', 'report-large-1400.png', 'report-large-390.png']) expect(statSync(join(shots, f)).size).toBeGreaterThan(50_000)
    for (const f of ['report-zh-over-time-1400.png', 'report-zh-over-time-390.png']) expect(statSync(join(shots, f)).size).toBeGreaterThan(10_000)
    for (const f of [en, zh, large]) expect(readFileSync(f, 'utf8')).not.toMatch(/\bsrc=|@import|url\(/)
  })

  it('has Chinese fonts to draw the Chinese report with (fonts-noto-cjk, scripts/setup-system.sh)', async () => {
    const {stdout} = await run('fc-list', [':lang=zh-cn', 'family'])
    expect(stdout.trim()).not.toBe('')
  })

  it('draws the Chinese text with a CJK font, not as empty boxes', async () => {
    const page = await open(zh, 390)
    // The fonts Chromium actually used for the title, the first finding and a chart caption.
    const cdp = await page.context().newCDPSession(page)
    const {root} = await cdp.send('DOM.getDocument')
    await cdp.send('CSS.enable')
    for (const sel of ['h1', '#summary .headline li', '#over-time figcaption']) {
      const {nodeId} = await cdp.send('DOM.querySelector', {nodeId: root.nodeId, selector: sel})
      const {fonts} = await cdp.send('CSS.getPlatformFontsForNode', {nodeId})
      const cjk = fonts.filter((f) => /CJK|Source Han|WenQuanYi|Droid Sans Fallback/i.test(f.familyName))
      expect(cjk.reduce((n, f) => n + f.glyphCount, 0), `${sel}: ${JSON.stringify(fonts)}`).toBeGreaterThan(3)
    }
    // Two different characters drawn in the page's font differ (missing glyphs are all the same box).
    const differ = await page.evaluate(() => {
      const doc = (globalThis as unknown as {document: {createElement(t: 'canvas'): {width: number; height: number; getContext(t: '2d'): {font: string; fillText(s: string, x: number, y: number): void; getImageData(x: number, y: number, w: number, h: number): {data: ArrayLike<number>}} | null}}}).document
      const draw = (ch: string) => {
        const c = doc.createElement('canvas')
        c.width = c.height = 40
        const g = c.getContext('2d')!
        g.font = `32px ${(globalThis as unknown as PageGlobals).getComputedStyle((globalThis as unknown as PageGlobals).document.querySelectorAll('body')[0]).fontFamily}`
        g.fillText(ch, 2, 34)
        return Array.from(g.getImageData(0, 0, 40, 40).data).join(',')
      }
      return draw('社') !== draw('区') && draw('社') !== draw('\uE000')
    })
    expect(differ).toBe(true)
    await page.close()
  })
})
