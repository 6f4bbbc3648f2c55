// Text rules shared by the issue side: GitHub's length limits, label names,
// and keeping goal text from notifying people.
import { createHash } from 'node:crypto'

export const MAX_TITLE = 256
export const MAX_LABEL = 50
export const MAX_LABEL_DESCRIPTION = 100

export function issueTitle(title: string): string {
  if (title.length <= MAX_TITLE) return title
  return `${title.slice(0, MAX_TITLE - 1).trimEnd()}…`
}

/** A category's label: its name, or for long names a cut that stays unique through a short hash. */
export function categoryLabel(name: string): string {
  if (name.length <= MAX_LABEL) return name
  const hash = createHash('sha256').update(name).digest('hex').slice(0, 6)
  return `${name.slice(0, MAX_LABEL - 8).trimEnd()}… ${hash}`
}

/**
 * Breaks `@name` and `@org/team` so that goal text quoted in an issue body or
 * comment never notifies anyone; a word joiner keeps it readable.
 */
export function neutraliseMentions(text: string): string {
  return text.replace(/(^|[^\w`])@(?=[A-Za-z0-9])/g, '$1@\u2060')
}

export function shorten(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}
