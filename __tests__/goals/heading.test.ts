// ATX headings and counters, character by character: what reads as a heading,
// where its text ends, and which bracketed numbers are a counter.
import { describe, expect, it } from 'vitest'
import { parseGoals } from '../../src/goals/parse.ts'
import { md } from './support.ts'

const heading = (line: string, level = 2) =>
  parseGoals(md(line, '- [ ] a'), { categoryLevel: level }).categories[0]

describe('ATX headings', () => {
  it('take one to six hashes followed by a space, a tab or the end of the line', () => {
    expect(heading('###### Six', 6)?.name).toBe('Six')
    expect(heading('####### Seven', 6)).toBeUndefined()
    expect(heading('#######', 6)).toBeUndefined()
    expect(heading('##\tTabbed')?.name).toBe('Tabbed')
    expect(heading('##')?.name).toBe('')
    expect(heading('##hashtag')).toBeUndefined()
    // Seven hashes are paragraph text: with the line above they make a setext heading, no goal.
    expect(parseGoals(md('[ ] a', '####### Seven', '---')).total).toBe(0)
    expect(parseGoals(md('[ ] a', '###### Six', '---')).total).toBe(1)
  })

  it('lose a closing run of hashes only after white space', () => {
    expect(heading('## C#')?.name).toBe('C#')
    expect(heading('## A ##   ')?.name).toBe('A')
    expect(heading('## #')?.name).toBe('')
    expect(heading('## A\t#')?.name).toBe('A')
    expect(heading('## A ## [1/1]')?.name).toBe('A ##')
  })
})

describe('counters', () => {
  it('are exactly [digits/digits]', () => {
    for (const text of ['[/3]', '[3/]', '[3-4]', '[3/4', '[3/4)', '(3/4]', '[ 3/4]', '[3/4 ]']) {
      expect(heading(`## A ${text}`)?.heading.counter, text).toBeNull()
      expect(heading(`## A ${text}`)?.name, text).toBe(`A ${text}`)
      const own = parseGoals(md('## A', text, '- [ ] a')).categories[0]?.heading.counter
      expect(own, text).toBeNull()
    }
    expect(heading('## A [0/0]')?.heading.counter).toMatchObject({
      done: 0,
      total: 0,
      start: 5,
      end: 10
    })
    expect(heading('## A [105/2000]')?.heading.counter).toMatchObject({ done: 105, total: 2000 })
  })

  it('need white space before them, and only decoration after them', () => {
    expect(heading('## A[1/2]')?.heading.counter).toBeNull()
    expect(heading('## A [1/2]x')?.heading.counter).toBeNull()
    expect(heading('## A [1/2] 2')?.heading.counter).toBeNull()
    expect(heading('## A [1/2] [note] 🔴')?.heading.counter).toBeNull()
    const c = heading('## A [1/2] [3/4] 🔴 ##')
    expect(c?.name).toBe('A [1/2]')
    expect(c?.heading.counter).toMatchObject({ done: 3, total: 4, start: 11, end: 16 })
    expect(heading('## A [1/2] — !')?.heading).toMatchObject({ name: 'A', insertAt: 4 })
  })

  it('alone on a line may have white space around them, nothing else', () => {
    const own = (line: string) =>
      parseGoals(md('## A', line, '- [ ] a')).categories[0]?.heading.counter
    expect(own('  [2/3]\t')).toMatchObject({ done: 2, total: 3, start: 2, end: 7, ownLine: true })
    expect(own('[2/3] 🔴')).toBeNull()
    expect(own('x [2/3]')).toBeNull()
  })
})
