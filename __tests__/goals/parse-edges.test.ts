// Edge cases of the block structure that decides what is a goal, a category or
// a counter: each small document is read by the engine and by the reference
// parser (markdown-it, sharing no code with ours), and must read the same; the
// counters, parents, warnings and take-backs, which the reference does not
// model, are checked against answers worked out by hand from CommonMark/GFM
// and the SPEC.
import { describe, expect, it } from 'vitest'
import { fixCounters } from '../../src/goals/edit.ts'
import type { GoalsDoc } from '../../src/goals/model.ts'
import { countGoals, parseGoals, streamGoals, tallyGoals } from '../../src/goals/parse.ts'
import { referenceRead } from './reference.ts'
import { docSummary, md } from './support.ts'

function expectReferenceReading(source: string, level = 2): GoalsDoc {
  const doc = parseGoals(source, { categoryLevel: level })
  const ref = referenceRead(source)
  const sorted = [...ref.goals].sort((a, b) => a[0] - b[0])
  expect(
    doc.goals.map(g => [g.line, g.checked]),
    source
  ).toEqual(sorted)
  const categories = [...ref.headings].filter(([, l]) => l === level).map(([line]) => line)
  expect(
    doc.categories.map(c => c.heading.line),
    source
  ).toEqual(categories.sort((a, b) => a - b))
  return doc
}

const summary = (doc: GoalsDoc) => docSummary(doc, false)

/** tallyGoals and countGoals read the counts parseGoals reads, and hold no goals. */
function expectSameCounts(source: string, level = 2): void {
  const options = { categoryLevel: level }
  const parsed = parseGoals(source, options)
  expect(parsed.categories.map(c => c.goals).flat()).toEqual(
    parsed.goals.flatMap((g, k) => (g.category === null ? [] : [k]))
  )
  for (const read of [tallyGoals, countGoals]) {
    const doc = read(source, options)
    expect(doc.goals, read.name).toEqual([])
    expect(
      doc.categories.flatMap(c => c.goals),
      read.name
    ).toEqual([])
    expect(summary(doc), `${read.name}\n${source}`).toEqual(summary(parsed))
  }
  const counted = countGoals(source, options)
  expect(counted.warnings.map(w => [w.line, w.message])).toEqual(
    parsed.warnings.map(w => [w.line, w.message])
  )
}

const lines = (doc: GoalsDoc) => doc.goals.map(g => g.line)
const counter = (doc: GoalsDoc, k = 0) => {
  const c = doc.categories[k]?.heading.counter
  return c ? [c.done, c.total, c.line] : null
}

describe('small documents read as the reference parser reads them', () => {
  const cases: string[] = [
    // block quotes and laziness
    '> a\n    > b\n[ ] c\n',
    '> a\n   > [ ] b\n[ ] c\n',
    '>a\n>[ ] b\n\n[ ] c\n',
    '>\t[ ] a\n[ ] b\n',
    '> ```\n[ ] a\n',
    '> - [ ] a\n[ ] b\n',
    '> > a\n> [ ] b\n\n[ ] c\n',
    '>     code\n[ ] a\n',
    // lists
    '- a\n\n  [ ] b\n',
    '- a\n\n [ ] b\n',
    '-   [ ] a\n    [ ] b\n',
    '-     code\n  [ ] b\n',
    '-\n  [ ] a\n',
    '-\n\n  [ ] a\n',
    '- \n  [ ] a\n',
    '1. a\n\n   [ ] b\n',
    '10. a\n\n    [ ] b\n',
    '10. a\n\n   [ ] b\n',
    '- [ ] a\n  - [ ] b\n    - [x] c\n',
    '* [ ] a\n+ [x] b\n',
    'a\n- [ ] b\n',
    'a\n2. [ ] b\n',
    'a\n1. [ ] b\n',
    'a\n-\n[ ] b\n',
    'a\n1.\n[ ] b\n',
    '- a\n-\n  [ ] b\n',
    '-\ta\n\n  [ ] b\n',
    '-\t\ta\n\n  [ ] b\n',
    '- a\n    - [ ] b\n',
    '1234567890. [ ] a\n',
    '- - [ ] a\n',
    '- > [ ] a\n',
    '> - [ ] a\n',
    // thematic breaks
    '[ ] a\n***\n[ ] b\n',
    '- [ ] a\n* * *\n- [ ] b\n',
    '[ ] a\n___\n',
    '- [ ] a\n- - -\n',
    // setext
    '[ ] a\n===\n',
    '[ ] a\n[ ] b\n---\n[ ] c\n',
    '[ ] a\n\n---\n',
    '- [ ] a\n  ---\n',
    '[ ] a\n    ===\n',
    '[ ] a\n= =\n',
    '> [ ] a\n---\n[ ] b\n',
    // ATX
    '#[ ] a\n',
    '####### [ ] a\n',
    '##\n[ ] a\n',
    '## A\n[ ] a\n# B\n[ ] b\n### C\n[ ] c\n',
    '    ## A\n[ ] a\n',
    '[ ] a\n## B\n[ ] b\n',
    '- ## A\n[ ] a\n',
    '> ## A\n[ ] a\n',
    // fences
    '```\n[ ] a\n```\n[ ] b\n',
    '~~~\n[ ] a\n```\n[ ] b\n~~~\n[ ] c\n',
    '````\n```\n[ ] a\n````\n[ ] b\n',
    '``` a`b\n[ ] a\n',
    '~~~ a`b\n[ ] a\n~~~\n[ ] b\n',
    '   ```\n[ ] a\n   ```\n[ ] b\n',
    '```\n[ ] a\n    ```\n[ ] b\n```\n[ ] c\n',
    '```\n[ ] a\n``` x\n[ ] b\n',
    '- ```\n  [ ] a\n  ```\n  [ ] b\n',
    '- ```\n  [ ] a\n[ ] b\n',
    '[ ] a\n```\n[ ] b\n',
    '``\n[ ] a\n',
    // indented code
    '    [ ] a\n[ ] b\n',
    '[ ] a\n    [ ] b\n',
    '\n    [ ] a\n\n    [ ] b\n[ ] c\n',
    '    code\n\n[ ] a\n',
    '\t[ ] a\n',
    '  \t[ ] a\n',
    // html
    '<div>\n[ ] a\n\n[ ] b\n',
    '<!-- a\n[ ] a\n-->\n[ ] b\n',
    '<!-- a -->\n[ ] a\n',
    '<?\n[ ] a\n?>\n[ ] b\n',
    '<? x ?>\n[ ] a\n',
    '<?>\n[ ] a\n',
    '<!DOCTYPE html\n[ ] a\n>\n[ ] b\n',
    '<!DOCTYPE html>\n[ ] a\n',
    '<![CDATA[\n[ ] a\n]]>\n[ ] b\n',
    '<![CDATA[ x ]]>\n[ ] a\n',
    '<script>\n[ ] a\n</script>\n[ ] b\n',
    '<script>x</script>\n[ ] a\n',
    '<pre\n[ ] a\n</pre>\n[ ] b\n',
    '<style type="x">\n[ ] a\n</STYLE>\n[ ] b\n',
    '<textarea>\n\n[ ] a\n</textarea>\n[ ] b\n',
    '<custom>\n[ ] a\n\n[ ] b\n',
    '<custom a="1">\n[ ] a\n\n[ ] b\n',
    '[ ] a\n<custom>\n[ ] b\n',
    '[ ] a\n<div>\n[ ] b\n\n[ ] c\n',
    '[ ] a\n<!--\n[ ] b\n-->\n[ ] c\n',
    '<div/>\n[ ] a\n',
    '<div/ >\n[ ] a\n',
    '</div>\n[ ] a\n\n[ ] b\n',
    '<span>\n[ ] a\n\n[ ] b\n',
    '<span> x\n[ ] a\n',
    '<a href="x">\n[ ] a\n',
    '- <div>\n  [ ] a\n[ ] b\n',
    '> <!X\n> y\n> z\n[ ] w\n',
    '> <div>\n[ ] a\n',
    '<div>\n    [ ] a\n\n[ ] b\n',
    // tables
    '| a | b |\n| --- | --- |\n[ ] x\n\n[ ] y\n',
    '[ ] a | b\n--- | ---\n[ ] c\n\n[ ] d\n',
    '[ ] a | b\n--- | --- | ---\n[ ] c\n',
    '| a |\n| - |\n| [ ] b |\n[ ] c\n',
    '| a | b |\n| --- | --- |\n# H\n[ ] c\n',
    '| a | b |\n| --- | --- |\n> q\n[ ] c\n',
    '| a | b |\n| --- | --- |\n- [ ] c\n',
    '| a | b |\n| --- | --- |\n```\n[ ] c\n',
    '| a | b |\n| --- | --- |\n    [ ] c\n',
    '| a | b |\n| --- | --- |\n***\n[ ] c\n',
    '| a | b |\n| --- | --- |\n<div>\n[ ] c\n',
    '| a | b |\n| --- | --- |\n1. [ ] c\n',
    '| a | b |\n| --- | --- |\n2. [ ] c\n',
    'x\n| a | b |\n| --- | --- |\n[ ] c\n',
    '[ ] x\n| a | b |\n| --- | --- |\n[ ] c\n',
    'a \\| b\n--- | ---\n[ ] c\n',
    '| a \\| b |\n| --- |\n[ ] c\n',
    'a | b\n:-: | --:\n[ ] c\n\n[ ] d\n',
    'a | b\n- | -\n[ ] c\n',
    '- a | b\n  --- | ---\n  [ ] c\n',
    // link reference definitions
    '[a]: /url\n[ ] b\n',
    '[ ]: /url\n',
    // setext vs counter
    '## A\n[1/2]\n---\n',
    // misc
    '[ ]\n[x]  \n',
    '[ ]\ta\n',
    '[ ]a\n',
    '[y] a\n',
    '[x]\n',
    ' [ ] a\n   [x] b\n',
    '\u00a0[ ] a\n',
    // tables inside containers: the header row's cells are counted after the markers
    '- | a | b |\n  | - | - |\n  [ ] x\n',
    '> | a | b |\n> | - | - |\n[ ] x\n',
    '- | a |\n  | - |\n  [ ] x\n',
    'a | b\n\n## A\n[1/2]\n| - | - |\n[ ] x\n',
    '| a | b |\n| - | - |\n\n[ ] x\n',
    '> | a |\n> | - |\n> [ ] x\n[ ] y\n',
    // quotes and tabs
    '>\t\t[ ] a\n[ ] b\n',
    '> a\n    - [ ] b\n',
    '> a\n     - [ ] b\n',
    '> a\n   - [ ] b\n',
    '> a\n\t- [ ] b\n',
    '>>\n[ ] a\n',
    '> a\n>\n[ ] b\n',
    '   > a\n[ ] b\n',
    '    > a\n[ ] b\n',
    '> a\n    > b\n- [ ] c\n',
    '> ```\n    > x\n[ ] y\n',
    // list content columns
    '-    [ ] a\n\n      [ ] b\n',
    '-    [ ] a\n\n     [ ] b\n',
    '-     [ ] a\n\n      [ ] b\n',
    '-     [ ] a\n\n   [ ] b\n',
    '-\n      [ ] a\n',
    '-\n   [ ] a\n',
    '- a\n\n      [ ] b\n',
    '1.  a\n\n    [ ] b\n',
    '1.  a\n\n      [ ] b\n',
    '-\t[ ] a\n\n\t[ ] b\n',
    '- [ ] a\n  - [ ] b\n\n    [ ] c\n',
    '- a\n -\n  [ ] b\n',
    // list items and paragraphs
    '[ ] a\n* \n[ ] b\n',
    '[ ] a\n+ [ ] b\n',
    '[ ] a\n1) [ ] b\n',
    '[ ] a\n0. [ ] b\n',
    '[ ] a\n01. [ ] b\n',
    '- [ ] a\n2. [ ] b\n',
    '- [ ] a\n\n2. [ ] b\n',
    '> a\n1. [ ] b\n',
    '> a\n2. [ ] b\n',
    '> a\n-\n',
    '- a\n  > b\n[ ] c\n',
    // indented code and paragraphs
    '    a\n    [ ] b\n\n    [ ] c\n[ ] d\n',
    '    a\n  [ ] b\n',
    '- a\n\n      code\n  [ ] b\n',
    '  [ ] a\n      [ ] b\n',
    // fences
    '  ```\n  [ ] a\n     ```\n[ ] b\n',
    '- ```\n  [ ] a\n\n  [ ] b\n  ```\n  [ ] c\n',
    '> ```\n> [ ] a\n[ ] b\n',
    '```\n\n[ ] a\n',
    '~~~~\n~~~\n[ ] a\n~~~~~\n[ ] b\n',
    // html
    '<div>\n\n[ ] a\n',
    '- <!--\n  [ ] a\n  -->\n  [ ] b\n',
    '- <!--\n  [ ] a\n[ ] b\n',
    '<!-- a -->\n\n[ ] b\n',
    '<!--\n\n[ ] a\n-->\n[ ] b\n',
    '[ ] a\n<span>\n\n[ ] b\n',
    '> <div>\n> [ ] a\n\n[ ] b\n',
    // headings
    '## A\n[ ] a\n    # B\n[ ] b\n',
    '## A\n> ## B\n[ ] a\n',
    '- ## A\n  [ ] a\n',
    '## A\n[ ] a\n## A\n[ ] b\n',
    '[ ] a\n# B\n',
    '# A\n[ ] a\n## B\n[ ] b\n#### C\n[ ] c\n',
    // setext and retract
    '- [ ] a\n  ---\n  - [ ] b\n',
    '##\n[ ] a\n---\n',
    '## A\n[ ] a\n\n[ ] a\n---\n\n[ ] a\n',
    '[ ]\n===\n[ ] a\n',
    '> [ ] a\n===\n',
    '- [ ] a\n===\n',
    // thematic breaks
    '- [ ] a\n---\n',
    ' - - -\n[ ] a\n',
    '[ ] a\n+++\n',
    '_ _ _\n[ ] a\n',
    // a quote marker's optional space or tab, then four columns make code
    '>\t [ ] a\n[ ] b\n',
    '>\t  [ ] a\n[ ] b\n',
    '>     [ ] a\n[ ] b\n',
    '>    [ ] a\n[ ] b\n',
    '>\n>     [ ] a\n[ ] b\n',
    '>\n>    [ ] a\n[ ] b\n',
    '>\n>\t [ ] a\n[ ] b\n',
    '>\n>\t  [ ] a\n[ ] b\n',
    '> a\n\n[ ] b\n',
    '    - [ ] a\n',
    // thematic breaks are not paragraphs and not list items
    '---\n2. [ ] b\n',
    '***\n2. [ ] b\n',
    '___\n2. [ ] b\n',
    '* * *\n    [ ] b\n',
    '- - -\n    [ ] b\n',
    '[ ] a\n***\n===\n',
    '[ ] a\n___\n===\n',
    '[ ] a\n# B\n===\n',
    '[ ] a\n## B\n===\n',
    // what ends a lazy paragraph
    '> a\n```\n[ ] b\n',
    '> a\n~~~\n[ ] b\n',
    '> a\n<div>\n[ ] b\n',
    '> a\n<!--\n[ ] b\n',
    '> a\n***\n[ ] b\n',
    '> a\n___\n[ ] b\n',
    '> a\n- [ ] b\n',
    '> a\n+ [ ] b\n',
    '> a\n* [ ] b\n',
    '> a\n1. [ ] b\n',
    '> a\n# h\n[ ] b\n',
    '> a\n#h\n[ ] b\n',
    '> a\n``\n[ ] b\n',
    '> a\n<span>\n[ ] b\n',
    '> a\n+\n[ ] b\n',
    '> a\n-x\n[ ] b\n',
    // what ends a table
    '| a | b |\n| --- | --- |\n+ [ ] c\n',
    '| a | b |\n| --- | --- |\n0. [ ] c\n',
    '| a | b |\n| --- | --- |\n9) [ ] c\n',
    '| a | b |\n| --- | --- |\n~~~\n[ ] c\n',
    '| a | b |\n| --- | --- |\n___\n[ ] c\n',
    '| a | b |\n| --- | --- |\n#x\n[ ] c\n',
    '| a | b |\n| --- | --- |\n``\n[ ] c\n',
    '| a | b |\n| --- | --- |\n<span>\n[ ] c\n',
    '| a | b |\n| --- | --- |\n+x\n[ ] c\n',
    '| a | b |\n| --- | --- |\n--\n[ ] c\n',
    '| a | b |\n| --- | --- |\n:\n[ ] c\n',
    '| a | b |\n| --- | --- |\n/\n[ ] c\n',
    // front matter only when closed
    '---\n[ ] a\n[x] b\n',
    '-\n\n    [ ] a\n',
    '-\n     [ ] a\n',
    '-   \n     [ ] a\n',
    '## A\n[1/2]\n2. [ ] x\n',
    '[ ] a\n===\n2. [ ] b\n',
    '( ] a\n',
    '[ ) a\n',
    'a ] b\n',
    '[ ]] a\n',
    '> ```\n   > [ ] a\n[ ] b\n',
    '> > ```\n> > [ ] a\n[ ] b\n',
    '-   \n      [ ] a\n',
    '- a\n\n    [ ] b\n',
    '> a\n~~~\n[ ] b\n~~~\n[ ] c\n',
    '> a\n```\n[ ] b\n```\n[ ] c\n',
    '| a |\n| - |\n~~~\n[ ] c\n~~~\n[ ] d\n',
    '> a\n<!-- x -->\n[ ] b\n',
    '| a |\n| - |\n<!-- x -->\n[ ] c\n',
    '> a\n<span>\n- [ ] b\n',
    '| a |\n| - |\n<span>\n- [ ] c\n',
    '## A\n[x] a\n[ ] b | c\n--- | ---\n',
    'x\n[ ] a\n| a | b |\n| - | - |\n',
    // a header row needs a pipe
    'a\n| - |\n[ ] b\n',
    '[ ] a\n| - |\n[ ] b\n'
  ]
  it.each(cases)('%j', source => {
    expectReferenceReading(source)
  })

  it.each(cases)('%j: tallied and counted as parsed', source => {
    expectSameCounts(source)
  })
})

describe('own-line counters: only the first non-blank line after the heading', () => {
  it('skips blank lines and up to three spaces of indentation', () => {
    const doc = parseGoals(md('## A', '', '', '   [1/2]', '[ ] a'))
    expect(counter(doc)).toEqual([1, 2, 3])
    expect(doc.categories[0]?.heading.counter).toMatchObject({ start: 3, end: 8, ownLine: true })
  })

  it('indented code right after the heading is that line: a counter under it is text', () => {
    const source = md('## A', '    code', '[1/2]', '[ ] a')
    const doc = expectReferenceReading(source)
    expect(counter(doc)).toBeNull()
    expect(fixCounters(source)).toBe(md('## A [0/1]', '    code', '[1/2]', '[ ] a'))
  })

  it('a counter indented four spaces or a tab is indented code, not a counter', () => {
    expect(counter(parseGoals(md('## A', '    [1/2]')))).toBeNull()
    expect(counter(parseGoals(md('## A', '\t[1/2]')))).toBeNull()
    expect(counter(parseGoals(md('## A', ' \t[1/2]')))).toBeNull()
  })

  it('an empty list item or block quote marker is a non-blank line too', () => {
    for (const source of [
      md('## A', '-', '[1/2]'),
      md('## A', '>', '[1/2]'),
      md('## A', '1.', '[1/2]')
    ]) {
      expect(counter(expectReferenceReading(source)), source).toBeNull()
    }
  })

  it('inside a list item or block quote a lone counter is not the heading counter', () => {
    expect(counter(parseGoals(md('## A', '- [1/2]')))).toBeNull()
    expect(counter(parseGoals(md('## A', '> [1/2]')))).toBeNull()
  })

  it('a thematic break, a fence or a comment right after the heading is that line', () => {
    expect(counter(parseGoals(md('## A', '***', '[1/2]')))).toBeNull()
    expect(counter(parseGoals(md('## A', '```', '```', '[1/2]')))).toBeNull()
    expect(counter(parseGoals(md('## A', '<!-- c -->', '[1/2]')))).toBeNull()
  })

  it('the counter line starts a paragraph: goals under it are its lines, a table row is not', () => {
    const doc = parseGoals(md('## A', '[1/2]', '[x] a', '[ ] b'))
    expect(counter(doc)).toEqual([1, 2, 1])
    expect(doc.goals.map(g => [g.title, g.line])).toEqual([
      ['a', 2],
      ['b', 3]
    ])
    expect(doc.categories[0]?.done).toBe(1)
  })

  it('a level-1 title awaits its counter on the next line; deeper headings do not', () => {
    const doc = parseGoals(md('# T', '[3/4]', '### S', '[1/1]', '## A', '[0/0]'))
    expect(doc.titles[0]?.counter).toMatchObject({ done: 3, total: 4, line: 1, ownLine: true })
    expect(counter(doc)).toEqual([0, 0, 5])
  })

  it('under heading level 3, the level-3 heading and the title await theirs, a `##` does not', () => {
    const doc = parseGoals(md('# T', '', '[1/1]', '## Area', '[2/2]', '### C', '[0/0]', '[ ] a'), {
      categoryLevel: 3
    })
    expect(doc.titles[0]?.counter?.line).toBe(2)
    expect(doc.categories.map(c => [c.name, c.heading.counter?.line])).toEqual([['C', 6]])
  })
})

describe('HTML blocks end where CommonMark ends them', () => {
  it('`<?>` holds its own end, `?>`: the next line is prose again', () => {
    const doc = expectReferenceReading(md('<?>', '[ ] a'))
    expect(doc.goals.map(g => g.title)).toEqual(['a'])
  })

  it('a processing instruction without `?>` runs on until one', () => {
    const doc = expectReferenceReading(md('<?php', '[ ] a', 'x ?>', '[ ] b'))
    expect(doc.goals.map(g => g.title)).toEqual(['b'])
  })

  it('the `>` of a block quote does not end a declaration inside it', () => {
    // `<!X` runs to a line holding `>` after the quote marker: line 3 has none, so
    // the block is still open when the quote ends, and `[ ] w` starts a paragraph.
    const doc = expectReferenceReading(md('> <!X', '> y', '> z', '[ ] w'))
    expect(doc.goals.map(g => g.title)).toEqual(['w'])
  })

  it('each kind of block hides goals until its own end', () => {
    const kinds: [string, string][] = [
      ['<script>', '</script>'],
      ['<!-- x', '-->'],
      ['<? x', '?>'],
      ['<!DOCTYPE x', '>'],
      ['<![CDATA[', ']]>']
    ]
    for (const [open, close] of kinds) {
      const doc = expectReferenceReading(md(open, '[ ] hidden', close, '[ ] seen'))
      expect(lines(doc), open).toEqual([3])
    }
  })
})

describe('tallyGoals and countGoals read what parseGoals reads', () => {
  const sources = [
    md('# T [0/9]', '## A', '[x] a', '- [ ] b', '  - [x] c', '## B [1/1]', '[ ] a', '[ ] a'),
    md('## A', '[x] a', '[ ] b', '---', '[x] c'),
    md('## A', 'h | i', '--- | ---', '[x] row', '', '[x] d'),
    md('- [ ]', '> [x] q', '[x] e'),
    md('[x] before', '## A', '[1/1]', '[x] one', '# T', '[x] after')
  ]
  it.each(sources)('%j', source => {
    for (const level of [1, 2, 3]) expectSameCounts(source, level)
  })

  it('on the first of them, the counts worked out by hand', () => {
    const doc = tallyGoals(sources[0] as string)
    expect([doc.done, doc.total]).toEqual([2, 5])
    expect(doc.categories.map(c => [c.name, c.done, c.total])).toEqual([
      ['A', 2, 3],
      ['B', 0, 2]
    ])
    // The duplicate title in B is told only by parseGoals.
    expect(doc.warnings).toEqual([])
    expect(parseGoals(sources[0] as string).warnings.map(w => w.line)).toEqual([8])
  })

  it('a setext underline takes back the goals of its paragraph only', () => {
    const doc = tallyGoals(sources[1] as string)
    expect([doc.done, doc.total]).toEqual([1, 1])
    expect(doc.categories.map(c => [c.done, c.total])).toEqual([[1, 1]])
  })

  it('a delimiter row takes back the header row only, and rows are not goals', () => {
    const doc = tallyGoals(sources[2] as string)
    expect([doc.done, doc.total]).toEqual([1, 1])
  })

  it('goals before the first category and after a title count only in the totals', () => {
    const doc = tallyGoals(sources[4] as string)
    expect([doc.done, doc.total]).toEqual([3, 3])
    expect(doc.categories.map(c => [c.done, c.total, c.heading.counter?.line])).toEqual([[1, 1, 2]])
  })
})

describe('what the reference does not model: take-backs, parents, warnings', () => {
  it('a setext underline in an item takes back its goal, and a nested item then has no parent', () => {
    const doc = parseGoals(md('- [ ] a', '  ---', '  - [ ] b'))
    expect(doc.goals.map(g => [g.title, g.parent])).toEqual([['b', null]])
  })

  it('a take-back keeps the warnings of lines before the paragraph', () => {
    const doc = parseGoals(md('##', '[ ] a', '---'))
    expect(doc.goals).toEqual([])
    expect(doc.warnings.map(w => [w.line, w.message])).toEqual([
      [1, 'category heading has no name']
    ])
  })

  it('a take-back drops the warnings of its own lines, the very first one too', () => {
    for (const read of [parseGoals, countGoals, tallyGoals]) {
      const doc = read(md('[ ] a', '[ ]', '---', '- [ ]'))
      expect(
        doc.warnings.map(w => w.line),
        read.name
      ).toEqual([4])
    }
  })

  it('a take-back forgets the duplicate it took back, and its occurrence', () => {
    const doc = parseGoals(md('## A', '[ ] a', '', '[ ] a', '---', '', '[ ] a'))
    expect(doc.goals.map(g => [g.line, g.occurrence])).toEqual([
      [1, 0],
      [6, 1]
    ])
    expect(doc.warnings.map(w => w.line)).toEqual([7])
    expect(doc.categories.map(c => [c.total, c.goals])).toEqual([[2, [0, 1]]])
  })

  it('goals before any category are taken back from the totals', () => {
    for (const read of [parseGoals, countGoals, tallyGoals]) {
      const doc = read(md('[x] a', '---', '[x] b', '[ ] c', '==='))
      expect([doc.done, doc.total], read.name).toEqual([0, 0])
    }
  })

  it('a table under an item takes back only its header row: the item stays the parent', () => {
    const doc = parseGoals(md('- [ ] a', '  | x |', '  | - |', '  - [ ] b'))
    expect(doc.goals.map(g => [g.title, g.parent])).toEqual([
      ['a', null],
      ['b', 0]
    ])
  })
})

describe('front matter', () => {
  const titles = (source: string) => parseGoals(source).goals.map(g => [g.line, g.title])

  it('a first `---` opens it and `---` or `...`, blanks after allowed, closes it', () => {
    expect(titles(md('---', '[ ] hidden', '---', '[ ] a'))).toEqual([[3, 'a']])
    expect(titles(md('--- \t', '[ ] hidden', '...  ', '[ ] a'))).toEqual([[3, 'a']])
  })

  it('only a line that is just `---` or `...` closes it', () => {
    // (A blank line before the closing `---`: were the block closed earlier, that
    // `---` would be a thematic break, not a setext underline taking `y` back.)
    const source = md('---', '[ ] x', 'x---', '--- x', '....', '[ ] y', '', '---', '[ ] z')
    expect(titles(source)).toEqual([[8, 'z']])
  })

  it('is not front matter unless `---` is the very first line, alone', () => {
    expect(titles(md(' ---', '[ ] x', '', '---', '[ ] a'))).toEqual([
      [1, 'x'],
      [4, 'a']
    ])
    expect(titles(md('', '---', '[ ] x', '', '---', '[ ] a'))).toEqual([
      [2, 'x'],
      [5, 'a']
    ])
    expect(titles(md('---x', '[ ] x', '', '---', '[ ] a'))).toEqual([
      [1, 'x'],
      [4, 'a']
    ])
  })

  it('never closed, its lines are read as Markdown after all, with their numbers', () => {
    const doc = parseGoals(md('---', '## A', '[ ] a', '[x] b'))
    expect(doc.goals.map(g => [g.line, g.title, g.category])).toEqual([
      [2, 'a', 'A'],
      [3, 'b', 'A']
    ])
    expect(doc.lineCount).toBe(4)
    expect(tallyGoals(md('---', '## A', '[ ] a', '[x] b')).categories[0]?.done).toBe(1)
  })
})

describe('streamGoals after goals were let go', () => {
  /** Feeds the lines to streamGoals and gathers what it hands on, as one document. */
  function streamed(source: string, duplicates = true) {
    const goals: GoalsDoc['goals'] = []
    const warnings: GoalsDoc['warnings'] = []
    const reader = streamGoals(
      (g, w) => {
        goals.push(...g)
        warnings.push(...w)
      },
      {},
      duplicates
    )
    for (const line of source.replace(/\n$/, '').split('\n')) reader.line(line)
    const doc = reader.end()
    expect(doc.goals).toEqual([])
    expect(doc.warnings).toEqual([])
    return { ...doc, goals, warnings }
  }
  const plain = (doc: GoalsDoc) => ({
    ...summary(doc),
    goals: doc.goals,
    warnings: doc.warnings.map(w => [w.line, w.message])
  })
  // 300 separate goals (295 of them duplicates of the first five) push what is held
  // past a batch; nesting, take-backs and tables then meet goals let go.
  const early = Array.from({ length: 300 }, (_, k) => `- [${k % 2 ? 'x' : ' '}] early ${k % 5}\n\n`)
  const late = md(
    '## A',
    '- [ ] parent',
    '  - [x] child',
    '    - [ ] grandchild',
    '',
    '  [ ] lazy line of the parent',
    '- [ ] taken back',
    '  ---',
    '  - [x] orphan',
    '- [ ] header row | x',
    '  --- | ---',
    '  - [ ] under the table',
    '',
    '[x] twice',
    '[ ] twice'
  )
  const source = `${early.join('')}${late}`

  it('hands on the goals, parents and warnings parseGoals finds', () => {
    const whole = parseGoals(source)
    expect(plain(streamed(source))).toEqual(plain(whole))
    const tail = whole.goals
      .slice(300)
      .map(g => [g.title, g.parent === null ? null : whole.goals[g.parent]?.title])
    expect(tail).toEqual([
      ['parent', null],
      ['child', 'parent'],
      ['grandchild', 'child'],
      ['lazy line of the parent', 'parent'],
      ['orphan', null],
      ['under the table', null],
      ['twice', null],
      ['twice', null]
    ])
    expect(whole.warnings.length).toBe(296)
    expect(whole.warnings.at(-1)?.message).toBe(
      'duplicate goal "twice" in "A": told apart by order'
    )
  })

  it('tallyGoals and countGoals count what parseGoals reads there too', () => {
    expectSameCounts(source)
    expectSameCounts(source.replace('## A', '# A'))
  })

  it('without duplicates: the same goals, all first occurrences, and no warnings', () => {
    const whole = parseGoals(source)
    const doc = streamed(source, false)
    expect(doc.goals).toEqual(whole.goals.map(g => ({ ...g, occurrence: 0 })))
    expect(doc.warnings).toEqual([])
  })
})

describe('duplicates are counted per category name', () => {
  it('goals outside any category share one count, before the first category and after a title', () => {
    const doc = parseGoals(md('[ ] a', '## A', '[ ] a', '# T', '[ ] a'))
    expect(doc.goals.map(g => [g.category, g.occurrence])).toEqual([
      [null, 0],
      ['A', 0],
      [null, 1]
    ])
    expect(doc.warnings.map(w => [w.line, w.message])).toEqual([
      [5, 'duplicate goal "a": told apart by order']
    ])
  })

  it('a category named again goes on counting where it left off', () => {
    const doc = parseGoals(md('## A', '[ ] x', '## B', '[ ] x', '## A', '[ ] x'))
    expect(doc.goals.map(g => [g.category, g.occurrence])).toEqual([
      ['A', 0],
      ['B', 0],
      ['A', 1]
    ])
    expect(doc.warnings.map(w => [w.line, w.message])).toEqual([
      [5, 'category "A" appears more than once; its goals share one label'],
      [6, 'duplicate goal "x" in "A": told apart by order']
    ])
    expect(doc.categories.map(c => [c.name, c.total, c.goals])).toEqual([
      ['A', 1, [0]],
      ['B', 1, [1]],
      ['A', 1, [2]]
    ])
  })
})

describe('where a goal sits in its line', () => {
  it('a bare goal keeps its indentation and has no marker; an item goal the indentation before its marker', () => {
    const doc = parseGoals(md('  [ ] bare', '', '  - [x] item', '', '1. [ ] first'))
    expect(doc.goals.map(g => [g.indent, g.marker, g.boxAt])).toEqual([
      ['  ', '', 3],
      ['  ', '-', 5],
      ['', '1.', 4]
    ])
  })

  it('a goal on a continuation line, lazy or indented, has no marker and its whole indentation', () => {
    // Four columns past the item's content: indented code, were it not under paragraph text.
    const doc = parseGoals(md('- [ ] a', '[ ] lazy', '      [ ] indented', '   [ ] not'))
    expect(doc.goals.map(g => [g.title, g.indent, g.marker])).toEqual([
      ['a', '', '-'],
      ['lazy', '', ''],
      ['indented', '      ', ''],
      ['not', '   ', '']
    ])
  })
})

describe('streamGoals hands goals on in batches', () => {
  it('of 256 goals, at the start of a paragraph, and the rest at the end', () => {
    const calls: [number, number][] = []
    const reader = streamGoals((g, w) => calls.push([g.length, w.length]))
    for (let k = 0; k < 600; k++) {
      reader.line(`[ ] goal ${k}`)
      reader.line('')
    }
    expect(calls).toEqual([
      [256, 0],
      [256, 0]
    ])
    reader.end()
    expect(calls.at(-1)).toEqual([88, 0])
  })

  it('counting warnings among what it holds, and telling duplicates by default', () => {
    const calls: [number, number][] = []
    const reader = streamGoals((g, w) => calls.push([g.length, w.length]))
    for (let k = 0; k < 600; k++) reader.line(k % 2 ? '' : '[ ] same')
    reader.end()
    // 300 goals, each after the first a duplicate. Paragraph 130 starts with 129
    // goals and 128 warnings held (257 >= 256); paragraph 258 with 128 and 128;
    // the last 43 of each are handed on at the end.
    expect(calls).toEqual([
      [129, 128],
      [128, 128],
      [43, 43]
    ])
  })
})

describe('block quotes, by CommonMark where markdown-it reads otherwise', () => {
  it('a `>` indented four spaces is code, not the quote going on: the quote was empty', () => {
    // micromark (CommonMark) reads a quote, indented code, then a paragraph here.
    const doc = parseGoals(md('>', '    > [ ] a', '[ ] b'))
    expect(doc.goals.map(g => [g.line, g.title])).toEqual([[2, 'b']])
  })

  it('a `>` line after an item is no lazy line: it ends the item', () => {
    const doc = parseGoals(md('- [ ] a', '  > q', '> b', '', '  [ ] c'))
    expect(doc.goals.map(g => [g.title, g.parent])).toEqual([
      ['a', null],
      ['c', null]
    ])
    // Without the `>` line, the item goes on and holds `c`.
    const kept = parseGoals(md('- [ ] a', '  > q', '', '  [ ] c'))
    expect(kept.goals.map(g => [g.title, g.parent])).toEqual([
      ['a', null],
      ['c', 0]
    ])
  })
})
