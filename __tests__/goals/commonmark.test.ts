// Block structure as CommonMark/GFM (and so GitHub) reads it, case by case,
// with every expected value written out by hand.
import { describe, expect, it } from 'vitest'
import { fixCounters } from '../../src/goals/edit.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { md } from './support.ts'

const titles = (source: string, level = 2) =>
  parseGoals(source, { categoryLevel: level }).goals.map(g => g.title)

describe('fences and indented code', () => {
  it('a fence indented four spaces outside a list item is indented code, not a fence', () => {
    const doc = parseGoals(md('## A', '', '    ```', '', '- [ ] real goal'))
    expect(doc.categories.map(c => [c.name, c.done, c.total])).toEqual([['A', 0, 1]])
  })

  it('keeps all four goals of a cheat sheet under an indented code sample', () => {
    const source = md(
      '## Heading 2',
      '',
      '    ```js',
      '    let a = 1',
      '',
      '- [ ] a',
      '- [x] b',
      '- [ ] c',
      '- [ ] d'
    )
    expect(titles(source)).toEqual(['a', 'b', 'c', 'd'])
  })

  it('an indented marker does not close a real fence', () => {
    expect(titles(md('```', '    ```', '- [ ] hidden', '```', '- [ ] shown'))).toEqual(['shown'])
  })

  it('a fence opens with up to three spaces and closes with at least as many of its character', () => {
    expect(titles(md('   ~~~~', '- [ ] a', '~~~', '- [ ] b', '   ~~~~~', '- [ ] c'))).toEqual(['c'])
  })

  it('a fence inside a list item or a block quote ends with it', () => {
    expect(titles(md('- item', '  ```', '  - [ ] hidden', '- [ ] shown'))).toEqual(['shown'])
    expect(titles(md('> ```', '> - [ ] hidden', '- [ ] shown'))).toEqual(['shown'])
  })

  it('an indented line after a blank is code; right under paragraph text it continues the paragraph', () => {
    expect(titles(md('## A', '', '    [ ] code'))).toEqual([])
    expect(titles(md('[ ] a', '    [ ] b'))).toEqual(['a', 'b'])
  })

  it('tabs count to the next multiple of four', () => {
    expect(titles(md('\t[ ] code'))).toEqual([])
    const doc = parseGoals(md('-\t[ ] tab', '\t- [ ] child', '', '\t[ ] in the item'))
    expect(doc.goals.map(g => [g.title, g.parent])).toEqual([
      ['tab', null],
      ['child', 0],
      ['in the item', 0]
    ])
  })
})

describe('list items', () => {
  it('numbers of ten or more push the content column right', () => {
    const nested = parseGoals(md('10. [ ] ten', '    - [ ] under ten'))
    expect(nested.goals.map(g => g.parent)).toEqual([null, 0])
    const sibling = parseGoals(md('10. [ ] ten', '   - [ ] beside ten'))
    expect(sibling.goals.map(g => g.parent)).toEqual([null, null])
    expect(titles(md('1234567890. [ ] ten digits are no list marker'))).toEqual([])
  })

  it('a lazy continuation line keeps the item open', () => {
    const doc = parseGoals(md('- [ ] parent', 'continued lazily', '  - [ ] child'))
    expect(doc.goals.map(g => [g.title, g.parent])).toEqual([
      ['parent', null],
      ['child', 0]
    ])
  })

  it('only an item starting at 1 may interrupt a paragraph', () => {
    expect(titles(md('text', '2. [ ] not an item', '1. [ ] an item'))).toEqual(['an item'])
  })
})

describe('HTML, setext headings, tables, block quotes, definitions', () => {
  it('an HTML block runs to its end condition', () => {
    expect(titles(md('<details>', '- [ ] hidden', '</details>', '', '- [ ] shown'))).toEqual([
      'shown'
    ])
    expect(titles(md('<details>', '', '- [ ] shown', '', '</details>'))).toEqual(['shown'])
    expect(titles(md('<pre>', '[ ] hidden', '', '[ ] hidden too', '</pre>', '[ ] shown'))).toEqual([
      'shown'
    ])
    expect(titles(md('<!-- a', '- [ ] hidden', '-->', '[ ] shown'))).toEqual(['shown'])
  })

  it('a lone tag cannot interrupt a paragraph, so the lines go on being goals', () => {
    expect(titles(md('[ ] a', '<span>', '[ ] b'))).toEqual(['a', 'b'])
    expect(titles(md('', '<span>', '[ ] hidden'))).toEqual([])
  })

  it('paragraph text under a setext underline is a heading, not goals; a blank line before --- makes a break', () => {
    expect(titles(md('[ ] not a goal', '[ ] nor this', '---'))).toEqual([])
    expect(titles(md('[ ] goal', '', '---'))).toEqual(['goal'])
    const doc = parseGoals(md('## A', '[x] a', '==='))
    expect(doc.categories.map(c => [c.name, c.total])).toEqual([['A', 0]])
    expect(doc.done).toBe(0)
  })

  it('table rows are not goals, down to the first blank line', () => {
    expect(titles(md('a | b', '--- | ---', '[ ] row', '', '[ ] goal'))).toEqual(['goal'])
    expect(titles(md('[ ] head | x', '--- | ---'))).toEqual([])
    expect(titles(md('[ ] not a table | x', '--- | --- | ---'))).toEqual(['not a table | x'])
  })

  it('nothing in a block quote is a goal or a category', () => {
    const doc = parseGoals(md('> - [ ] quoted', '> ## Not a category', '- [ ] real'))
    expect(doc.categories).toEqual([])
    expect(doc.goals.map(g => g.title)).toEqual(['real'])
  })

  it('a link reference definition is not a goal', () => {
    expect(titles(md('[x]: https://example.com', '', '[x] real'))).toEqual(['real'])
  })
})

describe('counters with decoration', () => {
  it('are read with emoji, symbols and closing hashes after them, and kept out of the name', () => {
    const doc = parseGoals(
      md('## Items Domain [0/3] 🔴', '- [x] a', '## Done [1/1] ✅ ##', '- [x] b')
    )
    expect(
      doc.categories.map(c => [c.name, c.heading.counter?.done, c.heading.counter?.total])
    ).toEqual([
      ['Items Domain', 0, 3],
      ['Done', 1, 1]
    ])
  })

  it('are rewritten in place, decoration kept, never appended a second time', () => {
    expect(fixCounters(md('## Items Domain [0/3] 🔴', '- [x] a'))).toBe(
      md('## Items Domain [1/1] 🔴', '- [x] a')
    )
    expect(fixCounters(md('## B [0/3] 🚧 !! ', '- [ ] a'))).toBe(md('## B [0/1] 🚧 !! ', '- [ ] a'))
  })

  it('with words after them are text, and the heading gets a counter at its end', () => {
    const doc = parseGoals(md('## Sprint [1/2] planning', '- [x] a'))
    expect(doc.categories[0]?.name).toBe('Sprint [1/2] planning')
    expect(fixCounters(md('## Sprint [1/2] planning', '- [x] a'))).toBe(
      md('## Sprint [1/2] planning [1/1]', '- [x] a')
    )
  })

  it('own-line counters of several digits are read and rewritten', () => {
    const doc = parseGoals(md('## A', '', '[12/34]', '- [x] a'))
    expect(doc.categories[0]?.heading.counter).toMatchObject({
      done: 12,
      total: 34,
      line: 2,
      ownLine: true
    })
    expect(fixCounters(md('## A', '', '[12/34]', '- [x] a'))).toBe(
      md('## A', '', '[1/1]', '- [x] a')
    )
  })

  it('under heading-level 3 a ## counter is neither a category nor the whole-file counter', () => {
    const source = md('# Goals [0/0]', '## Part [7/9]', '### A', '- [x] a', '- [ ] b')
    expect(fixCounters(source, { categoryLevel: 3 })).toBe(
      md('# Goals [1/2]', '## Part [7/9]', '### A [1/2]', '- [x] a', '- [ ] b')
    )
  })

  it('a whole-file counter whose done count alone is stale is rewritten', () => {
    expect(fixCounters(md('# Goals [0/1]', '## A [1/1]', '- [x] a'))).toBe(
      md('# Goals [1/1]', '## A [1/1]', '- [x] a')
    )
  })
})
