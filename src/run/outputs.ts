// The files the action draws from the goals file (badge, card): written in the
// same commit as the file, and judged stale the same way, from blob ids.
import type { Settings } from '../action/settings.ts'
import type { GoalsDoc } from '../goals/model.ts'
import { renderBadge } from '../render/badge.ts'
import { cardCategoriesOf } from '../render/card-model.ts'
import { renderCard, type CardCategory } from '../render/card.ts'

export interface Output {
  path: string
  svg: string
}

/**
 * With several goals files (a `path` glob or list): every file in code-point
 * order and its card rows as far as this run knows. The badge and card show
 * them all, whichever file the run is syncing.
 */
export interface Siblings {
  files: readonly string[]
  rows: Map<string, CardCategory[]>
  categoryLevel: number
}

/** What the badge and card inputs ask for, drawn from the goals file as it will be committed. */
export function outputsOf(
  settings: Pick<Settings, 'badge' | 'card' | 'path'>,
  doc: GoalsDoc,
  siblings?: Siblings
): Output[] {
  const sections = siblings
    ? siblings.files.map(path => ({
        title: path as string | null,
        categories: path === settings.path ? cardCategoriesOf(doc) : (siblings.rows.get(path) ?? [])
      }))
    : [{ title: null, categories: cardCategoriesOf(doc) }]
  const rows = sections.flatMap(s => s.categories)
  const done = siblings ? rows.reduce((sum, r) => sum + r.done, 0) : doc.done
  const total = siblings ? rows.reduce((sum, r) => sum + r.total, 0) : doc.total
  const outputs: Output[] = []
  if (settings.badge) outputs.push({ path: settings.badge, svg: renderBadge(done, total) })
  if (settings.card) outputs.push({ path: settings.card, svg: renderCard({ sections }) })
  return outputs
}
