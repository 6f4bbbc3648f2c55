// Edits are small patches on single lines, so that applying them changes only
// the characters we own (a box, a counter, a goal's text) and nothing else.
import { joinLines, splitLines } from './lines.ts'
import type { Goal, GoalsDoc } from './model.ts'
import { parseGoals } from './parse.ts'
import type { ParseOptions } from './model.ts'

export interface TextEdit {
  /** 0-based line index. */
  line: number
  start: number
  end: number
  text: string
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  if (edits.length === 0) return source
  const split = splitLines(source)
  const byLine = new Map<number, TextEdit[]>()
  for (const edit of edits) {
    const line = split.lines[edit.line]
    if (!line || edit.start < 0 || edit.end > line.text.length || edit.start > edit.end) {
      throw new Error(`edit out of range at line ${edit.line + 1}`)
    }
    const list = byLine.get(edit.line) ?? []
    list.push(edit)
    byLine.set(edit.line, list)
  }
  for (const [index, list] of byLine) {
    const line = split.lines[index] as { text: string }
    // Right to left, so earlier offsets stay valid.
    list.sort((a, b) => b.start - a.start)
    for (let k = 1; k < list.length; k++) {
      if ((list[k] as TextEdit).end > (list[k - 1] as TextEdit).start) {
        throw new Error(`overlapping edits at line ${index + 1}`)
      }
    }
    for (const edit of list) {
      line.text = line.text.slice(0, edit.start) + edit.text + line.text.slice(edit.end)
    }
  }
  return joinLines(split)
}

export function setCheckedEdit(goal: Goal, checked: boolean): TextEdit | null {
  if (goal.checked === checked) return null
  return { line: goal.line, start: goal.boxAt, end: goal.boxAt + 1, text: checked ? 'x' : ' ' }
}

/** The new title is put on one line; surrounding white space of the old text is kept. */
export function retitleEdit(goal: Goal, title: string): TextEdit | null {
  const clean = title.replace(/[\r\n]+/g, ' ').trim()
  if (clean === '') throw new Error('a goal title cannot be empty')
  if (clean === goal.title) return null
  return { line: goal.line, start: goal.titleStart, end: goal.titleEnd, text: clean }
}

/** Edits that make every counter tell the truth: stale ones rewritten, missing category counters added. */
export function counterEdits(doc: GoalsDoc): TextEdit[] {
  const edits: TextEdit[] = []
  for (const category of doc.categories) {
    const { heading, done, total } = category
    const wanted = `[${done}/${total}]`
    if (heading.counter) {
      const c = heading.counter
      if (c.done !== done || c.total !== total) {
        edits.push({ line: c.line, start: c.start, end: c.end, text: wanted })
      }
    } else if (total > 0) {
      edits.push({
        line: heading.line,
        start: heading.insertAt,
        end: heading.insertAt,
        text: ` ${wanted}`
      })
    }
  }
  for (const title of doc.titles) {
    const c = title.counter
    if (c && (c.done !== doc.done || c.total !== doc.total)) {
      edits.push({ line: c.line, start: c.start, end: c.end, text: `[${doc.done}/${doc.total}]` })
    }
  }
  return edits
}

export interface StaleCounter {
  /** 1-based line number. */
  line: number
  name: string
  found: string | null
  expected: string
}

export function staleCounters(doc: GoalsDoc): StaleCounter[] {
  const stale: StaleCounter[] = []
  const check = (
    name: string,
    line: number,
    c: { done: number; total: number } | null,
    done: number,
    total: number
  ) => {
    const expected = `[${done}/${total}]`
    const found = c ? `[${c.done}/${c.total}]` : null
    if (found !== expected && (c !== null || total > 0))
      stale.push({ line: line + 1, name, found, expected })
  }
  for (const category of doc.categories) {
    check(
      category.name,
      category.heading.line,
      category.heading.counter,
      category.done,
      category.total
    )
  }
  for (const title of doc.titles) {
    if (title.counter) check(title.name, title.line, title.counter, doc.done, doc.total)
  }
  return stale.sort((a, b) => a.line - b.line)
}

/** Rewrites the counters of a goals file; returns the same string when nothing is stale. */
export function fixCounters(source: string, options: ParseOptions = {}): string {
  return applyEdits(source, counterEdits(parseGoals(source, options)))
}
