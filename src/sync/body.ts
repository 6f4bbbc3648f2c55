// The issue body: where the goal lives, in words and a link, and the marker.
// The action's part is rewritten when the goal moves; a person's text above it
// (an issue that became a goal) is kept as they wrote it. Goal text in it is inert Markdown (see
// text.ts), so it can neither hide HTML nor forge a second marker.
import { encodeMarker, type Marker } from './marker.ts'
import {
  identityTitle,
  inertMarkdown,
  MAX_BODY,
  MAX_IDENTITY_TITLE,
  MAX_TITLE,
  shorten
} from './text.ts'

export interface BodyContext {
  /** Link to the goals file on its branch. */
  fileUrl: string
}

/** Above this a category name is shown cut in the body (its label is cut at 50 anyway). */
const MAX_SHOWN_CATEGORY = 256

export function issueBody(marker: Marker, context: BodyContext): string {
  const where =
    marker.category === null
      ? 'before the first category'
      : `in **${inertMarkdown(shorten(marker.category, MAX_SHOWN_CATEGORY))}**`
  const rest = [
    `Goal ${where} of [\`${inertMarkdown(marker.file)}\`](${context.fileUrl}).`,
    '',
    marker.removed
      ? '_This goal is no longer in the file. Put it back and this issue reopens._'
      : '_Kept in step by goals-sync: close this issue or tick the box in the file, and the other follows._',
    '',
    encodeMarker(marker)
  ].join('\n')
  const quote = quoteOf(marker.title)
  // The quote is the only part that grows with the goal; it gives way first.
  return quote && quote.length + rest.length <= MAX_BODY ? quote + rest : rest
}

/** The full title when the issue title had to be cut, with a note when even the marker holds only its start. */
function quoteOf(title: string): string | null {
  if (title.length <= MAX_TITLE) return null
  const cut = title.length >= MAX_IDENTITY_TITLE - 1
  return [
    `> ${inertMarkdown(identityTitle(title))}`,
    ...(cut ? ['>', '> _(The goal is longer than this; its full text is in the file.)_'] : []),
    '',
    ''
  ].join('\n')
}

/** Between a person's text and the action's part of a body; the action's part never holds it (its lines are single-line inert text). */
export const BODY_SEPARATOR = '\n\n---\n\n'

/**
 * `ours` in place of the action's part of `current`, below the person's text
 * (what precedes the last separator). The marker stays the body's last. Past
 * GitHub's body limit, the action's part alone.
 */
export function withTheirs(current: string, ours: string): string {
  const cut = current.lastIndexOf(BODY_SEPARATOR)
  if (cut <= 0) return ours
  const body = `${current.slice(0, cut)}${BODY_SEPARATOR}${ours}`
  return body.length <= MAX_BODY ? body : ours
}

export function removalComment(path: string): string {
  return `This goal was removed from \`${inertMarkdown(path)}\`, so this issue is closed as not planned. Put the goal back and the issue reopens.`
}

export function duplicateComment(keep: number): string {
  return `This issue duplicates #${keep} for the same goal, so it is closed; #${keep} carries on.`
}
