// Real-shaped goals files (fixtures/corpus), each with its model read by hand
// and the exact lines `fix` must change; everything else must stay byte for byte.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixCounters } from '../../src/goals/edit.ts'
import { parseGoals, tallyGoals } from '../../src/goals/parse.ts'
import { fixturesDir } from './support.ts'

interface Expected {
  categories: [name: string, done: number, total: number][]
  done: number
  total: number
  /** Goal titles with their parent's title, where the nesting is the point. */
  parents?: [title: string, parent: string | null][]
  /** Lines `fix` rewrites: [0-based line, text after]. */
  fixed: [line: number, after: string][]
}

const corpus: Record<string, Expected> = {
  'roadmap.md': {
    categories: [
      ['Phase 1: Foundations', 2, 3],
      ['Phase 2: Beta', 0, 2],
      ['Phase 3: Launch', 0, 2]
    ],
    done: 2,
    total: 7,
    fixed: [[13, '## Phase 3: Launch [0/2]']]
  },
  'template.md': {
    categories: [
      ['This Week', 1, 2],
      ['Next Week', 0, 1]
    ],
    done: 1,
    total: 3,
    fixed: [[7, '## This Week [1/2]']]
  },
  'readme-fences.md': { categories: [['Todo', 1, 2]], done: 1, total: 2, fixed: [] },
  'front-matter.md': { categories: [['Health', 1, 2]], done: 1, total: 2, fixed: [] },
  'crlf.md': {
    categories: [
      ['Work', 1, 2],
      ['Home', 1, 1]
    ],
    done: 2,
    total: 3,
    fixed: [[0, '## Work [1/2]']]
  },
  'ordered.md': {
    categories: [
      ['Steps', 1, 5],
      ['Numbers from ten', 1, 3]
    ],
    done: 2,
    total: 8,
    parents: [
      ['Post on the blog', 'Publish'],
      ['Tell the newsletter', 'Publish'],
      ['nested under the tenth', 'Tenth thing'],
      ['Eleventh thing', null]
    ],
    fixed: [
      [0, '## Steps [1/5]'],
      [8, '## Numbers from ten [1/3]']
    ]
  },
  'capital-x.md': {
    categories: [['Reading', 3, 4]],
    done: 3,
    total: 4,
    fixed: [[0, '## Reading [3/4]']]
  },
  'emoji.md': {
    categories: [
      ['🚀 Launch', 1, 2],
      ['🧪 Experiments', 1, 1]
    ],
    done: 2,
    total: 3,
    fixed: [[0, '## 🚀 Launch [1/2] 🔴']]
  },
  'nested.md': {
    categories: [['Big Project', 3, 8]],
    done: 3,
    total: 8,
    parents: [
      ['Level one', null],
      ['Level two', 'Level one'],
      ['Level three', 'Level two'],
      ['Level four', 'Level three'],
      ['Level five', 'Level four'],
      ['under a plain item', 'Level one'],
      ['Another level one', null],
      ['its child', 'Another level one']
    ],
    fixed: [[0, '## Big Project [3/8]']]
  },
  'no-categories.md': { categories: [], done: 1, total: 3, fixed: [] },
  'html-and-tables.md': {
    categories: [['Tracker', 1, 1]],
    done: 1,
    total: 1,
    fixed: [[0, '## Tracker [1/1]']]
  }
}

describe('the corpus of real-shaped files', () => {
  it.each(Object.keys(corpus))(
    '%s: the model read by hand, and fix changes exactly the counters',
    name => {
      const expected = corpus[name] as Expected
      const source = readFileSync(join(fixturesDir, 'corpus', name), 'utf8')
      const doc = parseGoals(source)
      expect(doc.categories.map(c => [c.name, c.done, c.total])).toEqual(expected.categories)
      expect([doc.done, doc.total]).toEqual([expected.done, expected.total])
      if (expected.parents) {
        const byTitle = (t: string) => doc.goals.find(g => g.title === t)
        for (const [title, parent] of expected.parents) {
          const p = byTitle(title)?.parent
          expect(p === null || p === undefined ? null : doc.goals[p]?.title, title).toBe(parent)
        }
      }
      const eol = source.includes('\r\n') ? '\r\n' : '\n'
      const lines = source.split(eol)
      for (const [line, after] of expected.fixed) lines[line] = after
      const fixed = fixCounters(source)
      expect(fixed).toBe(lines.join(eol))
      expect(fixCounters(fixed)).toBe(fixed)
    }
  )

  it.each(Object.keys(corpus))(
    '%s: tallyGoals counts what parseGoals reads, holding no goal',
    name => {
      const source = readFileSync(join(fixturesDir, 'corpus', name), 'utf8')
      const parsed = parseGoals(source)
      const tallied = tallyGoals(source)
      const counts = (doc: typeof parsed) => ({
        done: doc.done,
        total: doc.total,
        titles: doc.titles,
        categories: doc.categories.map(c => [c.name, c.done, c.total, c.heading])
      })
      expect(counts(tallied)).toEqual(counts(parsed))
      expect(tallied.goals).toEqual([])
      expect(tallied.categories.flatMap(c => c.goals)).toEqual([])
      expect(parsed.goals.length).toBe(parsed.total)
    }
  )

  it('holds at least ten files, each with an expectation', () => {
    const files = readdirOf(join(fixturesDir, 'corpus'))
    expect(files.length).toBeGreaterThanOrEqual(10)
    expect(files.sort()).toEqual(Object.keys(corpus).sort())
  })
})

function readdirOf(dir: string): string[] {
  return readdirSync(dir).filter(n => n.endsWith('.md'))
}
