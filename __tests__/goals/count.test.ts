// countGoals is parseGoals without holding the goals (what `check` uses on
// large files): it must count exactly what the full reading finds.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { staleCounters } from '../../src/goals/edit.ts'
import type { GoalsDoc } from '../../src/goals/model.ts'
import { countGoals, parseGoals, tallyGoals } from '../../src/goals/parse.ts'
import { markdownDoc } from './markdown-grammar.ts'
import { docSummary, md, propertyRuns } from './support.ts'

const summary = (doc: GoalsDoc) => docSummary(doc)

describe('countGoals', () => {
  it('counts a setext heading and a table taken back after earlier paragraphs were let go', () => {
    const text = md(
      '## A [0/0]',
      '[x] one',
      '',
      '[ ] two',
      '[x] becomes a heading',
      '---',
      '',
      '[ ] a | b',
      '--- | ---',
      '',
      '- [x] three',
      '  [x] three'
    )
    const doc = countGoals(text)
    expect([doc.done, doc.total]).toEqual([3, 3])
    expect(doc.goals).toEqual([])
    expect(doc.categories.map(c => [c.name, c.done, c.total, c.goals])).toEqual([['A', 3, 3, []]])
    expect(doc.warnings.map(w => [w.line, w.message])).toEqual([
      [12, 'duplicate goal "three" in "A": told apart by order']
    ])
    expect(staleCounters(doc)).toEqual([{ line: 1, name: 'A', found: '[0/0]', expected: '[3/3]' }])
  })

  it('reads generated Markdown as parseGoals does, goals aside', () => {
    fc.assert(
      fc.property(markdownDoc, fc.integer({ min: 1, max: 3 }), (source, level) => {
        const counted = countGoals(source, { categoryLevel: level })
        expect(counted.goals).toEqual([])
        for (const c of counted.categories) expect(c.goals).toEqual([])
        expect(summary(counted)).toEqual(summary(parseGoals(source, { categoryLevel: level })))
      })
    )
  })

  it('reads as parseGoals does after hundreds of goals were let go in batches', () => {
    // Goals are let go 256 at a time: a prefix of 300 separate paragraphs makes the
    // generated part's take-backs (setext, tables) and nesting meet a non-empty past.
    const prefix = Array.from(
      { length: 300 },
      (_, k) => `- [${k % 2 ? 'x' : ' '}] early ${k % 7}\n\n`
    ).join('')
    fc.assert(
      fc.property(markdownDoc, fc.integer({ min: 1, max: 3 }), (doc, level) => {
        const source = `${prefix}${doc}`
        const counted = countGoals(source, { categoryLevel: level })
        expect(counted.goals).toEqual([])
        expect(summary(counted)).toEqual(summary(parseGoals(source, { categoryLevel: level })))
      }),
      { numRuns: propertyRuns(100) }
    )
  })
})

/** What tallyGoals promises: parseGoals's counts, with no goals and no duplicate warnings. */
function tallied(doc: GoalsDoc) {
  const s = summary(doc)
  return { ...s, warnings: s.warnings.filter(w => !String(w[1]).startsWith('duplicate goal')) }
}

describe('tallyGoals', () => {
  it('counts goals taken back by a setext underline and a table without holding any', () => {
    const text = md(
      '# Title [9/9]',
      '## A [0/0]',
      '[x] one',
      '',
      '[ ] two',
      '[x] becomes a heading',
      '---',
      '',
      '[ ] a | b',
      '--- | ---',
      '',
      '- [x] three',
      '  [x] three',
      '- [ ]',
      '> [x] quoted'
    )
    const doc = tallyGoals(text)
    expect([doc.done, doc.total]).toEqual([3, 3])
    expect(doc.goals).toEqual([])
    expect(doc.categories.map(c => [c.name, c.done, c.total, c.goals])).toEqual([['A', 3, 3, []]])
    expect(doc.warnings.map(w => [w.line, w.message])).toEqual([
      [14, 'task item has no text; it is not a goal']
    ])
  })

  it('reads generated Markdown as parseGoals does, goals and duplicates aside', () => {
    const prefix = Array.from(
      { length: 300 },
      (_, k) => `- [${k % 2 ? 'x' : ' '}] early ${k % 7}\n\n`
    ).join('')
    fc.assert(
      fc.property(markdownDoc, fc.integer({ min: 1, max: 3 }), fc.boolean(), (doc, level, long) => {
        const source = long ? `${prefix}${doc}` : doc
        const counted = tallyGoals(source, { categoryLevel: level })
        expect(counted.goals).toEqual([])
        for (const c of counted.categories) expect(c.goals).toEqual([])
        expect(tallied(counted)).toEqual(tallied(parseGoals(source, { categoryLevel: level })))
      }),
      { numRuns: propertyRuns(200) }
    )
  })
})
