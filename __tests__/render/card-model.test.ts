// Which rows the card gets from a goals file.
import { describe, expect, it } from 'vitest'
import { parseGoals } from '../../src/goals/parse.ts'
import { cardModelOf } from '../../src/render/card-model.ts'

describe('cardModelOf', () => {
  it('gives goals above the first category a first row, then the categories in file order', () => {
    const doc = parseGoals(
      [
        '# Goals',
        '[x] loose one',
        '[ ] loose two',
        '## Work [9/9]',
        '[x] ship',
        '## Empty',
        '## Life',
        '[ ] rest',
        '[x] read',
        ''
      ].join('\n')
    )
    expect(cardModelOf([{ title: null, doc }])).toEqual({
      sections: [
        {
          title: null,
          categories: [
            { name: '(no category)', done: 1, total: 2 },
            { name: 'Work', done: 1, total: 1 },
            { name: 'Empty', done: 0, total: 0 },
            { name: 'Life', done: 1, total: 2 }
          ]
        }
      ]
    })
  })

  it('makes one titled section per file', () => {
    const a = parseGoals('## A\n[x] one\n')
    const b = parseGoals('## B\n[ ] two\n')
    const model = cardModelOf([
      { title: 'goals/a.md', doc: a },
      { title: 'goals/b.md', doc: b }
    ])
    expect(model.sections.map(s => [s.title, s.categories])).toEqual([
      ['goals/a.md', [{ name: 'A', done: 1, total: 1 }]],
      ['goals/b.md', [{ name: 'B', done: 0, total: 1 }]]
    ])
  })
})
