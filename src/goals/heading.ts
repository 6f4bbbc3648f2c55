// ATX headings and their counters. A counter sits at the end of the heading
// text, optionally followed by decoration that holds no words (status emoji,
// symbols, closing hashes), or alone on the next non-blank line. It is never
// part of the category's name, so a category keeps its identity as it counts.
import type { Counter, Heading } from './model.ts'

/** `[12/34]` at `at`: its numbers and where it ends, or null. */
function counterAt(text: string, at: number): { done: number; total: number; end: number } | null {
  if (text.charCodeAt(at) !== 91 /* [ */) return null
  let k = at + 1
  const doneStart = k
  while (isDigit(text.charCodeAt(k))) k++
  if (k === doneStart || text.charCodeAt(k) !== 47 /* / */) return null
  const done = Number(text.slice(doneStart, k))
  const totalStart = ++k
  while (isDigit(text.charCodeAt(k))) k++
  if (k === totalStart || text.charCodeAt(k) !== 93 /* ] */) return null
  return { done, total: Number(text.slice(totalStart, k)), end: k + 1 }
}

// Letters and digits make words; anything else after a counter is decoration.
const WORDY = /[\p{L}\p{N}]/u

/** The level of an ATX heading whose hashes start at `at`, or 0. */
export function atxLevel(text: string, at: number): number {
  let k = at
  while (text.charCodeAt(k) === 35 /* # */) k++
  const level = k - at
  if (level === 0 || level > 6) return 0
  const c = text.charCodeAt(k)
  return k === text.length || c === 32 || c === 9 ? level : 0
}

/**
 * The heading whose `level` hashes start at `at`, as `atxLevel` found it: the
 * character at `start` (just past the hashes) is white space or the line's end,
 * so no backward scan below goes past it.
 */
export function parseHeading(text: string, at: number, line: number, level: number): Heading {
  const start = at + level
  let end = trimEndIndex(text, start)
  // An optional closing run of '#' after white space is not part of the text.
  let k = end
  while (k > start && text.charCodeAt(k - 1) === 35) k--
  if (k < end && isSpace(text.charCodeAt(k - 1))) end = trimEndIndex(text, start, k)
  // The counter is the last '[' that reads as [n/m] with only decoration after it.
  for (
    let open = text.lastIndexOf('[', end - 1);
    open >= start;
    open = text.lastIndexOf('[', open - 1)
  ) {
    const found = counterAt(text, open)
    if (!found) continue
    if (!isSpace(text.charCodeAt(open - 1))) break
    if (WORDY.test(text.slice(found.end, end))) break
    const insertAt = trimEndIndex(text, start, open)
    return {
      line,
      level,
      name: text.slice(start, insertAt).trim(),
      counter: {
        done: found.done,
        total: found.total,
        line,
        start: open,
        end: found.end,
        ownLine: false
      },
      insertAt
    }
  }
  return { line, level, name: text.slice(start, end).trim(), counter: null, insertAt: end }
}

/** A line that is only a counter (white space around it allowed). */
export function ownLineCounter(text: string, line: number): Counter | null {
  let at = 0
  while (isSpace(text.charCodeAt(at))) at++
  const found = counterAt(text, at)
  if (!found || trimEndIndex(text, found.end) !== found.end) return null
  return { done: found.done, total: found.total, line, start: at, end: found.end, ownLine: true }
}

/** Index just past the last non-blank character of text[from, to). */
function trimEndIndex(text: string, from: number, to = text.length): number {
  let k = to
  while (k > from && isSpace(text.charCodeAt(k - 1))) k--
  return k
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57
}
