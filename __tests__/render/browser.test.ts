// The card and the badge drawn by a real browser (headless Chromium) and
// measured in pixels: bar lengths against the fractions written out by hand,
// text kept inside its column, and both of GitHub's colour schemes.
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PNG } from 'pngjs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { renderBadge } from '../../src/render/badge.ts'
import { cardOf, renderCard } from '../../src/render/card.ts'
import { emulatorWith, fixture, push } from '../integration/harness.ts'

function findChromium(): string | undefined {
  const names = [process.env.CHROMIUM, 'chromium', 'chromium-browser', 'google-chrome']
  for (const name of names) {
    if (!name) continue
    const r = spawnSync(name, ['--version'], { encoding: 'utf8' })
    if (r.status === 0) return name
  }
  return undefined
}

const chromium = findChromium()
if (!chromium) {
  // .ci/run installs Chromium and sets this, so in CI a missing browser is a failure.
  if (process.env.GOALS_SYNC_REQUIRE_BROWSER || process.env.CI)
    throw new Error('Chromium is required here: .ci/run installs it (apt-get install chromium)')
  console.warn('SKIPPED browser rendering tests: no chromium on PATH (apt-get install chromium)')
}

// KEEP_SHOTS=DIR keeps the screenshots, to look at what the browser drew.
const work = process.env.KEEP_SHOTS ?? mkdtempSync(join(tmpdir(), 'goals-sync-browser-'))
afterAll(() => {
  if (!process.env.KEEP_SHOTS) rmSync(work, { recursive: true, force: true })
})

type Rgb = [number, number, number]
interface Shot {
  png: PNG
  at: (x: number, y: number) => Rgb
}

let shots = 0
function screenshot(svg: string, dark: boolean, size?: [number, number]): Shot {
  const width = size?.[0] ?? Number(/width="(\d+)"/.exec(svg)![1])
  const height = size?.[1] ?? Number(/height="(\d+)"/.exec(svg)![1])
  const n = shots++
  const file = join(work, `${n}.svg`)
  const out = join(work, `${n}.png`)
  writeFileSync(file, svg)
  const args = [
    '--headless',
    '--disable-gpu',
    '--hide-scrollbars',
    '--force-device-scale-factor=1',
    `--user-data-dir=${join(work, `profile-${n}`)}`,
    `--screenshot=${out}`,
    // Headless Chromium paints only the top of a short window; the card's own
    // background is what gets measured, so a taller window changes nothing.
    `--window-size=${width},${height + 200}`,
    ...(dark ? ['--force-dark-mode'] : []),
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    file
  ]
  const r = spawnSync(chromium!, args, { encoding: 'utf8', timeout: 60_000 })
  if (r.status !== 0) throw new Error(`chromium failed: ${r.stderr}`)
  const png = PNG.sync.read(readFileSync(out))
  return {
    png,
    at: (x, y) => {
      const i = (y * png.width + x) * 4
      return [png.data[i]!, png.data[i + 1]!, png.data[i + 2]!]
    }
  }
}

const hex = (h: string): Rgb => [1, 3, 5].map(i => parseInt(h.slice(i, i + 2), 16)) as Rgb
const near = (a: Rgb, b: Rgb, tolerance = 24) =>
  Math.abs(a[0] - b[0]) + Math.abs(a[1] - b[1]) + Math.abs(a[2] - b[2]) <= tolerance
/** Whether `c` is (within a few levels) a mix of `a` and `b`. */
function onSegment(c: Rgb, a: Rgb, b: Rgb): boolean {
  const d = [b[0] - a[0], b[1] - a[1], b[2] - a[2]]
  const t =
    ((c[0] - a[0]) * d[0]! + (c[1] - a[1]) * d[1]! + (c[2] - a[2]) * d[2]!) /
    (d[0]! ** 2 + d[1]! ** 2 + d[2]! ** 2)
  if (t < 0 || t > 1) return false
  const mix: Rgb = [a[0] + t * d[0]!, a[1] + t * d[1]!, a[2] + t * d[2]!]
  return near(c, mix, 24)
}
const luminance = (c: Rgb) => 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2]

// The colours the card's stylesheet gives track and fill, per scheme.
const themes = [
  { name: 'light', dark: false, track: hex('#d8dee4'), fill: hex('#1f883d') },
  { name: 'dark', dark: true, track: hex('#262c36'), fill: hex('#2ea043') }
]

interface Bar {
  middle: number
  left: number
  right: number
  filled: number
}

/** Bars found by colour alone: runs of rows where at least 100 pixels are track or fill. */
function bars(shot: Shot, track: Rgb, fill: Rgb): Bar[] {
  const { width, height } = shot.png
  // Where fill meets track the edge pixel is a blend of both: still bar.
  const isBar = (c: Rgb) => near(c, track) || near(c, fill) || onSegment(c, track, fill)
  const rows: number[] = []
  for (let y = 0; y < height; y++) {
    let count = 0
    for (let x = 0; x < width; x++) if (isBar(shot.at(x, y))) count++
    rows.push(count)
  }
  const found: Bar[] = []
  let y = 0
  while (y < height) {
    if (rows[y]! < 100) {
      y++
      continue
    }
    const start = y
    while (y < height && rows[y]! >= 100) y++
    // A bar is 8 px tall; the divider line is 1 px and is not a bar.
    if (y - start < 5) continue
    const middle = Math.floor((start + y - 1) / 2)
    // The longest run of bar colours on the middle row: the card's border has
    // a colour close to the track's, but it is a single pixel on each side.
    let left = 0
    let right = 0
    for (let x = 0; x < width;) {
      if (!isBar(shot.at(x, middle))) {
        x++
        continue
      }
      const from = x
      while (x < width && isBar(shot.at(x, middle))) x++
      if (x - from > right - left) [left, right] = [from, x]
    }
    let filled = 0
    for (let x = left; x < right; x++) if (near(shot.at(x, middle), fill)) filled = x + 1 - left
    found.push({ middle, left, right, filled })
  }
  return found
}

// The seed's categories, and the fraction each bar must show.
const seed = [
  { name: 'Technical Goals', done: 5, total: 16 },
  { name: 'Job Goals', done: 8, total: 20 },
  { name: 'Entrepreneurship Goals', done: 0, total: 5 },
  { name: 'Product Goals', done: 2, total: 7 },
  { name: 'People/Leadership Goals', done: 5, total: 7 },
  { name: 'Communication / Community Goals', done: 3, total: 11 },
  { name: 'Work Environment Goals', done: 4, total: 8 }
]
const seedPercents = [31, 40, 0, 28, 71, 27, 50, 36]
const seedFractions = [5 / 16, 8 / 20, 0, 2 / 7, 5 / 7, 3 / 11, 4 / 8, 27 / 74]

/** No pixel of the columns [from, to) on the rows of a bar's text line differs from the background. */
function blank(shot: Shot, bar: Bar, from: number, to: number, background: Rgb): boolean {
  for (let y = bar.middle - 8; y <= bar.middle + 5; y++)
    for (let x = from; x < to; x++) if (!near(shot.at(x, y), background, 30)) return false
  return true
}

describe.skipIf(!chromium)('in headless Chromium', () => {
  for (const theme of themes) {
    describe(`${theme.name} theme`, () => {
      const shot = chromium ? screenshot(renderCard(cardOf(seed)), theme.dark) : undefined

      it('draws seven category bars and the total, each filled to its fraction within 2 px', () => {
        const found = bars(shot!, theme.track, theme.fill)
        expect(found).toHaveLength(8)
        found.forEach((bar, i) => {
          const length = bar.right - bar.left
          expect(Math.abs(length - 200)).toBeLessThanOrEqual(1)
          expect(Math.abs(bar.filled - length * seedFractions[i]!)).toBeLessThanOrEqual(2)
          expect(
            Math.abs(Math.round((bar.filled * 100) / length) - seedPercents[i]!)
          ).toBeLessThanOrEqual(1)
        })
      })

      it('paints the background of its scheme', () => {
        const background = shot!.at(Math.floor(shot!.png.width / 2), 4)
        if (theme.dark) expect(luminance(background)).toBeLessThan(40)
        else expect(luminance(background)).toBeGreaterThan(230)
      })

      it('keeps long names and large counts inside their columns', () => {
        const long = renderCard(
          cardOf([
            { name: 'W'.repeat(80), done: 12345, total: 67890 },
            { name: 'Mmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmmm', done: 1, total: 3 }
          ])
        )
        const wide = screenshot(long, theme.dark)
        const background = wide.at(Math.floor(wide.png.width / 2), 4)
        const found = bars(wide, theme.track, theme.fill)
        expect(found).toHaveLength(3)
        for (const bar of found) {
          // Text somewhere left of the bar, nothing in the 11 px gap before it.
          expect(blank(wide, bar, 16, bar.left - 12, background)).toBe(false)
          expect(blank(wide, bar, bar.left - 11, bar.left, background)).toBe(true)
          // Nothing in the gap after the bar, the count somewhere right of it, nothing in the margin.
          expect(blank(wide, bar, bar.right, bar.right + 11, background)).toBe(true)
          expect(blank(wide, bar, bar.right + 11, wide.png.width - 16, background)).toBe(false)
          const cardWidth = Number(/width="(\d+)"/.exec(long)![1])
          expect(blank(wide, bar, cardWidth - 15, cardWidth - 3, background)).toBe(true)
        }
      })
    })
  }

  describe('the card a push run committed', () => {
    // Issue 10's acceptance: a seed-shaped file (seven categories with the seed's counts) pushed, and
    // the card taken from the commit the action made in the emulator.
    let card = ''
    beforeAll(async () => {
      const emu = await emulatorWith({ 'goals.md': '# Goals\n' })
      try {
        await push(emu, fixture('seven.md'))
        card = emu.file('main', '.github/badges/goals-card.svg') ?? ''
      } finally {
        await emu.close()
      }
    }, 60_000)

    for (const theme of themes) {
      it(`draws seven category bars at 31%, 40%, 0%, 28%, 71%, 27%, 50% and the total (${theme.name})`, () => {
        expect(card).toContain('<svg')
        const found = bars(screenshot(card, theme.dark), theme.track, theme.fill)
        expect(found).toHaveLength(8)
        found.forEach((bar, i) => {
          const length = bar.right - bar.left
          expect(Math.abs(bar.filled - length * seedFractions[i]!)).toBeLessThanOrEqual(2)
          expect(
            Math.abs(Math.round((bar.filled * 100) / length) - seedPercents[i]!)
          ).toBeLessThanOrEqual(1)
        })
      })
    }
  })

  it('draws the badge at the width its SVG declares, in its colours', () => {
    const svg = renderBadge(27, 74)
    const width = Number(/width="(\d+)"/.exec(svg)![1])
    const shot = screenshot(svg, false, [width + 40, 40])
    let right = 0
    for (let x = 0; x < shot.png.width; x++)
      if (!near(shot.at(x, 10), [255, 255, 255], 12)) right = x + 1
    expect(Math.abs(right - width)).toBeLessThanOrEqual(1)
    // badge-maker's label grey on the left, "yellow" (27/74 is 36%) on the right.
    expect(near(shot.at(3, 3), hex('#555555'), 40)).toBe(true)
    expect(near(shot.at(width - 3, 3), hex('#dfb317'), 40)).toBe(true)
  })
})
