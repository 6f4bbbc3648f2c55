// Edits are small patches on single lines, so that applying them changes only
// the characters we own (a box, a counter, a goal's text) and nothing else.
import type { Goal, GoalsDoc } from './model.ts'
import { tallyGoals } from './parse.ts'
import type { ParseOptions } from './model.ts'

export interface TextEdit {
  /** 0-based line index. */
  line: number
  start: number
  end: number
  text: string
}

export function applyEdits(source: string, edits: readonly TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.line - b.line || a.start - b.start)
  for (let k = 1; k < sorted.length; k++) {
    const a = sorted[k - 1] as TextEdit
    const b = sorted[k] as TextEdit
    if (a.line === b.line && b.start < a.end)
      throw new Error(`overlapping edits at line ${b.line + 1}`)
  }
  // One walk over the line starts, copying the untouched text between edits as
  // slices: no array of lines, so a large file with a few edits stays cheap.
  const lines = new LineStarts(source)
  let out = ''
  let copied = 0
  for (const edit of sorted) {
    const span = lines.find(edit.line)
    if (!span || edit.start < 0 || edit.start > edit.end || edit.end > span.end - span.start) {
      throw new Error(`edit out of range at line ${edit.line + 1}`)
    }
    out += source.slice(copied, span.start + edit.start) + edit.text
    copied = span.start + edit.end
  }
  return out + source.slice(copied)
}

/** Where each line starts and ends (without its ending), found walking forward only. */
class LineStarts {
  private line = 0
  private start: number
  private readonly source: string
  /** The next '\n' and '\r' at or after `start` (searched natively, each only once passed). */
  private nextLf = -1
  private nextCr = -1
  constructor(source: string) {
    this.source = source
    this.start = source.charCodeAt(0) === 0xfeff ? 1 : 0
  }

  find(line: number): { start: number; end: number } | null {
    const { source } = this
    for (;;) {
      // Lines are asked for in order, so once past the last line nothing is left.
      if (this.start >= source.length) return null
      const end = this.lineEnd()
      if (this.line === line) return { start: this.start, end }
      this.line++
      this.start =
        end + (source.charCodeAt(end) === 13 && source.charCodeAt(end + 1) === 10 ? 2 : 1)
    }
  }

  private lineEnd(): number {
    const { source, start } = this
    if (this.nextLf < start) this.nextLf = next(source, '\n', start)
    if (this.nextCr < start) this.nextCr = next(source, '\r', start)
    return Math.min(this.nextLf, this.nextCr)
  }
}

/** Where `char` next stands from `from` on, or the end of the text. */
function next(source: string, char: string, from: number): number {
  const at = source.indexOf(char, from)
  return at === -1 ? source.length : at
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

/**
 * Rewrites the counters of a goals file; returns the same string when nothing is
 * stale. Counters need counts only, so no goal is built, kept or told apart.
 */
export function fixCounters(source: string, options: ParseOptions = {}): string {
  return applyEdits(source, counterEdits(tallyGoals(source, options)))
}
