// A goal born from an issue is one new line in the file's own style; nothing
// else changes. Every expected text here is written out by hand.
import { existsSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  AppendError,
  appendGoal,
  categoryNameProblem,
  checkAppended,
  inertTitle
} from '../../src/goals/append.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { md, seed, seedPath } from './support.ts'

const add = (
  text: string,
  category: string | null,
  title = 'new goal',
  checked = false,
  categoryLevel = 2
) => appendGoal(text, { category, title, checked, categoryLevel })

describe('appendGoal: at the end of a category', () => {
  it('bare goals with blank lines between them get a blank line and a bare box', () => {
    const text = md('## A [1/2]', '', '[ ] one', '', '[x] two', '', '## B', '', '[ ] three')
    const out = add(text, 'A')
    expect(out.text).toBe(
      md(
        '## A [1/2]',
        '',
        '[ ] one',
        '',
        '[x] two',
        '',
        '[ ] new goal',
        '',
        '## B',
        '',
        '[ ] three'
      )
    )
    expect(out).toMatchObject({ line: 6, title: 'new goal', newCategory: false })
  })

  it('a compact task list gets a task item right under the last one', () => {
    const text = md('## A', '- [ ] one', '- [x] two', '## B', '* [ ] three')
    expect(add(text, 'A').text).toBe(
      md('## A', '- [ ] one', '- [x] two', '- [ ] new goal', '## B', '* [ ] three')
    )
    expect(add(text, 'B', 'x', true).text).toBe(
      md('## A', '- [ ] one', '- [x] two', '## B', '* [ ] three', '* [x] x')
    )
  })

  it('keeps the marker, indentation and gap of the category’s last top-level goal', () => {
    const text = md('## A', '  +   [ ]  one', '  +   [ ]  two')
    expect(add(text, 'A').text).toBe(
      md('## A', '  +   [ ]  one', '  +   [ ]  two', '  +   [ ]  new goal')
    )
  })

  it('goes after the whole last item: its nested goals and its notes', () => {
    const text = md(
      '## A',
      '- [ ] parent',
      '  - [ ] child',
      '    more about the child',
      '',
      '  a loose paragraph of the parent',
      '## B'
    )
    const out = add(text, 'A')
    expect(out.text).toBe(
      md(
        '## A',
        '- [ ] parent',
        '  - [ ] child',
        '    more about the child',
        '',
        '  a loose paragraph of the parent',
        '- [ ] new goal',
        '## B'
      )
    )
    expect(parseGoals(out.text).goals[2]).toMatchObject({ title: 'new goal', parent: null })
  })

  it('a lazy continuation line stays with its goal', () => {
    const text = md('## A', '[ ] one', 'continues one', '', 'Some closing words.')
    expect(add(text, 'A').text).toBe(
      md('## A', '[ ] one', 'continues one', '[ ] new goal', '', 'Some closing words.')
    )
  })

  it('numbered goals count on', () => {
    const text = md('## Career', '', '1. [ ] talk', '2) [ ] mentor', '')
    expect(add(text, 'Career').text).toBe(
      md('## Career', '', '1. [ ] talk', '2) [ ] mentor', '3) [ ] new goal', '')
    )
  })

  it('a ticked goal is written with a lowercase x', () => {
    expect(add(md('## A', '- [X] one'), 'A', 'done', true).text).toBe(
      md('## A', '- [X] one', '- [x] done')
    )
  })

  it('uses the last section when a category name appears twice', () => {
    const text = md('## A', '[ ] one', '## B', '[ ] two', '## A', '[ ] three', '## C')
    expect(add(text, 'A').text).toBe(
      md('## A', '[ ] one', '## B', '[ ] two', '## A', '[ ] three', '[ ] new goal', '## C')
    )
  })

  it('deeper headings stay inside the category', () => {
    const text = md('## A', '### sub', '- [ ] one', '## B')
    expect(add(text, 'A').text).toBe(md('## A', '### sub', '- [ ] one', '- [ ] new goal', '## B'))
  })

  it('an empty category takes the file’s style, under its heading and own-line counter', () => {
    const text = md(
      '## A',
      '',
      '- [ ] one',
      '',
      '- [ ] two',
      '',
      '## Empty',
      '[0/0]',
      'Words.',
      '## B'
    )
    expect(add(text, 'Empty').text).toBe(
      md(
        '## A',
        '',
        '- [ ] one',
        '',
        '- [ ] two',
        '',
        '## Empty',
        '[0/0]',
        '',
        '- [ ] new goal',
        'Words.',
        '## B'
      )
    )
  })

  it('an empty category in a file without goals gets a bare box after a blank line', () => {
    expect(add(md('# T', '## A'), 'A').text).toBe(md('# T', '## A', '', '[ ] new goal'))
  })

  it('respects a category level from the settings', () => {
    const text = md('## Part', '### A', '- [ ] one', '### B', '- [ ] two')
    expect(add(text, 'A', 'g', false, 3).text).toBe(
      md('## Part', '### A', '- [ ] one', '- [ ] g', '### B', '- [ ] two')
    )
  })
})

describe('appendGoal: before the first category', () => {
  it('after the goals that have no category', () => {
    const text = md('# T', '', '- [ ] loose', '', '## A', '- [ ] one')
    expect(add(text, null).text).toBe(
      md('# T', '', '- [ ] loose', '- [ ] new goal', '', '## A', '- [ ] one')
    )
  })

  it('just before the first category heading, set apart by blank lines', () => {
    expect(add(md('# T', 'Intro.', '## A', '[ ] one'), null).text).toBe(
      md('# T', 'Intro.', '', '[ ] new goal', '', '## A', '[ ] one')
    )
    expect(add(md('# T', '', '## A', '[ ] one'), null).text).toBe(
      md('# T', '', '[ ] new goal', '', '## A', '[ ] one')
    )
    expect(add(md('## A', '[ ] one'), null).text).toBe(md('[ ] new goal', '', '## A', '[ ] one'))
  })

  it('at the end of a file without categories', () => {
    expect(add(md('[ ] one', '[ ] two'), null).text).toBe(md('[ ] one', '[ ] two', '[ ] new goal'))
    expect(add('Just words.\n', null).text).toBe('Just words.\n\n[ ] new goal\n')
    expect(add('', null).text).toBe('[ ] new goal\n')
  })
})

describe('appendGoal: a category that does not exist yet', () => {
  it('is added at the end of the file, heading at the category level', () => {
    const text = md('## A', '', '- [ ] one', '', '```', 'code', '```')
    const out = add(text, 'Fitness', 'run')
    expect(out.text).toBe(
      md('## A', '', '- [ ] one', '', '```', 'code', '```', '', '## Fitness', '', '- [ ] run')
    )
    expect(out).toMatchObject({ line: 10, newCategory: true })
    expect(add(md('## A', '[ ] one'), 'New', 'g', false, 3).text).toBe(
      md('## A', '[ ] one', '', '### New', '', '[ ] g')
    )
  })

  it('refuses a name that would not read back as itself', () => {
    expect(categoryNameProblem('')).toMatch(/empty/)
    expect(() => add(md('## A'), 'Trail #')).toThrow(AppendError)
    expect(() => add(md('## A'), 'Trail #')).toThrow(/cannot add the category "Trail #"/)
    expect(categoryNameProblem('Reading [2/5]')).toMatch(/\[n\/m\]/)
    expect(categoryNameProblem(' spaced')).toMatch(/space/)
    expect(categoryNameProblem('two\nlines')).toMatch(/line break/)
    expect(categoryNameProblem('<!-- x')).toMatch(/<!--/)
    expect(categoryNameProblem('C# and F#')).toBeNull()
    expect(categoryNameProblem('Phase [X]: start')).toBeNull()
    // Seven `#` make no heading at all: refused, not a crash.
    expect(categoryNameProblem('A', 7)).toMatch(/read differently/)
  })
})

describe('appendGoal: line endings and the end of the file', () => {
  it('uses the file’s line ending', () => {
    expect(add('## A\r\n[ ] one\r\n', 'A').text).toBe('## A\r\n[ ] one\r\n[ ] new goal\r\n')
    expect(add('## A\r[ ] one\r', 'A').text).toBe('## A\r[ ] one\r[ ] new goal\r')
    // Mostly CRLF with one LF: the most common ending wins.
    expect(add('## A\r\n[ ] one\r\n[ ] two\n', 'A').text).toBe(
      '## A\r\n[ ] one\r\n[ ] two\n[ ] new goal\r\n'
    )
  })

  it('a file without a final newline still ends without one', () => {
    expect(add('## A\n[ ] one', 'A').text).toBe('## A\n[ ] one\n[ ] new goal')
    expect(add('## A\r\n\r\n[ ] one\r\n\r\n[ ] two', 'A').text).toBe(
      '## A\r\n\r\n[ ] one\r\n\r\n[ ] two\r\n\r\n[ ] new goal'
    )
    expect(add('## A\n[ ] one', 'B').text).toBe('## A\n[ ] one\n\n## B\n[ ] new goal')
  })

  it('keeps a BOM', () => {
    expect(add('\uFEFF## A\n[ ] one\n', 'A').text).toBe('\uFEFF## A\n[ ] one\n[ ] new goal\n')
  })
})

describe('appendGoal: the title is data', () => {
  it.each([
    ['a heading', '# not a heading', '# not a heading'],
    ['line breaks', 'first\nsecond\r\nthird', 'first second  third'],
    ['a fence', '``` not code', '``` not code'],
    ['a comment opener', 'a <!-- b', 'a <\\!-- b'],
    ['a counter', '[3/4]', '[3/4]'],
    ['another box', '[x] sneaky', '[x] sneaky'],
    ['a unicode line separator', 'a\u2028b', 'a b'],
    ['tabs and outer spaces', '  \tpadded\t ', 'padded']
  ])('%s stays one goal line', (_what, title, written) => {
    const text = md('## A', '[ ] one', '## B', '[ ] two')
    const out = add(text, 'A', title)
    expect(out.title).toBe(written)
    expect(out.text).toBe(md('## A', '[ ] one', `[ ] ${written}`, '## B', '[ ] two'))
    const doc = parseGoals(out.text)
    expect(doc.goals.map(g => [g.category, g.title])).toEqual([
      ['A', 'one'],
      ['A', written],
      ['B', 'two']
    ])
  })

  it('an empty title is refused', () => {
    expect(() => inertTitle(' \n ')).toThrow('a goal title cannot be empty')
  })
})

describe('appendGoal: never where the Markdown would swallow it', () => {
  it('refuses a new category after an unclosed code block', () => {
    const text = md('## A', '[ ] one', '```', 'never closed')
    expect(() => add(text, 'B')).toThrow(/cannot be added safely at line 7/)
  })

  it('refuses an empty category whose heading is followed by an unclosed comment... only when it matters', () => {
    // The goal goes right under the heading, before the comment, so it is fine.
    const text = md('## A', '<!-- open', '## B')
    expect(add(text, 'A').text).toBe(md('## A', '', '[ ] new goal', '<!-- open', '## B'))
  })
})

describe('appendGoal on the real seed', () => {
  it.skipIf(!existsSync(seedPath))('adds the last goal of Technical Goals', () => {
    const text = seed()
    const out = add(text, 'Technical Goals', 'learn Zig')
    const before = text.split('\n')
    const after = out.text.split('\n')
    const last = before.indexOf('[x] be able to build prototypes quickly for new ideas')
    expect(after).toEqual([
      ...before.slice(0, last + 1),
      '',
      '[ ] learn Zig',
      ...before.slice(last + 1)
    ])
    const tech = parseGoals(out.text).categories.find(c => c.name === 'Technical Goals')
    expect([tech?.done, tech?.total]).toEqual([5, 17])
  })
})

describe('appendGoal: style details', () => {
  it('a category with one goal takes its spacing from neighbouring goals elsewhere', () => {
    const text = md('## A', '', '[ ] a', '', '[ ] b', '', '## B', '[ ] c', '')
    expect(add(text, 'B').text).toBe(
      md('## A', '', '[ ] a', '', '[ ] b', '', '## B', '[ ] c', '', '[ ] new goal', '')
    )
    const compact = md('## A', '[ ] a', '[ ] b', '', '## B', '', '[ ] c')
    expect(add(compact, 'B').text).toBe(
      md('## A', '[ ] a', '[ ] b', '', '## B', '', '[ ] c', '[ ] new goal')
    )
  })

  it('a line of spaces between goals counts as blank', () => {
    expect(add(md('## A', '[ ] a', '   ', '[ ] b'), 'A').text).toBe(
      md('## A', '[ ] a', '   ', '[ ] b', '', '[ ] new goal')
    )
  })

  it('an empty category in a compact file gets the goal right under its heading', () => {
    const text = md('## A', '- [ ] a', '- [ ] b', '## B', 'Words.')
    expect(add(text, 'B').text).toBe(
      md('## A', '- [ ] a', '- [ ] b', '## B', '- [ ] new goal', 'Words.')
    )
  })

  it('an empty category takes the style of top-level goals, not of nested ones', () => {
    const text = md('## A', '* [ ] a', '  - [ ] nested', '## B')
    expect(add(text, 'B').text).toBe(
      md('## A', '* [ ] a', '  - [ ] nested', '## B', '* [ ] new goal')
    )
  })

  it('numbers: two digits, indented lists, and a new list starting at 1', () => {
    expect(add(md('## A', '9. [ ] a'), 'A').text).toBe(md('## A', '9. [ ] a', '10. [ ] new goal'))
    expect(add(md('## A', '10. [ ] a'), 'A').text).toBe(md('## A', '10. [ ] a', '11. [ ] new goal'))
    // A list starting at 3 cannot interrupt the paragraph `x`: the blank line lets it start.
    expect(add(md('## A', '- x', '', '  3. [ ] a'), 'A').text).toBe(
      md('## A', '- x', '', '  3. [ ] a', '  4. [ ] new goal')
    )
    expect(add(md('## A', '5) [ ] a', '## B'), 'B').text).toBe(
      md('## A', '5) [ ] a', '## B', '1) [ ] new goal')
    )
  })

  it('tab-indented notes belong to their item', () => {
    const text = md('## A', '- [ ] a', '\tnotes under a tab', '## B')
    expect(add(text, 'A').text).toBe(
      md('## A', '- [ ] a', '\tnotes under a tab', '- [ ] new goal', '## B')
    )
  })

  it('an indented heading ends the category even after an unindented goal', () => {
    expect(add(md('## A', '[ ] a', ' ## B', '[ ] b'), 'A').text).toBe(
      md('## A', '[ ] a', '[ ] new goal', ' ## B', '[ ] b')
    )
  })

  it.each([
    ['plain text continues the goal', 'more words', true],
    ['#tag is text, not a heading', '#tag', true],
    ['a list item', '- not a goal', false],
    ['a starred item', '* note', false],
    ['a plus item', '+ note', false],
    ['a numbered item', '12. note', false],
    ['a numbered item with )', '3) note', false],
    ['a quote', '> quoted', false],
    ['a backtick fence', '```', false],
    ['a tilde fence', '~~~', false],
    ['a comment', '<!-- c -->', false],
    ['a heading deeper than categories', '### sub', false]
  ])('after the last goal, %s: goes %s', (_what, next, after) => {
    const text = md('## A', '[ ] a', next)
    const wanted = after
      ? md('## A', '[ ] a', next, '[ ] new goal')
      : md('## A', '[ ] a', '[ ] new goal', next)
    expect(add(text, 'A').text).toBe(wanted)
  })

  it('a category with two or more goals keeps its own spacing, whatever the others do', () => {
    const text = md('## A', '[ ] a', '[ ] b', '## B', '', '[ ] c', '', '[ ] d')
    expect(add(text, 'A').text).toBe(
      md('## A', '[ ] a', '[ ] b', '[ ] new goal', '## B', '', '[ ] c', '', '[ ] d')
    )
  })

  it.each([
    ['a line of spaces, then a heading', ['   ', '## B'], 0],
    ['a heading indented three spaces', ['   ## B', '[ ] b'], 0],
    ['an empty heading indented two spaces', ['  ##', '[ ] b'], 0],
    ['a tab-indented line after a blank line', ['', '\tnotes', '## B'], 2],
    ['text holding " # "', ['see issue # 5'], 1],
    ['text holding ">" without spaces', ['x>y'], 1],
    ['text starting with one backtick', ['`code` here'], 1],
    ['text starting with one tilde', ['~approx'], 1],
    ['text starting with a bracket that is no box', ['[y] note'], 1],
    ['a lone star', ['*'], 0],
    ['a lone number', ['1.'], 0]
  ])('after a bare goal, %s', (_what, next, kept) => {
    const text = md('## A', '[ ] a', ...next)
    expect(add(text, 'A').text).toBe(
      md('## A', '[ ] a', ...next.slice(0, kept), '[ ] new goal', ...next.slice(kept))
    )
  })

  it.each([
    ['a heading', ['    ## h'], 0],
    ['an empty heading', ['    ##'], 0],
    ['a tab reaching the goal’s own column, after a blank line', ['', '  \tz'], 0]
  ])('after a goal four columns in, %s at that column ends the goal', (_what, next, kept) => {
    const head = ['## A', '- x', '  - y', '    - [ ] a']
    expect(add(md(...head, ...next), 'A').text).toBe(
      md(...head, ...next.slice(0, kept), '    - [ ] new goal', ...next.slice(kept))
    )
  })

  it('a tab after a space counts to column four, deeper than a goal two columns in', () => {
    const head = ['## A', '- x', '  - [ ] a']
    expect(add(md(...head, '', ' \tmore'), 'A').text).toBe(
      md(...head, '', ' \tmore', '  - [ ] new goal')
    )
  })

  it('a new category after a trailing blank line adds no second blank line', () => {
    expect(add(md('## A', '[ ] a', ''), 'B').text).toBe(
      md('## A', '[ ] a', '', '## B', '[ ] new goal')
    )
  })

  it('one line without an ending, and tied line endings (the first seen wins)', () => {
    expect(add('[ ] a', null).text).toBe('[ ] a\n[ ] new goal')
    expect(add('## A\r\n[ ] a\n', 'A').text).toBe('## A\r\n[ ] a\n[ ] new goal\r\n')
  })
})

describe('checkAppended: the safety net', () => {
  const before = parseGoals(md('## A', '[ ] a', '## B', '[x] b'))
  const want = { line: 2, title: 'n', category: 'A', checked: false }
  const verdict =
    (text: string, w: Partial<typeof want> = {}) =>
    () =>
      checkAppended(before, text, 2, { ...want, ...w })

  it('passes exactly the intended result', () => {
    expect(verdict(md('## A', '[ ] a', '[ ] n', '## B', '[x] b'))).not.toThrow()
  })

  it.each([
    ['no goal at the line', md('## A', '[ ] a', 'n', '## B', '[x] b')],
    ['another title', md('## A', '[ ] a', '[ ] m', '## B', '[x] b')],
    ['another category', md('## A', '[ ] a', '## C', '[ ] n', '## B', '[x] b')],
    ['another box', md('## A', '[ ] a', '[x] n', '## B', '[x] b')],
    ['nested under a goal', md('## A', '- [ ] a', '  - [ ] n', '## B', '[x] b')],
    ['another goal changed', md('## A', '[ ] a', '[ ] n', '## B', '[ ] b')],
    ['a goal lost', md('## A', '[ ] a', '[ ] n', '## B')],
    ['a goal moved to another category', md('## A', '[ ] a', '[ ] n', '## C', '[x] b')]
  ])('refuses %s', (_what, text) => {
    const w = _what === 'another category' ? { line: 3 } : {}
    expect(verdict(text, w)).toThrow(AppendError)
  })

  it('tells no category from a category with an empty name', () => {
    const loose = parseGoals(md('[ ] a', '## A', '[ ] b'))
    const text = md('##', '[ ] a', '[ ] n', '## A', '[ ] b')
    expect(() =>
      checkAppended(loose, text, 2, { line: 2, title: 'n', category: '', checked: false })
    ).toThrow(AppendError)
  })
})
