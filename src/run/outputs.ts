// The files the action draws from the goals file (badge, card): written in the
// same commit as the file, and judged stale the same way, from blob ids.
import type { Settings } from '../action/settings.ts'
import type { GoalsDoc } from '../goals/model.ts'
import { parseGoals } from '../goals/parse.ts'
import { renderBadge } from '../render/badge.ts'
import { renderCardOf } from '../render/card-model.ts'

export interface Output {
  path: string
  svg: string
}

/**
 * With several goals files (a `path` glob or list): every file in code-point
 * order and the text each has as far as this run knows. The badge and card
 * show them all, whichever file the run is syncing.
 */
export interface Siblings {
  files: readonly string[]
  texts: Map<string, string>
  categoryLevel: number
}

/** What the badge and card inputs ask for, drawn from the goals file as it will be committed. */
export function outputsOf(
  settings: Pick<Settings, 'badge' | 'card' | 'path'>,
  doc: GoalsDoc,
  siblings?: Siblings
): Output[] {
  const files = siblings
    ? siblings.files.map(path => ({
        title: path as string | null,
        doc:
          path === settings.path
            ? doc
            : parseGoals(siblings.texts.get(path) ?? '', {
                categoryLevel: siblings.categoryLevel
              })
      }))
    : [{ title: null, doc }]
  const done = files.reduce((sum, f) => sum + f.doc.done, 0)
  const total = files.reduce((sum, f) => sum + f.doc.total, 0)
  const outputs: Output[] = []
  if (settings.badge) outputs.push({ path: settings.badge, svg: renderBadge(done, total) })
  if (settings.card) outputs.push({ path: settings.card, svg: renderCardOf(files) })
  return outputs
}
