// Text rules for everything the action writes from goal and issue text:
// GitHub's length limits (cut on code-point boundaries, since a lone surrogate
// makes a strict server refuse the whole request), label names, and making
// such text inert where it lands (issue bodies, the job summary, the log).
import { createHash } from 'node:crypto'

export const MAX_TITLE = 256
export const MAX_LABEL = 50
export const MAX_LABEL_DESCRIPTION = 100
/** GitHub refuses an issue or comment body longer than this. */
export const MAX_BODY = 65_536
/**
 * The longest goal title the marker records; a longer goal is known by its
 * first this-many characters, so that its body (quote and marker, both
 * escaped) always stays within MAX_BODY.
 */
export const MAX_IDENTITY_TITLE = 4_096

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** The text with any lone surrogate replaced by U+FFFD, so that it is valid UTF-8 once sent. */
export function wellFormed(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD')
}

/**
 * At most `max` UTF-16 units of `text`, never ending inside a surrogate pair;
 * lone surrogates already in the text become U+FFFD.
 */
export function cutAt(text: string, max: number): string {
  const whole = wellFormed(text)
  if (whole.length <= max) return whole
  const last = whole.charCodeAt(max - 1)
  const end = last >= 0xd800 && last <= 0xdbff ? max - 1 : max
  return whole.slice(0, end)
}

/** Cut to `max` with an ellipsis when it was longer. */
export function shorten(text: string, max: number): string {
  const whole = wellFormed(text)
  return whole.length <= max ? whole : `${cutAt(whole, max - 1)}…`
}

export function issueTitle(title: string): string {
  const whole = wellFormed(title)
  if (whole.length <= MAX_TITLE) return whole
  return `${cutAt(whole, MAX_TITLE - 1).trimEnd()}…`
}

/** The part of a goal's title that identifies it (and that its marker records). */
export function identityTitle(title: string): string {
  return cutAt(title, MAX_IDENTITY_TITLE)
}

/** A category's label: its name, or for long names a cut that stays unique through a short hash. */
export function categoryLabel(name: string): string {
  const whole = wellFormed(name)
  if (whole.length <= MAX_LABEL) return whole
  const hash = createHash('sha256').update(whole).digest('hex').slice(0, 6)
  return `${cutAt(whole, MAX_LABEL - 8).trimEnd()}… ${hash}`
}

const WORD_JOINER = '\u2060'

/**
 * Breaks every `@name` (and `@org/team`) and `#123` reference so that goal text
 * never notifies anyone or links itself to other issues, whatever comes before
 * the `@` (a backtick, a letter): GitHub's own rule for what counts as a
 * mention is not ours to copy, so every `@` before a login character is
 * broken. The word joiner keeps the text readable.
 */
export function neutraliseMentions(text: string): string {
  return text
    .replace(/@(?=[\p{L}\p{N}_-])/gu, `@${WORD_JOINER}`)
    .replace(/#(?=\d)/g, `#${WORD_JOINER}`)
}

/**
 * Goal or issue text as Markdown that renders as the same text and does
 * nothing else: no HTML (so no comment that could hide or forge a marker), no
 * character references (`&#64;` would be an `@`), no mentions, one line.
 */
export function inertMarkdown(text: string): string {
  const escaped = wellFormed(text)
    .replace(/[\r\n\u2028\u2029\u0085]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
  return neutraliseMentions(escaped)
}

/** Text for the job summary's Markdown: inert as above, with Markdown's own punctuation escaped too. */
export function inertSummaryText(text: string): string {
  return inertMarkdown(text.replace(/[\\`*_[\]|~"']/g, c => `\\${c}`))
}

const LINE_BREAK = /\r\n|[\r\n]/
/** Characters a terminal or the runner treats as control, shown instead as \u escapes. */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029]/g

/**
 * One line of a runner's log that cannot be a workflow command: the runner
 * reads `::name::` at the start of a line (after spaces) and `##[name]`
 * anywhere in it. Control characters are shown as escapes.
 */
export function inertLogLine(line: string): string {
  const visible = wellFormed(line)
    .replace(CONTROL, c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    .replace(/##\[/g, '#\u2060#[')
  return /^\s*::/.test(visible) ? `\u2060${visible}` : visible
}

/**
 * Text for a terminal: issue titles and goal text reach `plan` and `sync`'s
 * output, and an escape sequence in them must not drive the terminal. Line
 * breaks and tabs stay; every other control character is shown as an escape.
 */
export function terminalText(text: string): string {
  return wellFormed(text).replace(
    CONTROL,
    c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`
  )
}

/** A message of any number of lines as log lines that cannot be workflow commands. */
export function inertLogLines(message: string): string[] {
  return message.split(LINE_BREAK).map(inertLogLine)
}
