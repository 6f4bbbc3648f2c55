// A generator of realistic Markdown for the oracle tests: the block constructs
// that decide what is a goal, a heading or a counter, nested and mixed, with
// and without the blank lines that separate them (laziness and interruption are
// where line-oriented readers go wrong).
import fc from 'fast-check'

type Lines = string[]

const title = fc
  .array(
    fc.constantFrom(
      'read',
      'Run',
      'a',
      'book',
      '“curly”',
      'x',
      '[3/4]',
      '*',
      '#',
      '`',
      'é',
      '🙂',
      '<b>'
    ),
    { minLength: 1, maxLength: 4 }
  )
  .map(ws => (ws[0] === '#' ? ['go', ...ws] : ws).join(' '))
const box = fc.constantFrom('[ ]', '[ ]', '[x]', '[X]')
// No pipes outside tables: markdown-it tries a table before a list item on the
// same line, where GitHub (cmark-gfm) sees the list first.
const prose = fc.constantFrom(
  'plain prose',
  'see [the docs](x)',
  'Phase [X]: plan',
  'text [ ] inside'
)

const taskLine = fc.tuple(box, title).map(([b, t]) => `${b} ${t}`)
const paragraphLine = fc.oneof({ arbitrary: taskLine, weight: 3 }, { arbitrary: prose, weight: 2 })
const paragraph = fc.array(paragraphLine, { minLength: 1, maxLength: 3 })

const decoration = fc.constantFrom('', '', ' 🔴', ' ✅ ##', ' #', ' !!', ' 🚧 🔥')
const atx = fc
  .tuple(
    fc.constantFrom('', '', ' ', '   '),
    fc.integer({ min: 1, max: 3 }),
    fc.constantFrom('Goals', 'Work', 'Items Domain', '🚀 Launch', 'Phase [X]: plan'),
    fc.option(fc.tuple(fc.nat({ max: 12 }), fc.nat({ max: 12 })), { nil: undefined }),
    decoration
  )
  .map(([lead, level, name, counter, deco]) => [
    `${lead}${'#'.repeat(level)} ${name}${counter ? ` [${counter[0]}/${counter[1]}]${deco}` : ''}`
  ])
const setext = fc
  .tuple(paragraph, fc.constantFrom('===', '---', '  ----  '))
  .map(([p, u]) => [...p, u])
const fenced = fc
  .tuple(
    fc.constantFrom('', '', ' ', '   ', '    ', '\t'),
    fc.constantFrom('```', '~~~', '````', '```md'),
    fc.array(fc.oneof(taskLine, fc.constantFrom('## not a heading', '```', '~~~', '  ```')), {
      maxLength: 3
    }),
    fc.constantFrom('same', 'same', 'none', 'short', 'indented4')
  )
  .map(([indent, fence, body, close]) => {
    const closer = fence.replace('md', '')
    const end =
      close === 'same'
        ? [indent + closer]
        : close === 'short'
          ? [closer.slice(0, 2)]
          : close === 'indented4'
            ? [`    ${closer}`]
            : []
    return [indent + fence, ...body, ...end]
  })
const indentedCode = fc
  .array(fc.oneof(taskLine, fc.constantFrom('## code', '```')), { minLength: 1, maxLength: 3 })
  .map(ls => ls.map(l => `    ${l}`))
const html = fc.oneof(
  fc.array(taskLine, { maxLength: 2 }).map(ls => ['<!--', ...ls, '-->']),
  fc.array(taskLine, { maxLength: 2 }).map(ls => ['<!-- one line -->', ...ls]),
  fc.array(taskLine, { maxLength: 2 }).map(ls => ['<details>', ...ls, '</details>']),
  fc.array(taskLine, { maxLength: 2 }).map(ls => ['<div align="center">', ...ls]),
  fc.array(taskLine, { maxLength: 2 }).map(ls => ['<span>', ...ls]),
  fc.constantFrom<Lines>(['<br>'], ['<img src="a.png">'], ['<pre>', '[ ] in pre', '</pre>'])
)
const table = fc
  .tuple(
    fc.constantFrom('| a | b |', 'a | b', '[ ] a | b'),
    fc.constantFrom('| --- | --- |', '--- | :-:'),
    fc.array(fc.oneof(taskLine, fc.constantFrom('| 1 | 2 |')), { maxLength: 2 })
  )
  .map(([head, delimiter, rows]) => [head, delimiter, ...rows])
const leafBlock: fc.Arbitrary<Lines> = fc.oneof(
  { arbitrary: paragraph, weight: 6 },
  { arbitrary: atx, weight: 3 },
  { arbitrary: setext, weight: 1 },
  { arbitrary: fenced, weight: 2 },
  { arbitrary: indentedCode, weight: 1 },
  { arbitrary: html, weight: 2 },
  {
    arbitrary: fc.constantFrom<Lines>(
      ['---'],
      ['***'],
      ['[x]: https://example.com', ''],
      ['- - -']
    ),
    weight: 1
  }
)

/** Lines that read as paragraph text anywhere, so leaving off their container prefix is a lazy continuation. */
const PROSE = /^[A-Za-z[]/

const marker = fc.constantFrom('-', '*', '+', '1.', '2)', '10.')
const separator = fc.constantFrom<string[]>([], [''], [''], ['', ''])

/** Blocks, joined with or without blank lines between them. */
function sequence(block: fc.Arbitrary<Lines>, max: number): fc.Arbitrary<Lines> {
  return fc
    .array(fc.tuple(block, separator), { minLength: 1, maxLength: max })
    .map(parts => parts.flatMap(([b, sep]) => [...b, ...sep]))
}

const { tree } = fc.letrec<{ tree: Lines; block: Lines; item: Lines; quote: Lines }>(tie => ({
  // Tables only at the top level (see prose).
  tree: sequence(
    fc.oneof({ arbitrary: tie('block'), weight: 8 }, { arbitrary: table, weight: 1 }),
    6
  ),
  block: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    { arbitrary: leafBlock, weight: 5 },
    { arbitrary: tie('item'), weight: 3 },
    { arbitrary: tie('quote'), weight: 1 }
  ),
  // A list item: marker, a gap of 1–5 spaces (or a tab), content indented under it.
  item: fc
    .tuple(
      marker,
      // A tab after the marker is left to the fixtures: its width depends on the column.
      fc.constantFrom(' ', ' ', '  ', '   ', '     '),
      fc.option(taskLine, { nil: undefined }),
      sequence(tie('block'), 2),
      fc.boolean()
    )
    .map(([m, gap, task, blocks, lazy]) => {
      const body = task === undefined ? blocks : [task, ...blocks]
      const pad = ' '.repeat(gap.length > 4 ? m.length + 1 : m.length + gap.length)
      // Lazy lines lose their indentation: markdown-it reads indented lazy lines
      // as code where CommonMark (and GitHub) continue the paragraph.
      const rest = body
        .slice(1)
        .map((l, k) => (l === '' ? l : lazy && k === 0 && PROSE.test(l) ? l : pad + l))
      return [`${m}${gap}${body[0] ?? ''}`.trimEnd(), ...rest]
    }),
  quote: fc
    .tuple(sequence(tie('block'), 2), fc.boolean())
    .map(([body, lazy]) =>
      body.map((l, k) => (lazy && k === 1 && PROSE.test(l) ? l : `> ${l}`.trimEnd()))
    )
}))

/** A document: maybe front matter, then blocks. */
export const markdownDoc: fc.Arbitrary<string> = fc
  .tuple(fc.boolean(), tree)
  .map(
    ([front, lines]) =>
      [...(front ? ['---', 'title: "[ ] not a goal"', '---'] : []), ...lines].join('\n') + '\n'
  )
