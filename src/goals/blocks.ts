// Recognisers for the CommonMark/GFM block starts that decide what a line is.
// Each takes the line and the index of its first non-blank character (after any
// container markers), and tests the cheapest thing first: most lines of a goals
// file are told apart by their first character alone.

/** A list marker: its text, where it ends, and whether anything follows it. */
export interface ListMarker {
  marker: string
  end: number
  ordered: boolean
  /** Ordered lists only: the start number (interrupting a paragraph needs 1). */
  start: number
  empty: boolean
}

export function listMarker(text: string, at: number): ListMarker | null {
  const c = text.charCodeAt(at)
  let end: number
  let ordered = false
  if (c === 45 /* - */ || c === 42 /* * */ || c === 43 /* + */) {
    end = at + 1
  } else if (c >= 48 && c <= 57) {
    end = at + 1
    while (end - at < 10 && isDigit(text.charCodeAt(end))) end++
    const d = text.charCodeAt(end)
    if (end - at > 9 || (d !== 46 /* . */ && d !== 41) /* ) */) return null
    end++
    ordered = true
  } else return null
  const after = text.charCodeAt(end)
  if (end < text.length && after !== 32 && after !== 9) return null
  return {
    marker: text.slice(at, end),
    end,
    ordered,
    start: ordered ? Number(text.slice(at, end - 1)) : 0,
    empty: isBlankFrom(text, end)
  }
}

/** `***`, `- - -`, `___`: three or more of one character, spaces allowed between. */
export function isThematicBreak(text: string, at: number): boolean {
  const c = text.charCodeAt(at)
  if (c !== 45 && c !== 42 && c !== 95 /* _ */) return false
  let count = 0
  for (let k = at; k < text.length; k++) {
    const d = text.charCodeAt(k)
    if (d === c) count++
    else if (d !== 32 && d !== 9) return false
  }
  return count >= 3
}

/** A setext underline: only `=` or only `-`, then spaces. */
export function setextLevel(text: string, at: number): 0 | 1 | 2 {
  const c = text.charCodeAt(at)
  if (c !== 61 /* = */ && c !== 45) return 0
  let k = at
  while (text.charCodeAt(k) === c) k++
  return isBlankFrom(text, k) ? (c === 61 ? 1 : 2) : 0
}

export interface FenceOpen {
  char: number
  length: number
}

export function fenceOpen(text: string, at: number): FenceOpen | null {
  const c = text.charCodeAt(at)
  if (c !== 96 /* ` */ && c !== 126 /* ~ */) return null
  let k = at
  while (text.charCodeAt(k) === c) k++
  if (k - at < 3) return null
  // A backtick fence's info string cannot hold a backtick (it would be inline code).
  if (c === 96 && text.indexOf('`', k) !== -1) return null
  return { char: c, length: k - at }
}

export function closesFence(text: string, at: number, fence: FenceOpen): boolean {
  let k = at
  while (text.charCodeAt(k) === fence.char) k++
  return k - at >= fence.length && isBlankFrom(text, k)
}

/** How an HTML block ends: a string on some line (kinds 1–5), or a blank line (6, 7). */
export type HtmlEnd = RegExp | 'blank'

const BLOCK_TAGS = new Set(
  (
    'address article aside base basefont blockquote body caption center col colgroup dd ' +
    'details dialog dir div dl dt fieldset figcaption figure footer form frame frameset ' +
    'h1 h2 h3 h4 h5 h6 head header hr html iframe legend li link main menu menuitem nav ' +
    'noframes ol optgroup option p param search section summary table tbody td tfoot th ' +
    'thead title tr track ul'
  ).split(' ')
)
const RAW_OPEN = /^<(script|pre|style|textarea)(?=[\s>]|$)/i
const RAW_CLOSE = /<\/(script|pre|style|textarea)>/i
const ATTRIBUTE = `(?:\\s+[a-zA-Z_:][a-zA-Z0-9_.:-]*(?:\\s*=\\s*(?:[^"'=<>\`\\x00-\\x20]+|'[^']*'|"[^"]*"))?)`
const WHOLE_TAG = new RegExp(
  `^(?:<[A-Za-z][A-Za-z0-9-]*${ATTRIBUTE}*\\s*/?>|</[A-Za-z][A-Za-z0-9-]*\\s*>)[ \\t]*$`
)

/**
 * The end condition of an HTML block starting here, or null. `interrupting`:
 * the line follows paragraph text, which only kinds 1–6 may interrupt.
 */
export function htmlBlockStart(text: string, at: number, interrupting: boolean): HtmlEnd | null {
  if (text.charCodeAt(at) !== 60 /* < */) return null
  const rest = at === 0 ? text : text.slice(at)
  if (RAW_OPEN.test(rest)) return RAW_CLOSE
  if (rest.startsWith('<!--')) return /-->/
  if (rest.startsWith('<?')) return /\?>/
  if (rest.startsWith('<![CDATA[')) return /\]\]>/
  if (/^<![A-Za-z]/.test(rest)) return />/
  const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)(?=[\s/>]|$)/.exec(rest)
  if (name && BLOCK_TAGS.has((name[1] as string).toLowerCase())) {
    const after = rest.charCodeAt(name[0].length)
    if (after !== 47 /* / */ || rest.charCodeAt(name[0].length + 1) === 62) return 'blank'
  }
  if (!interrupting && WHOLE_TAG.test(rest)) return 'blank'
  return null
}

/** Cells of a table row, as GFM counts them (outer pipes optional, `\|` is text). */
export function tableCells(row: string): number {
  let cells = 1
  for (let k = 0; k < row.length; k++) {
    const c = row.charCodeAt(k)
    if (c === 92 /* \ */) k++
    else if (c === 124 /* | */) cells++
  }
  const t = row.trim()
  if (t.startsWith('|')) cells--
  if (t.length > 1 && t.endsWith('|') && !t.endsWith('\\|')) cells--
  return cells
}

/** A delimiter row (`| --- | :-: |`): its column count, or 0. */
export function delimiterColumns(text: string, at: number): number {
  const t = text.slice(at).trim()
  if (!/^[|:-]/.test(t) || /^-[ \t]/.test(t) || !/^[|:\- \t]+$/.test(t)) return 0
  const parts = t.split('|')
  let columns = 0
  for (let i = 0; i < parts.length; i++) {
    const p = (parts[i] as string).trim()
    if (p === '') {
      if (i === 0 || i === parts.length - 1) continue
      return 0
    }
    if (!/^:?-+:?$/.test(p)) return 0
    columns++
  }
  return columns
}

export function isBlankFrom(text: string, at: number): boolean {
  for (let k = at; k < text.length; k++) {
    const c = text.charCodeAt(k)
    if (c !== 32 && c !== 9) return false
  }
  return true
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}
