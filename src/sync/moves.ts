// A goal moved from one goals file to another (`path` naming several files)
// keeps its issue, as a goal moved between categories does. Before the files
// are planned, an issue whose goal left its file is handed to the file that
// gained a goal of that title which has no issue. Only unique pairs count: when
// two files (or two issues) could take part, nothing is paired, and the old
// issue is closed as removed while the new goal gets an issue of its own.
import type { GoalsDoc } from '../goals/model.ts'
import type { LedgerEntry } from './ledger.ts'
import { identityTitle } from './text.ts'

/** Where a moved goal's issue goes: its new file (the plan settles the category there). */
export interface Move {
  from: string
  to: string
}

interface Orphan {
  file: string
  category: string | null
  title: string
}

export function movesBetweenFiles(
  issues: ReadonlyMap<number, LedgerEntry>,
  docs: ReadonlyMap<string, GoalsDoc>
): Map<number, Move> {
  const titlesOf = (file: string) => (docs.get(file)?.goals ?? []).map(g => identityTitle(g.title))
  const live = [...issues].filter(([, e]) => !e.retired && !e.removed && docs.has(e.file))
  const tracked = new Set(live.map(([, e]) => `${e.file}\n${e.title}`))

  // Goals with no issue of their file for their title, and issues whose title left their file.
  const orphans: Orphan[] = []
  for (const [file, doc] of docs) {
    for (const g of doc.goals) {
      const title = identityTitle(g.title)
      if (!tracked.has(`${file}\n${title}`)) orphans.push({ file, category: g.category, title })
    }
  }
  const gone = live.filter(([, e]) => !titlesOf(e.file).includes(e.title))

  const wanted = new Map<number, Orphan>()
  for (const [n, entry] of gone) {
    const elsewhere = orphans.filter(o => o.file !== entry.file && o.title === entry.title)
    const sameCategory = elsewhere.filter(o => o.category === entry.category)
    const pick = sameCategory.length === 1 ? sameCategory : elsewhere
    if (pick.length === 1) wanted.set(n, pick[0] as Orphan)
  }
  // A goal two issues could claim goes to neither.
  const moves = new Map<number, Move>()
  for (const [n, orphan] of wanted) {
    const rivals = [...wanted.values()].filter(o => o === orphan).length
    if (rivals === 1) moves.set(n, { from: (issues.get(n) as LedgerEntry).file, to: orphan.file })
  }
  return moves
}
