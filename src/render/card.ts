// The progress card: one SVG with a bar per category and the total, meant for a
// README. Text widths come from anafanafo, the Verdana metrics badge-maker uses,
// and every text carries textLength, so a viewer without Verdana still draws
// each text in exactly the measured width and nothing overflows its column.
import measure from 'anafanafo'
import { percentOf } from './badge.ts'

export interface CardCategory {
  name: string
  done: number
  total: number
}

/** A block of rows; `title` names it when a card shows several goals files. */
export interface CardSection {
  title: string | null
  categories: CardCategory[]
}

export interface CardModel {
  sections: CardSection[]
}

const FONT = '11px Verdana'
const FONT_FAMILY = 'Verdana,Geneva,DejaVu Sans,sans-serif'
const PAD = 16
const ROW = 24
const NAME_WIDTH = 200
const GAP = 12
const BAR_X = PAD + NAME_WIDTH + GAP
const BAR_WIDTH = 200
const BAR_HEIGHT = 8
const COUNT_X = BAR_X + BAR_WIDTH + GAP
/** Room for counts up to about 9999/9999; larger counts widen the card instead of being cut. */
const MIN_COUNT_WIDTH = 64
const ELLIPSIS = '…'

/** Both of GitHub's themes: the card follows the viewer's colour scheme. */
const STYLE = [
  '.bg{fill:#ffffff;stroke:#d0d7de}',
  '.tx{fill:#1f2328}',
  '.mu{fill:#59636e}',
  '.tr{fill:#d8dee4}',
  '.fi{fill:#1f883d}',
  '.ln{stroke:#d0d7de}',
  '@media (prefers-color-scheme: dark){',
  '.bg{fill:#0d1117;stroke:#3d444d}',
  '.tx{fill:#f0f6fc}',
  '.mu{fill:#9198a1}',
  '.tr{fill:#262c36}',
  '.fi{fill:#2ea043}',
  '.ln{stroke:#3d444d}',
  '}'
].join('')

export function textWidth(text: string): number {
  return measure(text, { font: FONT })
}

/** The longest prefix of `text` that fits `width` with an ellipsis, or `text` when it fits whole. */
export function fitText(text: string, width: number): string {
  if (textWidth(text) <= width) return text
  const chars = Array.from(text)
  let keep = chars.length
  while (keep > 0 && textWidth(chars.slice(0, keep).join('').trimEnd() + ELLIPSIS) > width) keep--
  return chars.slice(0, keep).join('').trimEnd() + ELLIPSIS
}

/** Filled length of a bar, to a tenth of a pixel so the output stays short and stable. */
export function filledWidth(done: number, total: number, width: number): number {
  if (total <= 0) return 0
  return Math.round((Math.min(done, total) / total) * width * 10) / 10
}

// Control characters are not allowed in XML at all, even escaped: one in a
// heading would make the whole image fail to load.
function escapeXml(text: string): string {
  return (
    text
      // eslint-disable-next-line no-control-regex -- matching them is the point
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '')
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
  )
}

function text(x: number, y: number, content: string, cls: string, anchorEnd = false): string {
  const anchor = anchorEnd ? ' text-anchor="end"' : ''
  const length = Math.round(textWidth(content) * 100) / 100
  return `<text x="${x}" y="${y}" class="${cls}"${anchor} textLength="${length}" lengthAdjust="spacingAndGlyphs">${escapeXml(content)}</text>`
}

function barRow(y: number, right: number, name: string, done: number, total: number): string[] {
  const barY = y - BAR_HEIGHT + 1
  const filled = filledWidth(done, total, BAR_WIDTH)
  const parts = [
    `<title>${escapeXml(`${name}: ${done}/${total}`)}</title>`,
    text(PAD, y, fitText(name, NAME_WIDTH), 'tx'),
    `<rect x="${BAR_X}" y="${barY}" width="${BAR_WIDTH}" height="${BAR_HEIGHT}" rx="${BAR_HEIGHT / 2}" class="tr"/>`
  ]
  if (filled > 0) {
    parts.push(
      `<rect x="${BAR_X}" y="${barY}" width="${filled}" height="${BAR_HEIGHT}" rx="${Math.min(BAR_HEIGHT / 2, filled / 2)}" class="fi"/>`
    )
  }
  parts.push(text(right, y, `${done}/${total}`, 'mu', true))
  return [`<g>`, ...parts, `</g>`]
}

/** The card's SVG text for a model; the same model always gives the same bytes. */
export function renderCard(model: CardModel): string {
  const categories = model.sections.flatMap(s => s.categories)
  const done = categories.reduce((sum, c) => sum + c.done, 0)
  const total = categories.reduce((sum, c) => sum + c.total, 0)
  const counts = [...categories, { done, total }].map(c => textWidth(`${c.done}/${c.total}`))
  const width = Math.ceil(COUNT_X + Math.max(MIN_COUNT_WIDTH, ...counts) + PAD)
  const right = width - PAD
  const summary = `${done}/${total} goals done, ${percentOf(done, total)}%`
  let y = PAD + 12
  const body = [
    text(PAD, y, 'Goals', 'tx').replace('<text ', '<text font-weight="bold" '),
    text(right, y, summary, 'mu', true)
  ]
  y += ROW
  for (const section of model.sections) {
    if (section.title !== null) {
      body.push(text(PAD, y, fitText(section.title, width - 2 * PAD), 'mu'))
      y += ROW
    }
    for (const c of section.categories) {
      body.push(...barRow(y, right, c.name, c.done, c.total))
      y += ROW
    }
  }
  const lineY = y - ROW / 2 - 2
  body.push(`<line x1="${PAD}" y1="${lineY}" x2="${right}" y2="${lineY}" class="ln"/>`)
  y += 2
  body.push(...barRow(y, right, 'Total', done, total))
  const height = y + PAD
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeXml(`goals: ${summary}`)}">`,
    `<title>${escapeXml(`goals: ${summary}`)}</title>`,
    `<style>${STYLE}</style>`,
    `<rect x="0.5" y="0.5" width="${width - 1}" height="${height - 1}" rx="6" class="bg"/>`,
    `<g font-family="${FONT_FAMILY}" font-size="11">`,
    ...body,
    `</g>`,
    `</svg>`,
    ''
  ].join('\n')
}

/** The card of one goals file: its categories, in file order. */
export function cardOf(categories: CardCategory[]): CardModel {
  return { sections: [{ title: null, categories }] }
}

/** Goals before the first category heading get a row of their own, named as `list` names them. */
export const UNCATEGORISED = '(no category)'
