// Pairs the goals of the file with the issues the action made for them.
// Identity comes from the markers (category, title, occurrence), never from an
// issue number in the file. In order: what the push itself says (unchanged
// lines keep their issue, edited lines are paired inside their hunk), then the
// exact key, then the same title elsewhere (a move), then similar text.
// Every step is near-linear in the number of goals and issues, so a file of
// thousands of edited goals costs no more than a moment (see bench-hostile).
import type { GoalsDoc } from '../goals/model.ts'
import { pairLines, similarPairs } from './diff.ts'
import { goalKey } from './marker.ts'
import { identityTitle } from './text.ts'
import type { TrackedIssue } from './tracked-issue.ts'

export type MatchVia = 'push' | 'key' | 'title' | 'similar'

export interface BeforeFile {
  doc: GoalsDoc
  lines: string[]
}

export interface MatchResult {
  /** For each goal of the file (by index), its issue or null. */
  issueOf: (TrackedIssue | null)[]
  via: (MatchVia | null)[]
  /** For each goal, the goal of the push's before version it continues, if any. */
  beforeGoal: (number | null)[]
  /** Issues whose goal is no longer in the file. */
  orphans: TrackedIssue[]
  /** Extra issues that claim a goal another issue already holds. */
  duplicates: TrackedIssue[]
}

/** Below this, two titles are different goals. */
export const SIMILAR_ENOUGH = 0.6

export function keyOfGoal(doc: GoalsDoc, index: number): string {
  const g = doc.goals[index]!
  return goalKey(g.category, identityTitle(g.title), g.occurrence)
}

export function keyOfIssue(issue: TrackedIssue): string {
  return goalKey(issue.marker.category, issue.marker.title, issue.marker.n)
}

/** One issue per key: an open, not-removed one first, then the lowest number. */
function primaryByKey(issues: readonly TrackedIssue[]) {
  const byKey = new Map<string, TrackedIssue>()
  const duplicates: TrackedIssue[] = []
  const rank = (i: TrackedIssue) => (i.marker.removed ? 2 : 0) + (i.state === 'open' ? 0 : 1)
  const sorted = [...issues].sort((a, b) => rank(a) - rank(b) || a.number - b.number)
  for (const issue of sorted) {
    const key = keyOfIssue(issue)
    if (byKey.has(key)) duplicates.push(issue)
    else byKey.set(key, issue)
  }
  return { byKey, duplicates }
}

export function matchGoals(
  doc: GoalsDoc,
  lines: readonly string[],
  issues: readonly TrackedIssue[],
  before: BeforeFile | null
): MatchResult {
  const { byKey, duplicates } = primaryByKey(issues)
  const issueOf: (TrackedIssue | null)[] = doc.goals.map(() => null)
  const via: (MatchVia | null)[] = doc.goals.map(() => null)
  const claimed = new Set<number>()
  const claim = (goal: number, issue: TrackedIssue, how: MatchVia) => {
    issueOf[goal] = issue
    via[goal] = how
    claimed.add(issue.number)
  }

  const beforeGoal = before ? pairWithBefore(doc, lines, before) : doc.goals.map(() => null)
  if (before) {
    doc.goals.forEach((_, a) => {
      const b = beforeGoal[a]
      if (b === null || b === undefined) return
      // Pairs are one to one and keys unique, so no issue can be claimed twice here.
      const issue = byKey.get(keyOfGoal(before.doc, b))
      if (issue) claim(a, issue, 'push')
    })
  }

  doc.goals.forEach((_, a) => {
    if (issueOf[a]) return
    const issue = byKey.get(keyOfGoal(doc, a))
    if (issue && !claimed.has(issue.number)) claim(a, issue, 'key')
  })

  const free = () => [...byKey.values()].filter(i => !claimed.has(i.number))
  // A goal moved to another category keeps its title.
  const byTitle = new Map<string, TrackedIssue[]>()
  for (const issue of byKey.values()) {
    const list = byTitle.get(issue.marker.title) ?? []
    list.push(issue)
    byTitle.set(issue.marker.title, list)
  }
  doc.goals.forEach((g, a) => {
    if (issueOf[a]) return
    const candidates = (byTitle.get(identityTitle(g.title)) ?? []).filter(
      i => !claimed.has(i.number)
    )
    const best = candidates.find(i => i.marker.n === g.occurrence) ?? candidates[0]
    if (best) claim(a, best, 'title')
  })

  // Edited text outside a push (or an edit the push could not pair): closest title wins.
  const unmatched = doc.goals.flatMap((g, a) =>
    issueOf[a] ? [] : [{ goal: a, title: g.title, category: g.category }]
  )
  const open = free().filter(i => !i.marker.removed)
  const scored = similarPairs(
    unmatched.map(u => u.title),
    open.map(i => i.marker.title),
    SIMILAR_ENOUGH
  ).map(p => {
    const u = unmatched[p.a]!
    const issue = open[p.b]!
    return {
      goal: u.goal,
      issue,
      score: p.score + (issue.marker.category === u.category ? 0.01 : 0)
    }
  })
  scored.sort((x, y) => y.score - x.score || x.issue.number - y.issue.number || x.goal - y.goal)
  for (const s of scored) {
    if (!issueOf[s.goal] && !claimed.has(s.issue.number)) claim(s.goal, s.issue, 'similar')
  }

  return { issueOf, via, beforeGoal, orphans: free(), duplicates }
}

/** For each goal of the file, the before-version goal on the same (or the paired edited) line. */
function pairWithBefore(
  doc: GoalsDoc,
  lines: readonly string[],
  before: BeforeFile
): (number | null)[] {
  const goalAtBefore = new Map(before.doc.goals.map((g, i) => [g.line, i]))
  const goalAtAfter = new Map(doc.goals.map((g, i) => [g.line, i]))
  const result: (number | null)[] = doc.goals.map(() => null)
  const pairing = pairLines(before.lines, lines)
  for (const [b, a] of pairing.same) {
    const gb = goalAtBefore.get(b)
    const ga = goalAtAfter.get(a)
    if (gb !== undefined && ga !== undefined) result[ga] = gb
  }
  for (const hunk of pairing.hunks) {
    const removed = hunk.removed.flatMap(l => (goalAtBefore.has(l) ? [goalAtBefore.get(l)!] : []))
    const added = hunk.added.flatMap(l => (goalAtAfter.has(l) ? [goalAtAfter.get(l)!] : []))
    for (let k = 0; k < Math.min(removed.length, added.length); k++) {
      result[added[k]!] = removed[k]!
    }
  }
  return result
}
