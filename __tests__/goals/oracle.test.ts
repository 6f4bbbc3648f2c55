// The engine against a reference CommonMark/GFM parser, on generated Markdown:
// the goals it finds, line for line, and the category headings, must be the
// ones micromark finds (after the documented departures). Failing inputs found
// here are kept in fixtures/oracle/ and replayed below.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fixCounters } from '../../src/goals/edit.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { markdownDoc } from './markdown-grammar.ts'
import { referenceRead } from './reference.ts'
import { fixturesDir, propertyRuns } from './support.ts'

function engineRead(source: string, level = 2) {
  const doc = parseGoals(source, { categoryLevel: level })
  return {
    goals: new Map(doc.goals.map(g => [g.line, g.checked])),
    categories: doc.categories.map(c => c.heading.line)
  }
}

function expectSameReading(source: string): void {
  const ours = engineRead(source)
  const ref = referenceRead(source)
  const sorted = (m: Map<number, boolean>) => [...m].sort((a, b) => a[0] - b[0])
  expect(sorted(ours.goals), source).toEqual(sorted(ref.goals))
  const refCategories = [...ref.headings].filter(([, level]) => level === 2).map(([line]) => line)
  expect(ours.categories, source).toEqual(refCategories.sort((a, b) => a - b))
}

const oracleDir = join(fixturesDir, 'oracle')
const kept = readdirSync(oracleDir).filter(n => n.endsWith('.md'))

describe('the engine reads what a CommonMark/GFM parser reads', () => {
  it.each(kept)('kept failing case %s', name => {
    expectSameReading(readFileSync(join(oracleDir, name), 'utf8'))
  })

  it('on generated Markdown: the same goals, line for line, and the same category headings', () => {
    fc.assert(
      fc.property(markdownDoc, source => expectSameReading(source)),
      { numRuns: propertyRuns(400) }
    )
  })

  it('after fix, every category counter equals the reference count of its goals', () => {
    fc.assert(
      fc.property(markdownDoc, source => {
        const ref = referenceRead(source)
        const fixed = fixCounters(source)
        const lines = fixed.split('\n')
        const headings = [...ref.headings].sort((a, b) => a[0] - b[0])
        const goals = [...ref.goals]
        headings.forEach(([line, level], k) => {
          if (level !== 2) return
          const next = headings.slice(k + 1).find(([, l]) => l <= 2)
          const mine = goals.filter(([g]) => g > line && (next === undefined || g < next[0]))
          const expected = `[${mine.filter(([, c]) => c).length}/${mine.length}]`
          const text = lines[line] as string
          const counters = text.match(/\[\d+\/\d+\]/g) ?? []
          const originalCounters = (source.split('\n')[line] as string).match(/\[\d+\/\d+\]/g) ?? []
          if (mine.length === 0 && originalCounters.length === counters.length) return
          expect(counters.at(-1), `${text}\n---\n${source}`).toBe(expected)
        })
      }),
      { numRuns: propertyRuns(300) }
    )
  })
})
