// The sync plan: a pure function of the goals file (now, and before the push
// when there was one), the action's issues and the settings. It decides, goal by
// goal, which side wins and returns the writes in an order where every prefix is
// safe: a run stopped after any write leaves nothing a rerun would duplicate.
import { splitLines } from '../goals/lines.ts'
import type { GoalsDoc } from '../goals/model.ts'
import { parseGoals } from '../goals/parse.ts'
import { duplicateComment, issueBody, removalComment, withTheirs } from './body.ts'
import { entryOf, type LedgerEntry } from './ledger.ts'
import type { Marker } from './marker.ts'
import { keyOfGoal, matchGoals, type BeforeFile } from './match.ts'
import type { Conflict, GoalEdit, Op } from './ops.ts'
import { categoryLabel, identityTitle, issueTitle } from './text.ts'
import type { TrackedIssue } from './tracked-issue.ts'

export interface LabelStyle {
  color: string
  description: string
}

export interface PlanSettings {
  path: string
  /** The label every goal issue carries. */
  label: string
  conflict: Conflict
  syncTitles: boolean
  categoryLevel: number
  fileUrl: string
  assignees: string[]
  /** Colour and description for a category's label (null: the common label). */
  labelStyle: (category: string | null) => LabelStyle
  /** This run's nonce, put in the marker of each issue it creates (see the ledger's recovery). */
  nonce?: string
}

export interface PlanInput {
  text: string
  /** The file before the push: undefined when not a push, null when it did not exist. */
  before?: string | null
  issues: readonly TrackedIssue[]
  settings: PlanSettings
}

export interface Plan {
  doc: GoalsDoc
  ops: Op[]
  edits: GoalEdit[]
  /** Ledger records that change without any issue write (both sides already agree). */
  records: Map<number, LedgerEntry>
  /** Categories renamed as a whole (old name → new name). */
  renames: Map<string, string>
  warnings: string[]
}

export function splitText(text: string): string[] {
  return splitLines(text).lines.map(l => l.text)
}

export function labelOf(category: string | null): string | null {
  return category ? categoryLabel(category) : null
}

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()

/** The issue's labels with the old category label swapped for the new one and the common one ensured. */
function wantedLabels(
  current: readonly string[],
  common: string,
  from: string | null,
  to: string | null
): string[] {
  const kept = current.filter(
    l => !(from && same(l, from)) && !(to && same(l, to)) && !same(l, common)
  )
  // GitHub treats label names without case, so a category named like the common label is one label.
  return [common, ...(to && !same(to, common) ? [to] : []), ...kept]
}

function sameLabels(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false
  const set = new Set(a.map(l => l.toLowerCase()))
  return b.every(l => set.has(l.toLowerCase()))
}

export function sameMarker(a: Marker, b: Marker): boolean {
  return (
    a.file === b.file &&
    a.category === b.category &&
    a.title === b.title &&
    a.n === b.n &&
    a.synced === b.synced &&
    a.removed === b.removed
  )
}

export function planSync(input: PlanInput): Plan {
  const { settings } = input
  const doc = parseGoals(input.text, { categoryLevel: settings.categoryLevel })
  const lines = splitText(input.text)
  let before: BeforeFile | null = null
  if (input.before !== undefined) {
    const text = input.before ?? ''
    before = {
      doc: parseGoals(text, { categoryLevel: settings.categoryLevel }),
      lines: splitText(text)
    }
  }
  const match = matchGoals(doc, lines, input.issues, before)
  const warnings = doc.warnings.map(w => `${settings.path}:${w.line}: ${w.message}`)
  const context = { fileUrl: settings.fileUrl }
  const body = (m: Marker) => issueBody(m, context)

  const known = new Set<string>()
  for (const issue of input.issues) for (const l of issue.labels) known.add(l.toLowerCase())
  const needed: string[] = []
  const need = (name: string | null) => {
    if (name && !known.has(name.toLowerCase()) && !needed.some(n => same(n, name)))
      needed.push(name)
  }

  const renames = categoryRenames(doc, match.issueOf)
  const labelOps: Op[] = []
  for (const [from, to] of renames) {
    const fromLabel = labelOf(from)
    const toLabel = labelOf(to)
    if (fromLabel && toLabel && !same(fromLabel, toLabel)) {
      labelOps.push({
        kind: 'rename-label',
        from: fromLabel,
        to: toLabel,
        ifDescription: settings.labelStyle(from).description,
        ...settings.labelStyle(to)
      })
      known.add(toLabel.toLowerCase())
    }
  }

  const updates: Op[] = []
  const creates: Op[] = []
  const edits: GoalEdit[] = []
  const records = new Map<number, LedgerEntry>()

  doc.goals.forEach((g, a) => {
    const issue = match.issueOf[a]
    const key = keyOfGoal(doc, a)
    const catLabel = labelOf(g.category)
    if (!issue) {
      need(settings.label)
      need(catLabel)
      const marker: Marker = {
        file: settings.path,
        category: g.category,
        title: identityTitle(g.title),
        n: g.occurrence,
        synced: 'open',
        removed: false
      }
      const created = settings.nonce !== undefined ? { ...marker, nonce: settings.nonce } : marker
      creates.push({
        kind: 'create-issue',
        goal: key,
        line: g.line + 1,
        title: issueTitle(g.title),
        body: body(created),
        record: entryOf(marker),
        labels: wantedLabels([], settings.label, null, catLabel),
        assignees: settings.assignees,
        close: g.checked ? { body: body({ ...created, synced: 'closed' }) } : null
      })
      return
    }

    const m = issue.marker
    const next: Marker = { ...m, file: settings.path, category: g.category, removed: false }
    const patch: Extract<Op, { kind: 'update-issue' }> = {
      kind: 'update-issue',
      number: issue.number,
      why: '',
      effect: 'updated'
    }
    const why: string[] = []

    // Box: which side wins.
    const fileClosed = g.checked
    const issueClosed = issue.state === 'closed'
    const b = match.beforeGoal[a]
    // Only a box this push visibly flipped overrides the other side; a moved or re-worded goal is settled like any other.
    const changedInPush =
      before !== null && b !== null && b !== undefined && before.doc.goals[b]!.checked !== g.checked
    let boxWinner: 'file' | 'issue' | null = null
    if (m.removed) boxWinner = 'file'
    else if (fileClosed !== issueClosed) {
      if (changedInPush || settings.conflict === 'file') boxWinner = 'file'
      else if (settings.conflict === 'issues') boxWinner = 'issue'
      else boxWinner = (fileClosed ? 'closed' : 'open') !== m.synced ? 'file' : 'issue'
    }
    if (boxWinner === 'file') {
      next.synced = fileClosed ? 'closed' : 'open'
      if (fileClosed !== issueClosed || (m.removed && issue.stateReason === 'not_planned')) {
        if (fileClosed) {
          patch.state = 'closed'
          patch.stateReason = 'completed'
          patch.effect = 'closed'
          why.push(m.removed ? 'goal is back, ticked' : 'ticked in the file')
        } else {
          patch.state = 'open'
          patch.effect = 'reopened'
          why.push(m.removed ? 'goal is back in the file' : 'unticked in the file')
        }
      } else {
        // The file wins with both sides agreeing only for a goal that is back.
        why.push('goal is back in the file')
      }
    } else if (boxWinner === 'issue') {
      edits.push({
        key,
        issue: issue.number,
        marker: m,
        checked: issueClosed,
        why: issueClosed ? 'issue closed' : 'issue reopened'
      })
    } else {
      next.synced = fileClosed ? 'closed' : 'open'
    }

    // Title: the file's text unless only the issue's title changed since the last sync.
    const fileRetitled = identityTitle(g.title) !== m.title
    const issueRetitled = issue.title !== issueTitle(m.title)
    const issueWinsTitle =
      settings.syncTitles &&
      issueRetitled &&
      settings.conflict !== 'file' &&
      (!fileRetitled || settings.conflict === 'issues')
    if (issueWinsTitle) {
      if (issue.title.trim() !== '' && issue.title !== g.title) {
        edits.push({
          key,
          issue: issue.number,
          marker: m,
          title: issue.title,
          why: 'issue retitled'
        })
      }
    } else {
      next.title = identityTitle(g.title)
      next.n = g.occurrence
      if (issue.title !== issueTitle(g.title)) {
        patch.title = issueTitle(g.title)
        why.push('goal text edited')
      }
    }

    // Category: swap the category label.
    const fromLabel = labelOf(m.category)
    const labels = wantedLabels(issue.labels, settings.label, fromLabel, catLabel)
    if (!sameLabels(labels, issue.labels)) {
      patch.labels = labels
      if (m.category !== null && renames.get(m.category) === g.category)
        patch.labelsNow = [...issue.labels]
      need(catLabel)
      if (m.category !== g.category)
        why.push(`moved to ${g.category === null ? 'no category' : `"${g.category}"`}`)
      else why.push('labels restored')
    }

    // The ledger records the synced state; the body (a hint for people) is only rewritten along
    // with a write that happens anyway, so recording a sync costs no issue write.
    const changed = !sameMarker(next, m)
    if (patch.title !== undefined || patch.labels || patch.state) {
      if (changed) {
        patch.body = withTheirs(issue.body, body(next))
        patch.record = entryOf(next)
      }
      patch.why = why.join(', ')
      updates.push(patch)
    } else if (changed) {
      records.set(issue.number, entryOf(next))
    }
  })

  const removals: Op[] = []
  for (const issue of match.orphans) {
    if (issue.marker.removed) continue
    const marker = { ...issue.marker, removed: true }
    if (issue.state === 'open') {
      removals.push({
        kind: 'update-issue',
        number: issue.number,
        why: 'goal removed from the file',
        effect: 'closed',
        state: 'closed',
        stateReason: 'not_planned',
        body: withTheirs(issue.body, body(marker)),
        record: entryOf(marker),
        comment: removalComment(settings.path)
      })
    } else {
      // Closed already: only the ledger needs to know, so that the goal's return reopens it.
      records.set(issue.number, entryOf(marker))
    }
  }
  for (const dup of match.duplicates) {
    if (dup.marker.removed) continue
    const keep = match.issueOf.find(
      i =>
        i &&
        i.marker.title === dup.marker.title &&
        i.marker.category === dup.marker.category &&
        i.marker.n === dup.marker.n
    )
    const marker = { ...dup.marker, removed: true }
    // Retired: it stays in the ledger so that it is never mistaken for anyone's, but drives nothing.
    if (dup.state === 'closed') {
      records.set(dup.number, entryOf(marker, true))
      continue
    }
    removals.push({
      kind: 'update-issue',
      number: dup.number,
      why: 'duplicate issue for one goal',
      effect: 'closed',
      state: 'closed',
      stateReason: 'not_planned',
      body: withTheirs(dup.body, body(marker)),
      record: entryOf(marker, true),
      ...(keep ? { comment: duplicateComment(keep.number) } : {})
    })
  }

  for (const name of needed) {
    const isCommon = same(name, settings.label)
    const category = isCommon
      ? null
      : (doc.categories.find(c => same(labelOf(c.name) ?? '', name))?.name ?? name)
    labelOps.push({ kind: 'create-label', name, ...settings.labelStyle(category) })
  }

  // Labels first (issues need them), then existing issues, removals, and new issues last.
  return {
    doc,
    ops: [...labelOps, ...updates, ...removals, ...creates],
    edits,
    records,
    renames,
    warnings
  }
}

/** A category renamed as a whole: every goal that was in `from` is now in `to`, and nothing else uses either. */
function categoryRenames(
  doc: GoalsDoc,
  issueOf: readonly (TrackedIssue | null)[]
): Map<string, string> {
  const moves = new Map<string, Set<string | null>>()
  doc.goals.forEach((g, a) => {
    const from = issueOf[a]?.marker.category
    // A goal that stayed keeps `from` in the file, which rules the rename out below.
    if (from === null || from === undefined || from === g.category) return
    const set = moves.get(from) ?? new Set()
    set.add(g.category)
    moves.set(from, set)
  })
  const inFile = new Set(doc.goals.map(g => g.category))
  const alreadyTracked = new Set(
    issueOf.flatMap(i => (i && i.marker.category !== null ? [i.marker.category] : []))
  )
  const renames = new Map<string, string>()
  for (const [from, targets] of moves) {
    if (targets.size !== 1 || inFile.has(from)) continue
    const to = [...targets][0]
    if (
      to === null ||
      to === undefined ||
      alreadyTracked.has(to) ||
      [...renames.values()].includes(to)
    )
      continue
    renames.set(from, to)
  }
  return renames
}
