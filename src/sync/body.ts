// The issue body: where the goal lives, in words and a link, and the marker.
// The body belongs to the action (it is rewritten when the goal moves); people
// write their notes in comments.
import { encodeMarker, type Marker } from './marker.ts'
import { MAX_TITLE, neutraliseMentions } from './text.ts'

export interface BodyContext {
  /** Link to the goals file on its branch. */
  fileUrl: string
}

export function issueBody(marker: Marker, context: BodyContext): string {
  const lines: string[] = []
  if (marker.title.length > MAX_TITLE) {
    lines.push(`> ${neutraliseMentions(marker.title)}`, '')
  }
  const where =
    marker.category === null
      ? 'before the first category'
      : `in **${neutraliseMentions(marker.category)}**`
  lines.push(`Goal ${where} of [\`${marker.file}\`](${context.fileUrl}).`)
  lines.push('')
  lines.push(
    marker.removed
      ? '_This goal is no longer in the file. Put it back and this issue reopens._'
      : '_Kept in step by goals-sync: close this issue or tick the box in the file, and the other follows._'
  )
  lines.push('', encodeMarker(marker))
  return lines.join('\n')
}

export function removalComment(path: string): string {
  return `This goal was removed from \`${path}\`, so this issue is closed as not planned. Put the goal back and the issue reopens.`
}

export function duplicateComment(keep: number): string {
  return `This issue duplicates #${keep} for the same goal, so it is closed; #${keep} carries on.`
}
