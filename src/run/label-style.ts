// Colours and descriptions of the labels the action creates: from the settings
// file when it names them, otherwise a stable colour per category.
import { createHash } from 'node:crypto'
import type { FileConfig } from './config.ts'
import type { LabelStyle } from '../sync/plan.ts'
import { MAX_LABEL_DESCRIPTION, shorten } from '../sync/text.ts'

/** Calm, readable label colours; a category keeps its colour across runs and repositories. */
const PALETTE = [
  '1d76db',
  '5319e7',
  'd93f0b',
  '0e8a16',
  'fbca04',
  'b60205',
  '006b75',
  'c5def5',
  'bfd4f2',
  'f9d0c4'
]

export function labelStyles(
  config: FileConfig,
  path: string
): (category: string | null) => LabelStyle {
  return category => {
    if (category === null) {
      return {
        color: config.label.color ?? '0e8a16',
        description: shorten(
          config.label.description ?? `A goal from ${path}, kept in step by goals-sync`,
          MAX_LABEL_DESCRIPTION
        )
      }
    }
    const own = config.categories.get(category) ?? {}
    const hash = createHash('sha256').update(category).digest()
    return {
      color: own.color ?? PALETTE[(hash[0] as number) % PALETTE.length]!,
      description: shorten(
        own.description ?? `Goals under "${category}" in ${path}`,
        MAX_LABEL_DESCRIPTION
      )
    }
  }
}
