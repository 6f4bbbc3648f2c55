// The files the action draws from the goals file (badge, card): written in the
// same commit as the file, and judged stale the same way, from blob ids.
import type { Settings } from '../action/settings.ts'
import type { GoalsDoc } from '../goals/model.ts'
import { renderBadge } from '../render/badge.ts'
import { renderCardOf } from '../render/card-model.ts'

export interface Output {
  path: string
  svg: string
}

/** What the badge and card inputs ask for, drawn from the goals file as it will be committed. */
export function outputsOf(settings: Pick<Settings, 'badge' | 'card'>, doc: GoalsDoc): Output[] {
  const outputs: Output[] = []
  if (settings.badge) outputs.push({ path: settings.badge, svg: renderBadge(doc.done, doc.total) })
  if (settings.card)
    outputs.push({ path: settings.card, svg: renderCardOf([{ title: null, doc }]) })
  return outputs
}
