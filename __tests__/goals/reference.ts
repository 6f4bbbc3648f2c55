// The reference reading of a goals file: markdown-it, a CommonMark parser that
// shares no code with ours, with GFM's task-list rule and the product's
// documented departures applied to its tokens (README, "Decisions").
import MarkdownIt from 'markdown-it'

const markdown = new MarkdownIt({ html: true })
const BOX = /^[ \t]*\[([ xX])\](?:[ \t]+\S|$)/

export interface Reference {
  /** 0-based lines of goals, with their box. */
  goals: Map<number, boolean>
  /** 0-based lines of top-level ATX headings, with their level. */
  headings: Map<number, number>
}

export function referenceRead(source: string): Reference {
  // Front matter is not Markdown to markdown-it: blank it out, keeping the line count.
  const lines = source.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)
  if (lines[0] === '---') {
    const close = lines.findIndex((l, k) => k > 0 && /^(---|\.\.\.)[ \t]*$/.test(l))
    if (close > 0) for (let k = 0; k <= close; k++) lines[k] = ''
  }
  const tokens = markdown.parse(lines.join('\n'), {})
  const goals = new Map<number, boolean>()
  const headings = new Map<number, number>()
  let quotes = 0
  tokens.forEach((token, k) => {
    if (token.type === 'blockquote_open') quotes++
    if (token.type === 'blockquote_close') quotes--
    const map = token.map
    if (token.type === 'heading_open' && token.level === 0 && token.markup.startsWith('#') && map) {
      headings.set(map[0], Number(token.tag.slice(1)))
    }
    if (quotes > 0 || token.type !== 'paragraph_open' || !map) return
    // A task item's box starts its first paragraph (GFM); departure: every line of
    // any paragraph that starts with a box is a goal too, so both read the same here.
    const inline = tokens[k + 1]
    if (inline?.type !== 'inline') return
    inline.content.split('\n').forEach((line, n) => {
      const m = BOX.exec(line)
      if (m && line.trim().slice(3).trim() !== '') goals.set(map[0] + n, m[1] !== ' ')
    })
  })
  return { goals, headings }
}
