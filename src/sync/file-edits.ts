// Applies the plan's goal edits to a version of the goals file, then brings the
// counters up to date. Goals are found by key, so the same edits can be applied
// again to a newer head when the branch moved during the run.
import {
  applyEdits,
  counterEdits,
  retitleEdit,
  setCheckedEdit,
  type TextEdit
} from '../goals/edit.ts'
import { appendGoal } from '../goals/append.ts'
import { parseGoals } from '../goals/parse.ts'
import { keyOfGoal } from './match.ts'
import type { GoalEdit } from './ops.ts'

export interface EditResult {
  text: string
  /** Edits that found their goal, with its 0-based line in `text` (appends with the key they got). */
  applied: { edit: GoalEdit; line: number }[]
  /** Edits whose goal is no longer in this version of the file. */
  missing: GoalEdit[]
}

export function applyGoalEdits(
  source: string,
  edits: readonly GoalEdit[],
  categoryLevel: number
): EditResult {
  // New goals first: the other edits find their goals by key in the text that holds them.
  let grown = source
  const added: { edit: GoalEdit; line: number }[] = []
  for (const edit of edits) {
    if (!edit.append) continue
    const { category, title, checked } = edit.append
    const result = appendGoal(grown, { category, title, checked, categoryLevel })
    grown = result.text
    added.push({ edit, line: result.line })
  }
  const doc = parseGoals(grown, { categoryLevel })
  const byKey = new Map(doc.goals.map((_, i) => [keyOfGoal(doc, i), i]))
  const textEdits: TextEdit[] = []
  const applied: EditResult['applied'] = added.map(({ edit, line }) => {
    const index = doc.goals.findIndex(g => g.line === line)
    return { edit: { ...edit, key: keyOfGoal(doc, index) }, line }
  })
  const missing: GoalEdit[] = []
  for (const edit of edits) {
    if (edit.append) continue
    const index = byKey.get(edit.key)
    if (index === undefined) {
      missing.push(edit)
      continue
    }
    const goal = doc.goals[index]!
    if (edit.checked !== undefined) {
      const e = setCheckedEdit(goal, edit.checked)
      if (e) textEdits.push(e)
    }
    if (edit.title !== undefined) {
      const e = retitleEdit(goal, edit.title)
      if (e) textEdits.push(e)
    }
    applied.push({ edit, line: goal.line })
  }
  const edited = applyEdits(grown, textEdits)
  const text = applyEdits(edited, counterEdits(parseGoals(edited, { categoryLevel })))
  return { text, applied, missing }
}
