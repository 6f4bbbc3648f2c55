// The goals model: what the parser finds in a goals file, with the exact
// character positions that edits need so they can touch only what we own.

/** A `[done/total]` counter and where it stands. */
export interface Counter {
  done: number
  total: number
  /** 0-based line index of the counter. */
  line: number
  /** Character range of `[d/t]` within that line. */
  start: number
  end: number
  /** True when the counter has a line of its own under the heading. */
  ownLine: boolean
}

export interface Heading {
  /** 0-based line index. */
  line: number
  level: number
  /** Heading text without the counter and closing hashes, trimmed. */
  name: string
  counter: Counter | null
  /** Where a missing counter goes: just after the heading text. */
  insertAt: number
}

export interface Goal {
  /** 0-based line index. */
  line: number
  indent: string
  /** '-', '*', '+', '1.', '1)' or '' for a bare `[ ]` line. */
  marker: string
  /** The character inside the box: ' ', 'x' or 'X'. */
  box: string
  checked: boolean
  /** Index of the box character within the line. */
  boxAt: number
  title: string
  /** Character range of the title within the line. */
  titleStart: number
  titleEnd: number
  /** Category name, or null for goals before the first category. */
  category: string | null
  /** Index (in `GoalsDoc.goals`) of the enclosing task item, or null. */
  parent: number | null
  /** 0 for the first goal with this title in its category, 1 for the next... */
  occurrence: number
}

export interface Category {
  name: string
  heading: Heading
  /** Indexes into `GoalsDoc.goals`. */
  goals: number[]
  done: number
  total: number
}

export interface Warning {
  /** 1-based line number, for people. */
  line: number
  message: string
}

export interface GoalsDoc {
  categories: Category[]
  goals: Goal[]
  /** Level-1 headings; only those that already carry a counter get one kept up to date. */
  titles: Heading[]
  done: number
  total: number
  warnings: Warning[]
  /** Number of lines in the file (for bounds checks of edits). */
  lineCount: number
}

export interface ParseOptions {
  /** ATX level of category headings (default 2). */
  categoryLevel?: number
}
