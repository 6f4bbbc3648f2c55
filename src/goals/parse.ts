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
  let fence: { char: string; length: number } | null = null
  let inComment = false
  let nesting: { width: number; goal: number }[] = []

  let i = frontMatterEnd(texts)
  for (; i < texts.length; i++) {
    const text = texts[i] as string
    if (fence) {
      if (closesFence(text, fence)) fence = null
      continue
    }
    if (inComment) {
      if (text.includes('-->')) inComment = false
      continue
    }
    const blank = text.trim() === ''
    if (awaitingCounter && !blank) {
      const heading = awaitingCounter
      awaitingCounter = null
      const m = LONE_COUNTER.exec(text)
      if (m) {
        const start = text.indexOf('[')
        heading.counter = counter(m[1], m[2], i, start, text.indexOf(']', start) + 1, true)
        continue
      }
    }
    if (blank) continue

    const open = FENCE_OPEN.exec(text)
    if (open && !(open[2]?.startsWith('`') && open[3]?.includes('`'))) {
      fence = { char: (open[2] as string)[0] as string, length: (open[2] as string).length }
      continue
    }
    if (/^[ \t]*<!--/.test(text)) {
      inComment = !text.slice(text.indexOf('<!--') + 4).includes('-->')
      continue
    }

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

    const width = indentWidth(text)
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

function indentWidth(text: string): number {
  let width = 0
  for (const c of text) {
    if (c === ' ') width++
    else if (c === '\t') width += 4 - (width % 4)
    else break
  }
  return width
}
