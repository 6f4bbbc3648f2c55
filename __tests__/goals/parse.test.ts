// One test (or a few) per rule of SPEC §2, on small documents written for the purpose.
import { describe, expect, it } from 'vitest'
import type { GoalsDoc } from '../../src/goals/model.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { fixture, md } from './support.ts'

const titles = (doc: GoalsDoc) => doc.goals.map(g => g.title)
const names = (doc: GoalsDoc) => doc.categories.map(c => c.name)

describe('categories', () => {
  it('are ATX headings of level 2 by default, named by their trimmed text', () => {
    const doc = parseGoals(
      md('#   Title', '##   Reading   ', '### Sub part', '## Cooking', '#### deep')
    )
    expect(names(doc)).toEqual(['Reading', 'Cooking'])
    expect(doc.categories[0]?.heading.line).toBe(1)
    expect(doc.categories[0]?.heading.level).toBe(2)
  })

  it('drop the counter and closing hashes from the name', () => {
    const doc = parseGoals(
      md('## Reading  [1/2]', '## Cooking ##', '## Knitting [0/1] ##', '##\tTabs\t[3/3]\t')
    )
    expect(names(doc)).toEqual(['Reading', 'Cooking', 'Knitting', 'Tabs'])
  })

  it('accept up to three spaces before the hashes, not four, and need a space after them', () => {
    const doc = parseGoals(
      md('   ## Indented', '    ## Code, not a heading', '##NoSpace', '## Real')
    )
    expect(names(doc)).toEqual(['Indented', 'Real'])
  })

  it('follow the categoryLevel option', () => {
    const source = md('## Area', '### Reading [0/1]', '- [ ] a book', '### Cooking', '- [x] bread')
    const doc = parseGoals(source, { categoryLevel: 3 })
    expect(names(doc)).toEqual(['Reading', 'Cooking'])
    expect(doc.categories.map(c => [c.done, c.total])).toEqual([
      [0, 1],
      [1, 1]
    ])
    expect(parseGoals(source).categories.map(c => [c.name, c.total])).toEqual([['Area', 2]])
  })

  it('a heading above the category level ends the current category', () => {
    const doc = parseGoals(
      md('## A', '[ ] one', '# Part two', '[ ] two', '### Detail', '[ ] three')
    )
    expect(doc.goals.map(g => [g.title, g.category])).toEqual([
      ['one', 'A'],
      ['two', null],
      ['three', null]
    ])
  })

  it('a heading below the category level does not', () => {
    const doc = parseGoals(md('## A', '[ ] one', '### Detail', '[ ] two'))
    expect(doc.goals.map(g => g.category)).toEqual(['A', 'A'])
  })

  it('goals before the first category have category null and are counted in the totals', () => {
    const doc = parseGoals(
      md('# Plans', '', '[x] loose one', '- [ ] loose two', '', '## A', '[ ] a')
    )
    expect(doc.goals.map(g => g.category)).toEqual([null, null, 'A'])
    expect(doc.categories).toHaveLength(1)
    expect(doc.categories[0]?.total).toBe(1)
    expect([doc.done, doc.total]).toEqual([1, 3])
  })

  it('count done and total per category', () => {
    const doc = parseGoals(fixture('garden.md'))
    expect(doc.categories.map(c => [c.name, c.done, c.total])).toEqual([
      ['Vegetable Goals', 2, 4],
      ['Orchard Goals', 1, 2],
      ['Tool Goals', 1, 2],
      ['Someday', 0, 0]
    ])
    expect([doc.done, doc.total]).toEqual([4, 8])
  })

  it('warn when a category name repeats', () => {
    const doc = parseGoals(md('## A', '[ ] one', '## A', '[ ] two'))
    expect(doc.warnings.map(w => w.line)).toContain(3)
  })
})

describe('counters', () => {
  it('at the end of the heading line: value and exact range', () => {
    const text = '## Reading  [12/34]'
    const doc = parseGoals(md(text))
    const c = doc.categories[0]?.heading.counter
    expect(c).toMatchObject({ done: 12, total: 34, line: 0, ownLine: false })
    expect(text.slice(c!.start, c!.end)).toBe('[12/34]')
  })

  it('before closing hashes and trailing white space', () => {
    const text = '## Reading [1/2] ##  '
    const c = parseGoals(md(text)).categories[0]?.heading.counter
    expect(text.slice(c!.start, c!.end)).toBe('[1/2]')
  })

  it('alone on the first non-blank line after the heading', () => {
    const source = md('## Reading', '', '  \t', '  [3/4]  ', '', '[ ] a book')
    const c = parseGoals(source).categories[0]?.heading.counter
    expect(c).toMatchObject({ done: 3, total: 4, line: 3, ownLine: true })
    expect('  [3/4]  '.slice(c!.start, c!.end)).toBe('[3/4]')
  })

  it('an own-line counter is not looked for past the first non-blank line', () => {
    const doc = parseGoals(md('## Reading', 'Some prose.', '[3/4]', '[ ] a book'))
    expect(doc.categories[0]?.heading.counter).toBeNull()
  })

  it('the heading-line counter wins; a lone counter under it is just text', () => {
    const doc = parseGoals(md('## Reading [1/1]', '[5/6]', '[x] a book'))
    expect(doc.categories[0]?.heading.counter).toMatchObject({ done: 1, total: 1, line: 0 })
  })

  it('needs white space before it on the heading line', () => {
    const doc = parseGoals(md('## Reading[1/2]', '[ ] a'))
    expect(doc.categories[0]?.name).toBe('Reading[1/2]')
    expect(doc.categories[0]?.heading.counter).toBeNull()
  })

  it('a heading that is only a counter has an empty name', () => {
    const doc = parseGoals(md('## [0/1]', '[ ] a'))
    expect(doc.categories[0]?.name).toBe('')
    expect(doc.categories[0]?.heading.counter).toMatchObject({ done: 0, total: 1 })
  })

  it('bracketed text that is not a lone [n/m] is never a counter', () => {
    const cases = [
      md('## Exams [TOEFL: 100/120]', '[ ] pass'),
      md('## Exams [a/b]', '[ ] pass'),
      md('## Exams [3/4] points', '[ ] pass'),
      md('## Exams [ 3/4 ]', '[ ] pass'),
      md('## Exams [3/4/5]', '[ ] pass'),
      md('## Exams', '[TOEFL: 100/120]', '[ ] pass'),
      md('## Exams', '[3/4] of them', '[ ] pass'),
      md('## Exams', '- [3/4]', '[ ] pass')
    ]
    for (const source of cases) {
      const doc = parseGoals(source)
      expect(doc.categories[0]?.heading.counter, source).toBeNull()
    }
  })

  it('[n/m] inside goal text is part of the title', () => {
    const doc = parseGoals(
      md('## Exams [0/3]', '[ ] pass [TOEFL: 100/120]', '[ ] score [3/4]', '[ ] solve [a/b]')
    )
    expect(titles(doc)).toEqual(['pass [TOEFL: 100/120]', 'score [3/4]', 'solve [a/b]'])
    expect(doc.categories[0]?.heading.counter).toMatchObject({ done: 0, total: 3 })
  })

  it('a level-1 heading keeps its own counter, on its line or on the next', () => {
    const inline = parseGoals(md('# Plans [0/0]', '## A', '[x] a'))
    expect(inline.titles[0]?.counter).toMatchObject({ done: 0, total: 0, ownLine: false })
    const own = parseGoals(md('# Plans', '', '[7/9]', '## A', '[x] a'))
    expect(own.titles[0]?.counter).toMatchObject({ done: 7, total: 9, line: 2, ownLine: true })
    expect(own.titles[0]?.name).toBe('Plans')
  })

  it('a level-1 heading without a counter has none', () => {
    const doc = parseGoals(md('# Plans', '', '## A', '[x] a'))
    expect(doc.titles).toHaveLength(1)
    expect(doc.titles[0]?.counter).toBeNull()
  })

  it('other heading levels have no counter to keep', () => {
    const doc = parseGoals(md('## A [0/0]', '### Detail [5/5]', '[x] a'))
    expect(doc.titles).toEqual([])
    expect(doc.categories).toHaveLength(1)
  })
})

describe('goals', () => {
  it('are lines starting with [ ], [x] or [X], bare or after a list marker', () => {
    const doc = parseGoals(
      md(
        '## A',
        '[ ] bare',
        '[x] bare done',
        '[X] bare done upper',
        '- [ ] dash',
        '* [x] star',
        '+ [ ] plus',
        '1. [X] ordered dot',
        '12) [ ] ordered paren',
        '\t- [ ] after a tab'
      )
    )
    expect(doc.goals.map(g => [g.title, g.checked, g.marker, g.box])).toEqual([
      ['bare', false, '', ' '],
      ['bare done', true, '', 'x'],
      ['bare done upper', true, '', 'X'],
      ['dash', false, '-', ' '],
      ['star', true, '*', 'x'],
      ['plus', false, '+', ' '],
      ['ordered dot', true, '1.', 'X'],
      ['ordered paren', false, '12)', ' '],
      ['after a tab', false, '-', ' ']
    ])
    expect(doc.categories[0]).toMatchObject({ done: 4, total: 9 })
  })

  it('need the exact box and white space after it', () => {
    const doc = parseGoals(
      md(
        '## A',
        '[y] not a box',
        '[] not a box',
        '[  ] not a box',
        '[x]glued',
        '-[ ] no space after marker',
        'text [ ] in the middle',
        '[ ]\tafter a tab'
      )
    )
    expect(titles(doc)).toEqual(['after a tab'])
  })

  it('have their title trimmed and its exact range recorded', () => {
    const line = '  -   [x]    water the plants   '
    const doc = parseGoals(md('## A', line))
    const g = doc.goals[0]!
    expect(g.title).toBe('water the plants')
    expect(line.slice(g.titleStart, g.titleEnd)).toBe(g.title)
    expect(line[g.boxAt]).toBe('x')
    expect(g.indent).toBe('  ')
    expect(g.line).toBe(1)
  })

  it('keep curly quotes and other characters verbatim', () => {
    const doc = parseGoals(md('## A', '[ ] read “the” book’s ‘notes’ — twice 🙂'))
    expect(titles(doc)).toEqual(['read “the” book’s ‘notes’ — twice 🙂'])
  })

  it('an empty task is not a goal, with a warning', () => {
    const doc = parseGoals(md('## A', '- [ ]', '[x]   ', '- [ ] real'))
    expect(titles(doc)).toEqual(['real'])
    expect(doc.warnings.map(w => w.line)).toEqual([2, 3])
    expect(doc.categories[0]?.total).toBe(1)
  })

  it('nested task items are goals with their parent index', () => {
    const doc = parseGoals(
      md(
        '## A',
        '- [ ] parent',
        '  - [x] child one',
        '    - [ ] grandchild',
        '  - [ ] child two',
        '  not a task, still inside child two',
        '- [ ] sibling',
        '  * [ ] its child',
        '- a plain item',
        '  - [ ] under a plain item',
        '## B',
        '  - [ ] indented under a new heading'
      )
    )
    expect(doc.goals.map(g => [g.title, g.parent])).toEqual([
      ['parent', null],
      ['child one', 0],
      ['grandchild', 1],
      ['child two', 0],
      ['sibling', null],
      ['its child', 4],
      ['under a plain item', null],
      ['indented under a new heading', null]
    ])
    expect(doc.categories[0]).toMatchObject({ done: 1, total: 7 })
  })

  it('nested items of ordered lists find their parent too', () => {
    const doc = parseGoals(md('## A', '1. [ ] first', '   - [ ] part', '2. [ ] second'))
    expect(doc.goals.map(g => g.parent)).toEqual([null, 0, null])
  })

  it('duplicate titles are allowed, numbered by occurrence, with a warning', () => {
    const doc = parseGoals(
      md('## A', '[ ] same', '[x] other', '[x] same', '- [ ] same', '## B', '[ ] same')
    )
    expect(doc.goals.map(g => [g.category, g.title, g.occurrence])).toEqual([
      ['A', 'same', 0],
      ['A', 'other', 0],
      ['A', 'same', 1],
      ['A', 'same', 2],
      ['B', 'same', 0]
    ])
    expect(doc.warnings.map(w => w.line)).toEqual([4, 5])
    expect(doc.warnings[0]?.message).toContain('same')
  })
})

describe('what is not prose', () => {
  it('nothing inside a backtick or tilde fence is a goal, heading or counter', () => {
    const doc = parseGoals(
      md(
        '## A',
        '```md',
        '[ ] fenced',
        '## Fenced heading [1/1]',
        '```',
        '~~~',
        '- [x] fenced too',
        '~~~',
        '[ ] real'
      )
    )
    expect(names(doc)).toEqual(['A'])
    expect(titles(doc)).toEqual(['real'])
  })

  it('a fence closes only with the same character, at least as long', () => {
    const doc = parseGoals(
      md(
        '## A',
        '````',
        '```',
        '[ ] inside: the short fence does not close',
        '~~~~',
        '[ ] inside: the other character does not close',
        '`````',
        '[ ] real'
      )
    )
    expect(titles(doc)).toEqual(['real'])
  })

  it('a backtick line with a backtick in its info string is not a fence', () => {
    const doc = parseGoals(md('## A', '``` not `a` fence', '[ ] real'))
    expect(titles(doc)).toEqual(['real'])
  })

  it('indented fences (inside list items) hide their content too', () => {
    const doc = parseGoals(
      md(
        '## A',
        '- [ ] real',
        '   ```',
        '   - [ ] fenced',
        '   ```',
        '  ~~~',
        '  [ ] fenced',
        '  ~~~'
      )
    )
    expect(titles(doc)).toEqual(['real'])
  })

  it('a fence inside a list item ends with the item, even unclosed (CommonMark)', () => {
    const doc = parseGoals(
      md(
        '## A',
        '- [ ] learn a language',
        '  ```sh',
        '  - [ ] fenced: inside the item, inside the fence',
        '',
        '- [ ] next goal: the item ended, and the fence with it',
        '1. [ ] numbered',
        '   ~~~',
        '   [ ] fenced',
        '2. [x] numbered again'
      )
    )
    expect(titles(doc)).toEqual([
      'learn a language',
      'next goal: the item ended, and the fence with it',
      'numbered',
      'numbered again'
    ])
  })

  it('a closing fence less indented than the item ends the item, then opens a new fence', () => {
    const doc = parseGoals(
      md('## A', '- [ ] one', '  ```', '```', '- [ ] hidden', '```', '- [ ] two')
    )
    expect(titles(doc)).toEqual(['one', 'two'])
  })

  it('a lazy continuation line keeps the list item open for a fence under it', () => {
    const doc = parseGoals(
      md('## A', '- [ ] one', 'continued lazily', '   ```', '   [ ] fenced', '- [ ] two')
    )
    expect(titles(doc)).toEqual(['one', 'two'])
  })

  it('a fence after the list has ended is a top-level fence', () => {
    const doc = parseGoals(
      md('## A', '- [ ] one', '', 'prose', '   ```', '- [ ] fenced', '```', '- [ ] two')
    )
    expect(titles(doc)).toEqual(['one', 'two'])
  })

  it('a thematic break inside an item is not a nested list item', () => {
    const doc = parseGoals(
      md('## A', '- [ ] one', '  * * *', '    ```', '  - [ ] fenced', '- [ ] two')
    )
    expect(titles(doc)).toEqual(['one', 'two'])
  })

  it('a comment inside a list item ends with the item too', () => {
    const doc = parseGoals(md('## A', '- [ ] one', '  <!-- note', '  - [ ] hidden', '- [ ] two'))
    expect(titles(doc)).toEqual(['one', 'two'])
  })

  it('an unclosed fence runs to the end of the file', () => {
    const doc = parseGoals(md('## A', '[ ] real', '```', '## B', '[ ] hidden'))
    expect(names(doc)).toEqual(['A'])
    expect(titles(doc)).toEqual(['real'])
  })

  it('a fence right after a heading is not its counter line', () => {
    const doc = parseGoals(md('## A', '```', '[1/1]', '```', '[ ] real'))
    expect(doc.categories[0]?.heading.counter).toBeNull()
  })

  it('nothing inside an HTML comment counts, on one line or many', () => {
    const doc = parseGoals(
      md(
        '## A',
        '<!-- [ ] single line -->',
        '<!--',
        '## Hidden [1/1]',
        '- [x] hidden',
        '-->',
        '  <!-- starts here',
        '[ ] hidden',
        'ends here --> [ ] still the comment line',
        '[ ] real'
      )
    )
    expect(names(doc)).toEqual(['A'])
    expect(titles(doc)).toEqual(['real'])
  })

  it('the empty comments <!--> and <!---> close on their own line', () => {
    const doc = parseGoals(md('## A', '<!-->', '[ ] one', '<!--->', '[ ] two'))
    expect(titles(doc)).toEqual(['one', 'two'])
  })

  it('a comment right after a heading is not its counter line', () => {
    const doc = parseGoals(md('## A', '<!-- [1/1] -->', '[1/1]', '[ ] real'))
    expect(doc.categories[0]?.heading.counter).toBeNull()
  })

  it('nothing inside front matter counts', () => {
    const yaml = parseGoals(
      md('---', '# title: [1/2]', '- [ ] yaml list', '---', '## A', '[ ] real')
    )
    expect(yaml.titles).toEqual([])
    expect(titles(yaml)).toEqual(['real'])
    const dots = parseGoals(md('---', '## not a heading', '...', '## A', '[ ] real'))
    expect(names(dots)).toEqual(['A'])
  })

  it('front matter only at the very start (after a BOM)', () => {
    const bom = parseGoals(`\uFEFF${md('---', '## hidden', '---', '## A', '[ ] real')}`)
    expect(names(bom)).toEqual(['A'])
    const later = parseGoals(md('', '---', '## A', '---', '[ ] real'))
    expect(names(later)).toEqual(['A'])
    expect(titles(later)).toEqual(['real'])
  })

  it('a lone --- without a closing line is not front matter', () => {
    const doc = parseGoals(md('---', '## A', '[ ] real'))
    expect(names(doc)).toEqual(['A'])
  })
})

describe('a fixture with every structure', () => {
  const doc = parseGoals(fixture('structures.md'))

  it('finds exactly the goals outside front matter, comments and fences', () => {
    expect(doc.goals.map(g => [g.category, g.title, g.checked, g.parent, g.occurrence])).toEqual([
      [null, 'a goal before any category', false, null, 0],
      ['Music', 'learn a song', false, null, 0],
      ['Music', 'learn the chords', true, 1, 0],
      ['Music', 'play it slowly', false, 2, 0],
      ['Music', 'play it at speed', false, 1, 0],
      ['Music', 'buy a metronome', true, null, 0],
      ['Music', 'tune by ear', false, null, 0],
      ['Music', 'learn a song', false, null, 1]
    ])
    expect(names(doc)).toEqual(['Music'])
    expect(doc.titles.map(t => [t.name, t.counter?.done, t.counter?.total])).toEqual([
      ['Hobby plans', 0, 0]
    ])
    expect([doc.done, doc.total]).toEqual([2, 8])
  })

  it('warns about the duplicate and the empty task', () => {
    expect(doc.warnings.map(w => w.message)).toEqual([
      expect.stringContaining('learn a song'),
      expect.stringContaining('no text')
    ])
  })
})

describe('line handling', () => {
  it('CRLF, lone CR and a BOM do not change what is found', () => {
    const lines = ['# T [0/0]', '## A', '[2/2]', '', '- [x] one', '- [ ] two [3/4]']
    const reference = parseGoals(lines.join('\n'))
    for (const source of [
      lines.join('\r\n'),
      lines.join('\r'),
      `\uFEFF${lines.join('\r\n')}\r\n`,
      lines.join('\n') + '\n'
    ]) {
      const doc = parseGoals(source)
      expect(doc.goals).toEqual(reference.goals)
      expect(doc.categories).toEqual(reference.categories)
      expect(doc.titles).toEqual(reference.titles)
    }
  })

  it('lineCount counts lines, with or without a final newline', () => {
    expect(parseGoals('').lineCount).toBe(0)
    expect(parseGoals('a').lineCount).toBe(1)
    expect(parseGoals('a\n').lineCount).toBe(1)
    expect(parseGoals('a\n\n').lineCount).toBe(2)
    expect(parseGoals('a\r\nb\rc').lineCount).toBe(3)
  })
})
