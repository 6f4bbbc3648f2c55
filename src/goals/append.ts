// Adding a goal born elsewhere (an issue) to the file: one new line, written in
// the style of the goals around it, and nothing else moved. The result is parsed
// again and refused unless the file gained exactly that goal, so a surprise in
// the user's Markdown can never turn into a lost or misplaced line.
import { joinLines, splitLines, type Line } from './lines.ts'
import type { Goal, GoalsDoc } from './model.ts'
import { parseGoals } from './parse.ts'

export interface AppendGoal {
  /** Category name; null puts the goal before the first category. */
  category: string | null
  title: string
  checked: boolean
  /** ATX level of category headings (default 2). */
  categoryLevel?: number
}

export interface Appended {
  text: string
  /** 0-based line of the new goal. */
  line: number
  /** The title as written (see `inertTitle`); the goal's title from now on. */
  title: string
  /** True when the category heading was added too. */
  newCategory: boolean
}

export class AppendError extends Error {}

/**
 * Goal text as one line that cannot start or end any block: line breaks and
 * other control characters become spaces, and `<!--` is written `<\!--` so a
 * renderer shows it instead of hiding what follows. Everything else is kept:
 * after the box, nothing can be read as a heading, fence or counter.
 */
export function inertTitle(title: string): string {
  // eslint-disable-next-line no-control-regex
  const oneLine = title.replace(/[\u0000-\u001f\u007f\u0085\u2028\u2029]/g, ' ').trim()
  if (oneLine === '') throw new AppendError('a goal title cannot be empty')
  return oneLine.replace(/<!--/g, '<\\!--')
}

/** Why `name` cannot be written as a category heading that reads back as itself, or null. */
export function categoryNameProblem(name: string, categoryLevel = 2): string | null {
  if (name.trim() !== name || name === '') return 'it is empty or starts or ends with a space'
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\u0085\u2028\u2029]/.test(name)) return 'it contains a line break'
  if (name.includes('<!--')) return 'it contains "<!--"'
  const heading = `${'#'.repeat(categoryLevel)} ${name}`
  const read = parseGoals(`${heading}\n`, { categoryLevel }).categories[0]
  if (read?.name !== name || read.heading.counter) {
    return 'a heading of it would read differently (a trailing "#" or "[n/m]")'
  }
  return null
}

interface Style {
  /** The line up to the box, e.g. '- ', '  * ', '' or an ordered marker's next number. */
  prefix: string
  /** Between `]` and the title. */
  gap: string
  /** A blank line between goals. */
  spaced: boolean
}

export function appendGoal(source: string, goal: AppendGoal): Appended {
  const categoryLevel = goal.categoryLevel ?? 2
  const doc = parseGoals(source, { categoryLevel })
  const split = splitLines(source)
  const eol = dominantEol(split.lines)
  const title = inertTitle(goal.title)
  const box = goal.checked ? 'x' : ' '
  const sections = doc.categories.filter(c => c.name === goal.category)
  const section = sections.at(-1)
  const newCategory = goal.category !== null && !section
  if (newCategory) {
    const problem = categoryNameProblem(goal.category as string, categoryLevel)
    if (problem) {
      throw new AppendError(`cannot add the category "${goal.category}": ${problem}`)
    }
  }
  const members =
    goal.category === null
      ? doc.goals.filter(g => g.category === null)
      : (section?.goals.map(i => doc.goals[i] as Goal) ?? [])
  const style = styleOf(doc, split.lines, members)
  const goalLine = `${style.prefix}[${box}]${style.gap}${title}`

  let at: number
  let insert: string[]
  if (members.length > 0) {
    at = endOfItem(split.lines, doc, members.at(-1) as Goal) + 1
    insert = style.spaced ? ['', goalLine] : [goalLine]
  } else if (section) {
    const heading = section.heading
    const below = heading.counter?.ownLine ? heading.counter.line : heading.line
    at = below + 1
    insert = style.spaced || blankAfterHeading(doc, split.lines) ? ['', goalLine] : [goalLine]
  } else if (goal.category === null && doc.categories.length > 0) {
    at = (doc.categories[0] as { heading: { line: number } }).heading.line
    insert = [goalLine, '']
    if (at > 0 && !isBlank(split.lines[at - 1])) insert.unshift('')
  } else {
    at = split.lines.length
    insert = newCategory
      ? [
          `${'#'.repeat(categoryLevel)} ${goal.category as string}`,
          ...(blankAfterHeading(doc, split.lines) ? [''] : []),
          goalLine
        ]
      : [goalLine]
    if (at > 0 && !isBlank(split.lines[at - 1])) insert.unshift('')
  }
  const line = at + insert.indexOf(goalLine)
  const text = joinLines({ bom: split.bom, lines: spliceLines(split.lines, at, insert, eol) })
  checkAppended(doc, text, categoryLevel, {
    line,
    title,
    category: goal.category,
    checked: goal.checked
  })
  return { text, line, title, newCategory }
}

/** Inserts `texts` before line `at`; a last line without an ending keeps that role. */
function spliceLines(lines: readonly Line[], at: number, texts: string[], eol: string): Line[] {
  const out = lines.map(l => ({ ...l }))
  const added = texts.map(text => ({ text, eol }))
  const previous = out[at - 1]
  // Only the last line can lack an ending.
  if (previous && previous.eol === '') {
    previous.eol = eol
    ;(added.at(-1) as Line).eol = ''
  }
  out.splice(at, 0, ...added)
  return out
}

function styleOf(doc: GoalsDoc, lines: readonly Line[], members: readonly Goal[]): Style {
  const own = members.filter(g => g.parent === null)
  const all = doc.goals.filter(g => g.parent === null)
  const last = (own.length > 0 ? own : all).at(-1)
  if (!last) return { prefix: '', gap: ' ', spaced: false }
  const text = (lines[last.line] as Line).text
  let prefix = text.slice(0, last.boxAt - 1)
  const ordered = /^(\d+)([.)])/.exec(last.marker)
  if (ordered) {
    // Continuing the same list counts on; a new list elsewhere starts at 1.
    const next = own.length > 0 ? Number(ordered[1]) + 1 : 1
    prefix = last.indent + prefix.slice(last.indent.length).replace(/^\d+/, String(next))
  }
  return {
    prefix,
    gap: text.slice(last.boxAt + 2, last.titleStart),
    // One goal shows no spacing: the file's other categories tell.
    spaced: spacedIn(own.length > 1 ? own : all, lines)
  }
}

/** Whether the last two neighbouring top-level goals of one category have a blank line between them. */
function spacedIn(tops: readonly Goal[], lines: readonly Line[]): boolean {
  for (let i = tops.length - 1; i > 0; i--) {
    const goal = tops[i] as Goal
    if (goal.category === (tops[i - 1] as Goal).category) return isBlank(lines[goal.line - 1])
  }
  return false
}

function blankAfterHeading(doc: GoalsDoc, lines: readonly Line[]): boolean {
  const first = doc.categories.find(c => c.goals.length > 0)
  if (!first) return true
  const h = first.heading
  const below = h.counter?.ownLine ? h.counter.line : h.line
  return isBlank(lines[below + 1])
}

/** The last line of the top-level item holding `goal`: nested lines and paragraph continuation. */
function endOfItem(lines: readonly Line[], doc: GoalsDoc, goal: Goal): number {
  let root = goal
  while (root.parent !== null) root = doc.goals[root.parent] as Goal
  const base = indentWidth(root.indent)
  let end = goal.line
  for (let i = goal.line + 1; i < lines.length; i++) {
    const text = (lines[i] as Line).text
    if (text.trim() === '') continue
    if (/^ {0,3}#{1,6}(?:[ \t]|$)/.test(text)) break
    const deeper = indentWidth(text) > base
    const lazy = i === end + 1 && !startsBlockOrGoal(text)
    if (!deeper && !lazy) break
    end = i
  }
  return end
}

function startsBlockOrGoal(text: string): boolean {
  return /^[ \t]*(?:#{1,6}(?:[ \t]|$)|`{3,}|~{3,}|<!--|>|[-*+](?:[ \t]|$)|\d{1,9}[.)](?:[ \t]|$)|\[[ xX]\])/.test(
    text
  )
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

function isBlank(line: Line | undefined): boolean {
  return line !== undefined && line.text.trim() === ''
}

/** The most common line ending, '\n' for a file with none; ties go to the first seen. */
function dominantEol(lines: readonly Line[]): string {
  const counts = new Map<string, number>()
  for (const l of lines) if (l.eol) counts.set(l.eol, (counts.get(l.eol) ?? 0) + 1)
  let best = '\n'
  let most = 0
  for (const [eol, n] of counts) {
    if (n > most) {
      best = eol
      most = n
    }
  }
  return best
}

/** The new text must hold every old goal unchanged plus exactly the new one, where intended. */
export function checkAppended(
  before: GoalsDoc,
  text: string,
  categoryLevel: number,
  want: { line: number; title: string; category: string | null; checked: boolean }
): void {
  const after = parseGoals(text, { categoryLevel })
  // JSON keeps no category (null) apart from a category whose name is empty.
  const summary = (g: Goal) => JSON.stringify([g.category, g.title, g.checked])
  const added = after.goals.find(g => g.line === want.line)
  const rest = after.goals.filter(g => g !== added).map(summary)
  const fine =
    added !== undefined &&
    added.title === want.title &&
    added.category === want.category &&
    added.checked === want.checked &&
    added.parent === null &&
    rest.join('\n') === before.goals.map(summary).join('\n')
  if (!fine) {
    throw new AppendError(
      `the goal "${want.title}" cannot be added safely at line ${want.line + 1} (the file's structure there, e.g. an unclosed code block or comment, would change its meaning); add it by hand`
    )
  }
}
