// Acceptance on the real goals file the project was given.
import { describe, expect, it } from 'vitest'
import { applyEdits, counterEdits, fixCounters, staleCounters } from '../../src/goals/edit.ts'
import { joinLines, splitLines } from '../../src/goals/lines.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { noSeed, seed } from './support.ts'

describe.skipIf(noSeed)('the seed goals file (../shared/seed; skipped when absent)', () => {
  const source = noSeed ? '' : seed()
  const doc = parseGoals(source)

  it('round-trips untouched', () => {
    expect(joinLines(splitLines(source))).toBe(source)
    expect(applyEdits(source, [])).toBe(source)
  })

  it('has 7 categories and 27 of 74 goals done', () => {
    expect(doc.categories).toHaveLength(7)
    expect([doc.done, doc.total]).toEqual([27, 74])
    expect(doc.categories.map(c => [c.name, c.done, c.total])).toEqual([
      ['Technical Goals', 5, 16],
      ['Job Goals', 8, 20],
      ['Entrepreneurship Goals', 0, 5],
      ['Product Goals', 2, 7],
      ['People/Leadership Goals', 5, 7],
      ['Communication / Community Goals', 3, 11],
      ['Work Environment Goals', 4, 8]
    ])
  })

  it('reads both counter forms', () => {
    const last = doc.categories[6]!.heading
    expect(last.counter).toMatchObject({ done: 4, total: 8, ownLine: true, line: last.line + 1 })
    expect(doc.categories[0]!.heading.counter).toMatchObject({ done: 5, total: 16, ownLine: false })
  })

  it('keeps the TOEFL brackets and curly quotes in goal titles', () => {
    const toefl = doc.goals.find(g => g.title.includes('TOEFL'))
    expect(toefl?.title).toMatch(/\[TOEFL: 100\/120\]$/)
    expect(toefl?.category).toBe('Communication / Community Goals')
    expect(toefl?.checked).toBe(true)
    expect(doc.goals.some(g => g.title.includes('“dream job”'))).toBe(true)
  })

  it('has no warnings and no goal outside a category', () => {
    expect(doc.warnings).toEqual([])
    expect(doc.goals.every(g => g.category !== null && g.parent === null)).toBe(true)
  })

  it('has exactly one stale counter', () => {
    expect(staleCounters(doc).map(s => [s.name, s.found, s.expected])).toEqual([
      ['Communication / Community Goals', '[2/10]', '[3/11]']
    ])
    expect(counterEdits(doc)).toHaveLength(1)
  })

  it('fixing changes exactly the Communication / Community Goals line, then nothing', () => {
    const fixed = fixCounters(source)
    const before = source.split('\n')
    const after = fixed.split('\n')
    expect(after).toHaveLength(before.length)
    const changed = before.flatMap((line, i) => (line === after[i] ? [] : [[line, after[i]]]))
    expect(changed).toEqual([
      ['## Communication / Community Goals [2/10]', '## Communication / Community Goals [3/11]']
    ])
    expect(fixed.length).toBe(source.length)
    expect(fixCounters(fixed)).toBe(fixed)
    expect(staleCounters(parseGoals(fixed))).toEqual([])
  })
})
