// End to end: the built command (in-process) writes the report for a shipped model and a shipped scenario;
// headless Chromium opens it from file:// and we check what a reader would see.
import {execFile} from 'node:child_process'
import {existsSync, mkdtempSync, readFileSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {join, resolve} from 'node:path'
import {promisify} from 'node:util'
import {chromium, type Browser, type Page} from 'playwright-core'
import {afterAll, beforeAll, describe, expect, it} from 'vitest'
import {runCommand} from '../helpers/run-command.js'

const run = promisify(execFile)
const root = resolve(import.meta.dirname, '../..')
const dir = mkdtempSync(join(tmpdir(), 'loudou-report-'))
const html = join(dir, 'report.html')
const screenshot = join(dir, 'report.png')

// What the page exposes, typed here because the project's TypeScript has no DOM library.
interface PageGlobals {
  loudouGraph?: {ready: boolean; nodes: number; edges: number; renderer: string}
  document: {
    querySelectorAll(selector: string): ArrayLike<{width: number; height: number}>
    getElementById(id: string): {dataset: Record<string, string | undefined>} | null
  }
}

let browser: Browser
let page: Page
const errors: string[] = []
const blocked: string[] = []

beforeAll(async () => {
  if (!existsSync(join(root, 'dist', 'commands', 'report.js'))) throw new Error('dist/commands/report.js is missing: run `npm run build` first')
  // The graph bundle is this suite's own asset; (re)build it so the test sees the current source.
  await run(process.execPath, [join(root, 'scripts', 'build-assets.mjs')], {cwd: root})
  const report = await runCommand(['report', 'models/classroom.yaml', 'scenarios/classroom/access-catalogue.yaml',
    '--replications', '3', '--seed', '7', '--horizon', '6mo', '--lang', 'en', '--html', html])
  if (report.code !== 0) throw new Error(report.stderr)
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  })
  page = await browser.newPage({viewport: {width: 1100, height: 900}})
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text())
  })
  page.on('pageerror', (e) => errors.push(e.message))
  await page.route(/^https?:/, (route) => {
    blocked.push(route.request().url())
    return route.abort()
  })
  await page.goto(`file://${html}`)
  await page.waitForFunction(() => (globalThis as unknown as PageGlobals).loudouGraph?.ready === true)
  await page.screenshot({path: screenshot, fullPage: true})
})

afterAll(async () => {
  await browser?.close()
})

describe('the HTML report in Chromium', () => {
  it('renders with no console or page errors and no network requests', () => {
    expect(errors).toEqual([])
    expect(blocked).toEqual([])
  })

  it('draws the funnel with one band per tier of the model', async () => {
    const tiers = await page.$$eval('svg.funnel polygon.funnel-band', (els) => els.map((e) => e.getAttribute('data-tier')))
    expect(tiers).toEqual(['district', 'street', 'community', 'grid'])
    const box = await page.locator('svg.funnel').boundingBox()
    expect(box!.width).toBeGreaterThan(500)
  })

  it('draws the structure graph with sigma on a canvas of nonzero size, one node per unit', async () => {
    const info = await page.evaluate(() => {
      const {loudouGraph: g, document} = globalThis as unknown as PageGlobals
      const canvases = Array.from(document.querySelectorAll('#graph-canvas canvas')).map((c) => [c.width, c.height])
      return {nodes: g!.nodes, edges: g!.edges, renderer: g!.renderer, canvases, attr: document.getElementById('report-graph')!.dataset.nodes}
    })
    // models/classroom.yaml expands to 48 units: below the cap, so every unit is drawn.
    expect(info).toMatchObject({nodes: 48, renderer: 'sigma', attr: '48'})
    expect(info.edges).toBeGreaterThan(48)
    expect(info.canvases.length).toBeGreaterThan(0)
    for (const [w, h] of info.canvases) expect(w * h).toBeGreaterThan(0)
    expect(await page.locator('#graph-static').isVisible()).toBe(false)
  })

  it('shows the baseline-versus-reform comparison with CIs and significance marks', async () => {
    const rows = await page.$$eval('section.scenario[data-scenario="classroom-access-catalogue"] tbody tr', (els) => els.map((e) => e.className))
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.every((c) => /^verdict-(better|worse|changed|ns|same)$/.test(c))).toBe(true)
    expect(await page.locator('.compare-table svg.ci-whisker').count()).toBe(rows.length)
  })

  it('prints the static graph instead of the canvas', async () => {
    await page.emulateMedia({media: 'print'})
    expect(await page.locator('#graph-static').isVisible()).toBe(true)
    expect(await page.locator('#graph-canvas').isVisible()).toBe(false)
    await page.emulateMedia({media: 'screen'})
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
    await bare.goto(`file://${html}`)
    await bare.waitForFunction(() => (globalThis as unknown as PageGlobals).loudouGraph?.ready === true)
    const renderer = await bare.evaluate(() => (globalThis as unknown as PageGlobals).loudouGraph!.renderer)
    expect(renderer).toBe('svg')
    expect(await bare.locator('#graph-static').isVisible()).toBe(true)
    expect(await bare.locator('#graph-fallback-note').isVisible()).toBe(true)
    expect(bareErrors).toEqual([])
    await bare.close()
  })

  it('saved a screenshot and a report that is one self-contained file', () => {
    expect(statSync(screenshot).size).toBeGreaterThan(50_000)
    const text = readFileSync(html, 'utf8')
    expect(text).not.toMatch(/\bsrc=|@import|url\(/)
  })
})
