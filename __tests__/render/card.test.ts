// The card's SVG text: bar lengths written out by hand from the fractions,
// text widths checked against anafanafo (the metrics badge-maker draws with).
import measure from 'anafanafo'
import { describe, expect, it } from 'vitest'
import { cardOf, fitText, renderCard, type CardCategory } from '../../src/render/card.ts'

const seed: CardCategory[] = [
  { name: 'Technical Goals', done: 5, total: 16 },
  { name: 'Job Goals', done: 8, total: 20 },
  { name: 'Entrepreneurship Goals', done: 0, total: 5 },
  { name: 'Product Goals', done: 2, total: 7 },
  { name: 'People/Leadership Goals', done: 5, total: 7 },
  { name: 'Communication / Community Goals', done: 3, total: 11 },
  { name: 'Work Environment Goals', done: 4, total: 8 }
]

const verdana = (text: string) => measure(text, { font: '11px Verdana' })

/** Every `<rect class="fi">` width, in document order. */
function fills(svg: string): number[] {
  return [...svg.matchAll(/<rect [^>]*width="([\d.]+)"[^>]*class="fi"/g)].map(m => Number(m[1]))
}

function texts(svg: string): { length: number; content: string }[] {
  return [...svg.matchAll(/<text [^>]*textLength="([\d.]+)"[^>]*>([^<]*)<\/text>/g)].map(m => ({
    length: Number(m[1]),
    content: m[2]!
  }))
}

describe('renderCard', () => {
  it('draws one filled bar per started category and the total, on a 200 px track', () => {
    const svg = renderCard(cardOf(seed))
    // 200 × 5/16, 8/20, (0/5 has no fill), 2/7, 5/7, 3/11, 4/8, then 27/74 for the total.
    expect(fills(svg)).toEqual([62.5, 80, 57.1, 142.9, 54.5, 100, 73])
    expect(svg.match(/class="tr"/g)).toHaveLength(8)
  })

  it('writes each category with its count and the total in the heading', () => {
    const svg = renderCard(cardOf(seed))
    const contents = texts(svg).map(t => t.content)
    expect(contents).toEqual([
      'Goals',
      '27/74 goals done, 36%',
      'Technical Goals',
      '5/16',
      'Job Goals',
      '8/20',
      'Entrepreneurship Goals',
      '0/5',
      'Product Goals',
      '2/7',
      'People/Leadership Goals',
      '5/7',
      'Communication / Community Goals',
      '3/11',
      'Work Environment Goals',
      '4/8',
      'Total',
      '27/74'
    ])
  })

  it('gives every text the width anafanafo measures for Verdana 11px', () => {
    for (const t of texts(renderCard(cardOf(seed)))) {
      expect(Math.abs(t.length - verdana(t.content))).toBeLessThan(0.006)
    }
  })

  it('cuts a long name with an ellipsis so that it fits the 200 px name column', () => {
    const name = 'A category whose name goes on far longer than any column could hold'
    const svg = renderCard(cardOf([{ name, done: 1, total: 2 }]))
    const drawn = texts(svg)[2]!
    expect(drawn.content.endsWith('…')).toBe(true)
    expect(name.startsWith(drawn.content.slice(0, -1))).toBe(true)
    expect(drawn.length).toBeLessThanOrEqual(200)
    // One more character would not have fitted.
    const longer = name.slice(0, drawn.content.length) + '…'
    expect(verdana(longer)).toBeGreaterThan(200)
    expect(svg).toContain(`<title>${name}: 1/2</title>`)
  })

  it('keeps a name that fits whole, and never splits a surrogate pair', () => {
    expect(fitText('Reading', 200)).toBe('Reading')
    const emoji = '🚀'.repeat(40)
    const cut = fitText(emoji, 200)
    expect(cut.endsWith('…')).toBe(true)
    expect(Array.from(cut.slice(0, -1)).every(c => c === '🚀')).toBe(true)
  })

  it('escapes names, so markup in a heading stays text', () => {
    const svg = renderCard(cardOf([{ name: 'R&D <script>"x"', done: 0, total: 1 }]))
    expect(svg).toContain('>R&amp;D &lt;script&gt;&quot;x&quot;</text>')
    expect(svg).not.toContain('<script>')
  })

  it('drops control characters, which XML cannot hold even escaped', () => {
    const svg = renderCard(cardOf([{ name: 'Bell\u0007 and\u001b escape', done: 0, total: 1 }]))
    expect(svg).toContain('>Bell and escape</text>')
    expect(Array.from(svg).filter(c => c < ' ' && c !== '\n')).toEqual([])
  })

  it('draws an empty category and an empty card without a fill and without dividing by zero', () => {
    const svg = renderCard(cardOf([{ name: 'Someday', done: 0, total: 0 }]))
    expect(fills(svg)).toEqual([])
    expect(svg).toContain('0/0 goals done, 0%')
    expect(svg).not.toContain('NaN')
    expect(renderCard({ sections: [] })).toContain('0/0 goals done, 0%')
  })

  it('grows 24 px per row and per section title', () => {
    const one = renderCard(cardOf(seed.slice(0, 1)))
    const two = renderCard({
      sections: [
        { title: 'goals/work.md', categories: seed.slice(0, 1) },
        { title: 'goals/life.md', categories: seed.slice(1, 3) }
      ]
    })
    expect(one).toMatch(/^<svg [^>]*width="520" height="94"/)
    // Two titles and two more rows: 4 × 24 px.
    expect(two).toMatch(/^<svg [^>]*width="520" height="190"/)
    expect(texts(two).map(t => t.content)).toContain('goals/life.md')
    expect(two).toContain('13/41 goals done, 31%')
  })

  it('widens the card for large counts instead of cutting them', () => {
    const svg = renderCard(cardOf([{ name: 'Reading', done: 123456, total: 7890123 }]))
    const count = texts(svg).find(t => t.content === '123456/7890123')!
    // 16 + 200 + 12 name column and gap, 200 bar, 12 gap, the count, 16 margin.
    const width = Math.ceil(440 + verdana('123456/7890123') + 16)
    expect(width).toBeGreaterThan(520)
    expect(svg).toMatch(new RegExp(`^<svg [^>]*width="${width}"`))
    expect(svg).toContain(`<text x="${width - 16}" y="52" class="mu" text-anchor="end"`)
    expect(count.length).toBeCloseTo(verdana('123456/7890123'), 2)
  })

  it('follows the viewer colour scheme with one media query', () => {
    const svg = renderCard(cardOf(seed))
    expect(svg.match(/@media \(prefers-color-scheme: dark\)/g)).toHaveLength(1)
  })

  it('is the same bytes for the same model', () => {
    const a = renderCard(cardOf(seed))
    const b = renderCard(cardOf(seed.map(c => ({ ...c }))))
    expect(b).toBe(a)
    expect(a.endsWith('</svg>\n')).toBe(true)
  })
})
