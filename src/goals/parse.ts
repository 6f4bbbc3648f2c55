// Parses a goals file into the model. Line-oriented on purpose: it only needs to
// know which lines are headings, counters and task items, and skipping what
// CommonMark says is not prose (fences, HTML comments, front matter) is enough
// for that — a full Markdown tree would cost far more and give back nothing.
import { splitLines } from './lines.ts'
import type { Category, Counter, Goal, GoalsDoc, Heading, ParseOptions, Warning } from './model.ts'

const ATX = /^ {0,3}(#{1,6})(?=[ \t]|$)/
const FENCE_OPEN = /^([ \t]*)(`{3,}|~{3,})(.*)$/
const LONE_COUNTER = /^[ \t]*\[(\d+)\/(\d+)\][ \t]*$/
const TRAILING_COUNTER = /(^|[ \t])\[(\d+)\/(\d+)\]$/
const TASK = /^([ \t]*)(?:([-*+]|\d{1,9}[.)])[ \t]+)?\[([ xX])\](?=[ \t]|$)/
const LIST_ITEM = /^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t]|$)/
const THEMATIC_BREAK = /^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/

export function parseGoals(source: string, options: ParseOptions = {}): GoalsDoc {
  const categoryLevel = options.categoryLevel ?? 2
  const { lines } = splitLines(source)
  const texts = lines.map(l => l.text)
  const goals: Goal[] = []
  const categories: Category[] = []
  const titles: Heading[] = []
  const warnings: Warning[] = []
  const seenTitles = new Map<string, number>()
  const seenCategories = new Set<string>()

  let current: Category | null = null
  let awaitingCounter: Heading | null = null
  // A fence or comment opened inside a list item ends with that item, closed or
  // not (CommonMark): `within` is the item's content column, 0 at top level.
  let fence: { char: string; length: number; within: number } | null = null
  let comment: { within: number } | null = null
  /** Content columns of the list items still open. */
  const items: number[] = []
  /** The previous line was paragraph text, which an unindented line may continue. */
  let paragraph = false
  let nesting: { width: number; goal: number }[] = []

  let i = frontMatterEnd(texts)
  for (; i < texts.length; i++) {
    const text = texts[i] as string
    const block = fence ?? comment
    if (block && !endsItem(text, block.within)) {
      if (fence) {
        if (closesFence(text, fence)) fence = null
      } else if (text.includes('-->')) comment = null
      continue
    }
    fence = null
    comment = null
    const blank = text.trim() === ''
    if (awaitingCounter && !blank) {
      const heading = awaitingCounter
      awaitingCounter = null
      const m = LONE_COUNTER.exec(text)
      if (m) {
        const start = text.indexOf('[')
        heading.counter = counter(m[1], m[2], i, start, text.indexOf(']', start) + 1, true)
        paragraph = false
        continue
      }
    }
    if (blank) {
      paragraph = false
      continue
    }

    const width = indentWidth(text)
    const item = LIST_ITEM.exec(text)
    const lazy = paragraph && !item && !startsBlock(text)
    if (!lazy) while (items.length > 0 && (items.at(-1) as number) > width) items.pop()
    const within = items.at(-1) ?? 0
    paragraph = false
    const open = FENCE_OPEN.exec(text)
    if (open && !(open[2]?.startsWith('`') && open[3]?.includes('`'))) {
      fence = { char: (open[2] as string)[0] as string, length: (open[2] as string).length, within }
      continue
    }
    if (/^[ \t]*<!--/.test(text)) {
      // The block ends on the first line containing '-->', this one included:
      // '<!-->' and '<!--->' are whole comments.
      if (!text.slice(text.indexOf('<!--') + 2).includes('-->')) comment = { within }
      continue
    }
    if (item && !THEMATIC_BREAK.test(text)) items.push(contentColumn(text, item[0].length))

    const atx = ATX.exec(text)
    if (atx) {
      const heading = parseHeading(text, i, (atx[1] as string).length)
      nesting = []
      if (heading.level === categoryLevel) {
        if (heading.name === '') {
          warnings.push({ line: i + 1, message: 'category heading has no name' })
        }
        if (seenCategories.has(heading.name)) {
          warnings.push({
            line: i + 1,
            message: `category "${heading.name}" appears more than once; its goals share one label`
          })
        }
        seenCategories.add(heading.name)
        current = { name: heading.name, heading, goals: [], done: 0, total: 0 }
        categories.push(current)
      } else if (heading.level < categoryLevel) {
        current = null
        if (heading.level === 1) titles.push(heading)
      }
      if (!heading.counter && (heading.level === categoryLevel || heading.level === 1)) {
        awaitingCounter = heading
      }
      continue
    }

    paragraph = true
    const task = TASK.exec(text)
    if (!task) {
      while (nesting.length > 0 && (nesting.at(-1) as { width: number }).width >= width) {
        nesting.pop()
      }
      continue
    }
    const boxAt = task[0].length - 2
    const rest = text.slice(task[0].length)
    const title = rest.trim()
    if (title === '') {
      warnings.push({ line: i + 1, message: 'task item has no text; it is not a goal' })
      continue
    }
    const titleStart = task[0].length + (rest.length - rest.trimStart().length)
    while (nesting.length > 0 && (nesting.at(-1) as { width: number }).width >= width) {
      nesting.pop()
    }
    const category = current ? current.name : null
    const key = `${category ?? ''}\u0000${title}`
    const occurrence = seenTitles.get(key) ?? 0
    seenTitles.set(key, occurrence + 1)
    if (occurrence > 0) {
      warnings.push({
        line: i + 1,
        message: `duplicate goal "${title}"${category === null ? '' : ` in "${category}"`}: told apart by order`
      })
    }
    const box = task[3] as string
    const goal: Goal = {
      line: i,
      indent: task[1] as string,
      marker: task[2] ?? '',
      box,
      checked: box !== ' ',
      boxAt,
      title,
      titleStart,
      titleEnd: titleStart + title.length,
      category,
      parent: nesting.length > 0 ? (nesting.at(-1) as { goal: number }).goal : null,
      occurrence
    }
    const index = goals.push(goal) - 1
    nesting.push({ width, goal: index })
    if (current) {
      current.goals.push(index)
      current.total++
      if (goal.checked) current.done++
    }
  }

  const done = goals.filter(g => g.checked).length
  return { categories, goals, titles, done, total: goals.length, warnings, lineCount: texts.length }
}

function counter(
  done: string | undefined,
  total: string | undefined,
  line: number,
  start: number,
  end: number,
  ownLine: boolean
): Counter {
  return { done: Number(done), total: Number(total), line, start, end, ownLine }
}

function parseHeading(text: string, line: number, level: number): Heading {
  const afterHashes = text.indexOf('#') + level
  let end = text.trimEnd().length
  // An optional closing run of '#' is not part of the heading text.
  const closing = /(^|[ \t])#+$/.exec(text.slice(afterHashes, end))
  if (closing) end = afterHashes + closing.index + (closing[1] as string).length
  const content = text.slice(afterHashes, end)
  end = afterHashes + content.trimEnd().length
  const body = text.slice(afterHashes, end)
  const m = TRAILING_COUNTER.exec(body)
  if (m) {
    const start = afterHashes + m.index + (m[1] as string).length
    const name = text.slice(afterHashes, start).trim()
    return {
      line,
      level,
      name,
      counter: counter(m[2], m[3], line, start, end, false),
      insertAt: afterHashes + text.slice(afterHashes, start).trimEnd().length
    }
  }
  return { line, level, name: body.trim(), counter: null, insertAt: end }
}

function frontMatterEnd(texts: string[]): number {
  if (texts.length === 0 || !/^---[ \t]*$/.test(texts[0] as string)) return 0
  for (let i = 1; i < texts.length; i++) {
    if (/^(---|\.\.\.)[ \t]*$/.test(texts[i] as string)) return i + 1
  }
  return 0
}

function closesFence(text: string, fence: { char: string; length: number }): boolean {
  const t = text.trim()
  if (t.length < fence.length) return false
  for (const c of t) if (c !== fence.char) return false
  return true
}

/** Lines that start a block of their own rather than continue a paragraph. */
function startsBlock(text: string): boolean {
  return (
    ATX.test(text) ||
    FENCE_OPEN.test(text) ||
    /^[ \t]*(?:<!--|>)/.test(text) ||
    THEMATIC_BREAK.test(text)
  )
}

/** True when a non-blank line is indented less than the open list item's content, ending it. */
function endsItem(text: string, within: number): boolean {
  return within > 0 && !/^[ \t]*$/.test(text) && indentWidth(text) < within
}

/** Column where a list item's content starts, given where its marker ends. */
function contentColumn(text: string, markerEnd: number): number {
  const marker = columnAt(text, markerEnd)
  let end = markerEnd
  while (text[end] === ' ' || text[end] === '\t') end++
  const gap = columnAt(text, end) - marker
  // No content on the line, or five or more spaces (indented code): one space counts.
  return end === text.length || gap > 4 ? marker + 1 : marker + gap
}

function columnAt(text: string, end: number): number {
  let column = 0
  for (let k = 0; k < end; k++) column = text[k] === '\t' ? column + 4 - (column % 4) : column + 1
  return column
}

function indentWidth(text: string): number {
  let width = 0
  for (const c of text) {
    if (c === ' ') width++
    else if (c === '\t') width += 4 - (width % 4)
    else break
  }
  return width
}
