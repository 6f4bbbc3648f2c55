// Parses a goals file into the model, in one pass over its lines, following
// CommonMark/GFM block structure exactly as far as it decides what is a goal, a
// heading or a counter: container blocks (list items, block quotes, laziness),
// fences, indented code, HTML blocks, tables, setext headings, front matter.
// Deliberate departures (README, "Decisions"): every paragraph line that starts
// with a box is a goal, bare or not; task items inside block quotes are not goals;
// only top-level ATX headings are categories.
import {
  closesFence,
  delimiterColumns,
  fenceOpen,
  htmlBlockStart,
  isThematicBreak,
  listMarker,
  setextLevel,
  tableCells,
  type FenceOpen,
  type HtmlEnd
} from './blocks.ts'
import { atxLevel, ownLineCounter, parseHeading } from './heading.ts'
import type { Category, Goal, GoalsDoc, Heading, ParseOptions, Warning } from './model.ts'

interface Container {
  quote: boolean
  /** List items: the column their content starts at. */
  col: number
  /** List items: the goal on the item's first line, or -1. */
  goal: number
  /** List items opened on an empty line, with no content yet. */
  empty: boolean
}

const NONE = 0
const PARAGRAPH = 1
const FENCE = 2
const HTML = 3
const CODE = 4
const TABLE = 5
/** Counting: how many final goals (streaming, and warnings) are held before they are let go. */
const SETTLE_BATCH = 256

export function parseGoals(source: string, options: ParseOptions = {}): GoalsDoc {
  return readText(source, reader(options, true, null))
}

/**
 * The document as `parseGoals` reads it, without the goals: `goals` and each
 * category's `goals` are empty; counts, headings, counters and warnings are the
 * same. What `check` needs, in a fraction of the memory on a large file.
 */
export function countGoals(source: string, options: ParseOptions = {}): GoalsDoc {
  return readText(source, reader(options, false, null))
}

/**
 * Counts, headings and counters as `parseGoals` reads them, and nothing per goal:
 * no goals, no parents, no duplicate-goal warnings (other warnings are kept).
 * What rewriting counters needs, without building an object or cutting a title
 * for every goal.
 */
export function tallyGoals(source: string, options: ParseOptions = {}): GoalsDoc {
  return readText(source, reader(options, false, null, false, true))
}

/** Takes goals and warnings, in file order, once nothing later in the file can take them back. */
export type Settled = (goals: readonly Goal[], warnings: readonly Warning[]) => void

/** A reader fed one line at a time (without its ending; the BOM already gone). */
export interface GoalsReader {
  line: (text: string) => void
  end: () => GoalsDoc
}

/**
 * `countGoals` fed line by line, handing goals and warnings to `settled` as they
 * become final instead of keeping them: the document it ends with has neither.
 * Without `duplicates`, titles are not remembered: no duplicate-goal warnings,
 * every `occurrence` 0, and no memory growing with the number of titles (for a
 * second read that only needs the goals again).
 */
export function streamGoals(
  settled: Settled,
  options: ParseOptions = {},
  duplicates = true
): GoalsReader {
  return reader(options, false, settled, duplicates)
}

function readText(source: string, into: GoalsReader): GoalsDoc {
  const lines = new LineReader(source)
  for (let text = lines.next(); text !== null; text = lines.next()) into.line(text)
  return into.end()
}

function reader(
  options: ParseOptions,
  keep: boolean,
  settled: Settled | null,
  duplicates = true,
  tally = false
): GoalsReader {
  const categoryLevel = options.categoryLevel ?? 2
  const goals: Goal[] = []
  const categories: Category[] = []
  const titles: Heading[] = []
  const warnings: Warning[] = []
  /** Per category name, how often each title was seen (duplicates are told apart by order). */
  const seen = new Map<string | null, Map<string, number>>()
  let occurrences = new Map<string, number>()
  seen.set(null, occurrences)

  let current: Category | null = null
  let awaitingCounter = null as Heading | null
  const containers: Container[] = []
  let leaf = NONE
  let fence: FenceOpen | null = null
  let htmlEnd: HtmlEnd = 'blank'
  /** The open paragraph: its first line, its last line's cells. */
  let paragraphLine = 0
  let lastCells = 0
  let done = 0
  /** Goals no longer held (counting only): only the open paragraph's may still be taken back. */
  let dropped = 0
  /** Tallying: the goals held, each as `line * 2 + checked`, in `tallied[0, held)`. */
  const tallied: number[] = []
  let held = 0
  const heldCount = () => (tally ? held : goals.length)

  const closeLeaf = () => {
    leaf = NONE
  }
  /** A setext underline or a table's delimiter row turns paragraph lines from `fromLine` on into something else. */
  const retract = (fromLine: number) => {
    // Goals are held in line order, so those of the paragraph are the last ones, all
    // in the current category. Only one list holds any: `held` stays 0 unless
    // tallying (and `tallied[-1]` is undefined, never >=), `goals` stays empty if so.
    while ((tallied[held - 1] as number) >= fromLine * 2) {
      const checked = (tallied[--held] as number) % 2
      done -= checked
      if (current) {
        current.total--
        current.done -= checked
      }
    }
    while (goals.length > 0 && (goals.at(-1) as Goal).line >= fromLine) {
      const g = goals.pop() as Goal
      if (g.checked) done--
      if (current) {
        current.goals.pop() // empty unless keeping goals
        current.total--
        if (g.checked) current.done--
      }
      if (duplicates) occurrences.set(g.title, g.occurrence)
    }
    for (const c of containers) if (c.goal >= dropped + heldCount()) c.goal = -1
    for (let w = warnings.length - 1; w >= 0 && (warnings[w] as Warning).line > fromLine; w--) {
      warnings.pop()
    }
  }

  /** The first non-blank character from `from` on, and its column (tabs stop every 4). */
  let ns = 0
  let nsCol = 0
  const skipBlanks = (text: string, from: number, fromCol: number) => {
    ns = from
    nsCol = fromCol
    for (;;) {
      const ch = text.charCodeAt(ns) // NaN past the end: no blank
      if (ch === 32) nsCol++
      else if (ch === 9) nsCol += 4 - (nsCol % 4)
      else break
      ns++
    }
  }

  /** Lines held while a first `---` may open front matter: it does only if a closing line follows. */
  let front: string[] | null = null
  let count = 0
  let i = -1

  const line = (text: string): void => {
    count++
    if (front !== null) {
      front.push(text)
      if (/^(---|\.\.\.)[ \t]*$/.test(text)) {
        i += front.length
        front = null
      }
    } else if (count === 1 && /^---[ \t]*$/.test(text)) front = [text]
    else blockLine(text)
  }

  const blockLine = (text: string): void => {
    i++
    // 1. Which open containers does this line continue?
    let pos = 0
    let realCol = 0
    let col = 0
    let matched = 0
    for (; matched < containers.length; matched++) {
      const c = containers[matched] as Container
      skipBlanks(text, pos, realCol)
      if (c.quote) {
        if (nsCol - col > 3 || text.charCodeAt(ns) !== 62) break
        pos = ns + 1
        realCol = nsCol + 1
        col = realCol
        const after = text.charCodeAt(pos)
        if (after === 32) {
          pos++
          realCol++
          col++
        } else if (after === 9) col++
      } else if (ns === text.length) {
        if (c.empty) break
      } else if (nsCol >= c.col) {
        col = c.col
      } else break
    }
    skipBlanks(text, pos, realCol)
    const allMatched = matched === containers.length

    // 2. Inside a fence or an HTML block, only its end matters.
    if (allMatched && leaf === FENCE) {
      if (nsCol - col <= 3 && closesFence(text, ns, fence as FenceOpen)) leaf = NONE
      return
    }
    if (allMatched && leaf === HTML) {
      if (htmlEnd === 'blank') {
        if (ns === text.length) leaf = NONE
      } else if (htmlEnd.test(text.slice(ns))) leaf = NONE
      return
    }

    // 3. A paragraph goes on lazily where no new block starts.
    if (!allMatched && leaf === PARAGRAPH && ns < text.length && isLazy(text, ns, nsCol - col)) {
      addParagraphLine(text, ns, i, '', ns)
      return
    }
    if (!allMatched) {
      // A leaf block always sits in the innermost container: it ends with it.
      closeLeaf()
      containers.length = matched
    }

    // 4. New containers: block quotes and list items.
    let opened = false
    let marker = ''
    let markerAt = 0
    let ownItem: Container | null = null
    for (;;) {
      if (ns === text.length || nsCol - col >= 4) break
      const ch = text.charCodeAt(ns)
      if (ch === 62 /* > */) {
        containers.push({ quote: true, col: 0, goal: -1, empty: false })
        pos = ns + 1
        realCol = nsCol + 1
        col = realCol
        const after = text.charCodeAt(pos)
        if (after === 32) {
          pos++
          realCol++
          col++
        } else if (after === 9) col++
      } else {
        if (isThematicBreak(text, ns)) break
        const m = listMarker(text, ns)
        if (!m) break
        const interrupting = leaf === PARAGRAPH && !opened
        if (interrupting && (m.empty || (m.ordered && m.start !== 1))) break
        const markerEnd = nsCol + (m.end - ns)
        markerAt = ns
        skipBlanks(text, m.end, markerEnd)
        const cs = ns
        const csCol = nsCol
        const content = cs === text.length || csCol - markerEnd > 4 ? markerEnd + 1 : csCol
        // Empty until a line with content: this one, unless it is blank after the marker.
        ownItem = { quote: false, col: content, goal: -1, empty: true }
        containers.push(ownItem)
        marker = m.marker
        pos = m.end
        realCol = markerEnd
        col = content
      }
      opened = true
      skipBlanks(text, pos, realCol)
    }
    if (opened) {
      closeLeaf()
      // `>` or `-` alone is not a blank line: a counter can no longer follow.
      awaitingCounter = null
    }
    const indent = nsCol - col

    // 5. The leaf block this line belongs to.
    if (ns === text.length) {
      // Ends a paragraph or a table; indented code goes on if indented code follows.
      closeLeaf()
      return
    }
    for (const c of containers) c.empty = false
    if (awaitingCounter) {
      // The first non-blank line after the heading, at the top level (a line that
      // opened a container cleared it): the heading's counter if it is only that.
      const heading = awaitingCounter
      awaitingCounter = null
      const counter = indent < 4 ? ownLineCounter(text, i) : null
      if (counter) {
        heading.counter = counter
        startParagraph(i)
        lastCells = 0
        return
      }
    }
    // From here the leaf is a paragraph, a table, indented code or none (fences and
    // HTML blocks returned above or ended with their container), and every way on
    // sets it anew: indented code ends at any line not indented as code.
    if (indent >= 4) {
      if (leaf === PARAGRAPH) addParagraphLine(text, ns, i, '', ns)
      else leaf = CODE
      return
    }
    if (leaf === PARAGRAPH) {
      const setext = setextLevel(text, ns)
      if (setext !== 0) {
        retract(paragraphLine)
        closeLeaf()
        return
      }
      if (lastCells > 0 && delimiterColumns(text, ns) === lastCells) {
        retract(i - 1)
        leaf = TABLE
        return
      }
    }
    const ch = text.charCodeAt(ns)
    if (leaf === TABLE && !startsBlock(text, ns, ch)) return
    if (ch === 96 || ch === 126) {
      const open = fenceOpen(text, ns)
      if (open) {
        fence = open
        leaf = FENCE
        return
      }
    } else if (ch === 60) {
      const end = htmlBlockStart(text, ns, leaf === PARAGRAPH)
      if (end) {
        htmlEnd = end
        // The end may overlap the start (`<?>`, `<!-->`): look from the `<` on.
        leaf = end !== 'blank' && end.test(text.slice(ns)) ? NONE : HTML
        return
      }
    } else if (ch === 35) {
      const level = atxLevel(text, ns)
      if (level > 0) {
        closeLeaf()
        if (containers.length === 0) heading(text, ns, i, level)
        return
      }
    } else if ((ch === 45 || ch === 42 || ch === 95) && isThematicBreak(text, ns)) {
      closeLeaf()
      return
    }
    if (leaf !== PARAGRAPH) startParagraph(i)
    // Cells of the row as a table's header would have them (after the container markers).
    lastCells = text.includes('|') ? tableCells(text.slice(ns)) : 0
    addParagraphLine(text, ns, i, marker, markerAt, ownItem)
  }

  function startParagraph(line: number): void {
    leaf = PARAGRAPH
    if (!keep && heldCount() + (settled ? warnings.length : 0) >= SETTLE_BATCH) settle()
    paragraphLine = line
  }

  function heading(text: string, at: number, line: number, level: number): void {
    // Deeper headings stay inside the category and have no counter to keep.
    if (level > categoryLevel) return
    const h = parseHeading(text, at, line, level)
    if (settled) h.name = own(h.name)
    if (level === categoryLevel) {
      if (h.name === '') warnings.push({ line: line + 1, message: 'category heading has no name' })
      const known = seen.get(h.name)
      if (known) {
        warnings.push({
          line: line + 1,
          message: `category "${h.name}" appears more than once; its goals share one label`
        })
        occurrences = known
      } else {
        occurrences = new Map()
        seen.set(h.name, occurrences)
      }
      current = { name: h.name, heading: h, goals: [], done: 0, total: 0 }
      categories.push(current)
    } else {
      current = null
      occurrences = seen.get(null) as Map<string, number>
      if (level === 1) titles.push(h)
    }
    // Only a category's or the title's is kept; others are read and let go.
    if (!h.counter) awaitingCounter = h
  }

  /** A paragraph line: a goal when it starts with a box (outside block quotes). */
  function addParagraphLine(
    text: string,
    at: number,
    line: number,
    marker: string,
    markerAt: number,
    ownItem: Container | null = null
  ): void {
    if (text.charCodeAt(at) !== 91 /* [ */ || text.charCodeAt(at + 2) !== 93 /* ] */) return
    const box = text.charCodeAt(at + 1)
    if (box !== 32 && box !== 120 /* x */ && box !== 88 /* X */) return
    const after = text.charCodeAt(at + 3)
    if (at + 3 < text.length && after !== 32 && after !== 9) return
    for (const c of containers) if (c.quote) return
    let titleStart = at + 3
    while (isSpace(text.charCodeAt(titleStart))) titleStart++
    if (tally) {
      if (titleStart === text.length) {
        warnings.push({ line: line + 1, message: 'task item has no text; it is not a goal' })
        return
      }
      const checked = box === 32 ? 0 : 1
      tallied[held++] = line * 2 + checked
      done += checked
      if (current) {
        current.total++
        current.done += checked
      }
      return
    }
    let titleEnd = text.length
    while (titleEnd > titleStart && isSpace(text.charCodeAt(titleEnd - 1))) titleEnd--
    if (titleStart === titleEnd) {
      warnings.push({ line: line + 1, message: 'task item has no text; it is not a goal' })
      return
    }
    const title = text.slice(titleStart, titleEnd)
    const before = occurrences.get(title) // always undefined without duplicates
    const occurrence = before ?? 0
    if (duplicates)
      occurrences.set(before === undefined && settled ? own(title) : title, occurrence + 1)
    const category = current ? current.name : null
    if (occurrence > 0) warnings.push(new DuplicateGoal(line + 1, title, category))
    // The nearest item holding a goal (an item opened on this line holds none yet).
    let parent: number | null = null
    for (let k = containers.length - 1; k >= 0; k--) {
      const c = containers[k] as Container
      if (c.goal >= 0) {
        parent = c.goal
        break
      }
    }
    const checked = box !== 32
    const index = dropped + goals.length
    goals.push({
      line,
      indent: text.slice(0, marker === '' ? at : markerAt),
      marker,
      box: checked ? (box === 88 ? 'X' : 'x') : ' ',
      checked,
      boxAt: at + 1,
      title,
      titleStart,
      titleEnd,
      category,
      parent,
      occurrence
    })
    if (ownItem) ownItem.goal = index
    if (checked) done++
    if (current) {
      if (keep) current.goals.push(index)
      current.total++
      if (checked) current.done++
    }
  }

  /**
   * Counting: goals (and, streaming, warnings) before a new paragraph are final.
   * They are let go in batches: emptying the list at every paragraph would
   * reallocate it for nearly every goal.
   */
  function settle(): void {
    if (settled) {
      settled(goals, warnings)
      warnings.length = 0
    }
    dropped += heldCount()
    goals.length = 0
    held = 0
  }

  const end = (): GoalsDoc => {
    if (front !== null) {
      // No closing line: the first `---` was a thematic break after all.
      const held = front
      front = null
      for (const text of held) blockLine(text)
    }
    if (!keep) settle()
    return {
      categories,
      goals,
      titles,
      done,
      total: dropped + heldCount(),
      warnings,
      lineCount: count
    }
  }
  return { line, end }
}

/**
 * Large files can hold many duplicate titles: the message of each is written
 * only when read, so a warning costs a few words until it is shown.
 */
class DuplicateGoal implements Warning {
  readonly line: number
  private readonly title: string
  private readonly category: string | null
  constructor(line: number, title: string, category: string | null) {
    this.line = line
    this.title = title
    this.category = category
  }

  get message(): string {
    const where = this.category === null ? '' : ` in "${this.category}"`
    return `duplicate goal "${this.title}"${where}: told apart by order`
  }
}

/** After containers that did not continue: does this line go on with the paragraph? */
function isLazy(text: string, at: number, indent: number): boolean {
  if (indent >= 4) return true
  const ch = text.charCodeAt(at)
  return !startsBlock(text, at, ch)
}

/** Lines that start a block (list items too) wherever they appear: no lazy line, and the end of a table. */
function startsBlock(text: string, at: number, ch: number): boolean {
  switch (ch) {
    case 62:
      return true
    case 35:
      return atxLevel(text, at) > 0
    case 96:
    case 126:
      return fenceOpen(text, at) !== null
    case 60:
      return htmlBlockStart(text, at, true) !== null
    case 45:
    case 42:
    case 43:
    case 95:
      return isThematicBreak(text, at) || listMarker(text, at) !== null
    default:
      return listMarker(text, at) !== null
  }
}

/**
 * A copy of a string that holds none of the text it was cut from. Streaming, a
 * line is a slice of a whole decoded piece, and a title kept for finding
 * duplicates would keep that piece, and in the end the whole file, alive.
 */
function own(text: string): string {
  return Buffer.from(text).toString()
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9
}

/**
 * The lines of a text without their endings ('\n', '\r\n' or '\r'), one at a
 * time, so a large file is never held twice as an array of lines.
 */
class LineReader {
  private readonly source: string
  private at: number
  private nextLf = -1
  private nextCr = -1
  constructor(source: string) {
    this.source = source
    this.at = source.charCodeAt(0) === 0xfeff ? 1 : 0
  }

  next(): string | null {
    const { source, at } = this
    if (at >= source.length) return null
    if (this.nextLf < at) {
      this.nextLf = source.indexOf('\n', at)
      if (this.nextLf === -1) this.nextLf = Infinity
    }
    if (this.nextCr < at) {
      this.nextCr = source.indexOf('\r', at)
      if (this.nextCr === -1) this.nextCr = Infinity
    }
    const end = Math.min(this.nextLf, this.nextCr, source.length)
    if (end === this.nextCr && source.charCodeAt(end + 1) === 10) this.at = end + 2
    else this.at = end + 1
    return source.slice(at, end)
  }
}
