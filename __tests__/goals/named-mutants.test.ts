// The mutants reviewers named for issue 8, one hand-written case each, so that
// each fails a fast test without relying on generated input.
import { describe, expect, it } from 'vitest'
import { fixCounters } from '../../src/goals/edit.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { referenceRead } from './reference.ts'
import { md } from './support.ts'

describe('named mutants', () => {
  it('reads an own-line counter of two or more digits, and fixes all of it', () => {
    const source = md('## A', '[12/34]', '[ ] a')
    expect(parseGoals(source).categories[0]?.heading.counter).toEqual({
      done: 12,
      total: 34,
      line: 1,
      start: 0,
      end: 7,
      ownLine: true
    })
    expect(fixCounters(source)).toBe(md('## A', '[0/1]', '[ ] a'))
  })

  it('leaves a `##` counter alone under heading level 3, and fixes the title and `###` ones', () => {
    const source = md('# T [0/0]', '## Area [5/5]', '### Sub', '- [x] one')
    expect(fixCounters(source, { categoryLevel: 3 })).toBe(
      md('# T [1/1]', '## Area [5/5]', '### Sub [1/1]', '- [x] one')
    )
  })

  it('fixes a whole-file counter whose done count alone is stale', () => {
    const source = md('# T [0/2]', '## A [1/2]', '[x] a', '[ ] b')
    expect(fixCounters(source)).toBe(md('# T [1/2]', '## A [1/2]', '[x] a', '[ ] b'))
  })

  it('reads list numbers of 10 and more', () => {
    const doc = parseGoals(
      md('## A', '10. [ ] ten', '11) [x] eleven', '123456789. [ ] nine digits')
    )
    expect(doc.goals.map(g => [g.marker, g.title, g.checked])).toEqual([
      ['10.', 'ten', false],
      ['11)', 'eleven', true],
      ['123456789.', 'nine digits', false]
    ])
  })

  it('counts a tab to the next multiple of four columns', () => {
    // Inside `- ` (content at column 2): one tab reaches column 4, a paragraph;
    // two reach column 8, indented code.
    const source = md('- [ ] a', '', '\t[ ] b', '', '\t\t[ ] code')
    expect(parseGoals(source).goals.map(g => g.title)).toEqual(['a', 'b'])
    expect([...referenceRead(source).goals.keys()]).toEqual([0, 2])
  })

  it('takes a lazy continuation line into the block quote it continues', () => {
    const quoted = md('> [ ] quoted', '[ ] lazy', '', '[ ] own')
    expect(parseGoals(quoted).goals.map(g => g.title)).toEqual(['own'])
    const item = md('- x', '[ ] lazy in the item')
    expect(parseGoals(item).goals.map(g => [g.title, g.parent])).toEqual([
      ['lazy in the item', null]
    ])
  })
})
