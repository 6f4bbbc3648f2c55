// Edits touch only what the action owns: box characters, counters and a goal's text.
import { describe, expect, it } from 'vitest'
import {
  applyEdits,
  counterEdits,
  fixCounters,
  retitleEdit,
  setCheckedEdit,
  staleCounters
} from '../../src/goals/edit.ts'
import { joinLines, splitLines } from '../../src/goals/lines.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { fixture, md } from './support.ts'

/** The lines of `a` and `b` that differ, as [index, before, after]. */
function changedLines(a: string, b: string): [number, string, string][] {
  const x = a.split('\n')
  const y = b.split('\n')
  expect(y.length).toBe(x.length)
  const out: [number, string, string][] = []
  x.forEach((line, i) => {
    if (line !== y[i]) out.push([i, line, y[i] as string])
  })
  return out
}

describe('splitLines / joinLines', () => {
  it.each([
    ['empty', ''],
    ['LF', 'a\nb\n'],
    ['CRLF', 'a\r\nb\r\n'],
    ['lone CR', 'a\rb\r'],
    ['mixed', 'a\r\nb\nc\rd'],
    ['no final newline', 'a\nb'],
    ['BOM', '\uFEFF# T\r\n'],
    ['only a BOM', '\uFEFF'],
    ['trailing spaces and blank lines', 'a  \n\t\n\n  \n'],
    ['CR then LF across lines stays one CRLF', 'a\r\n\r\n']
  ])('%s round-trips byte for byte', (_name, source) => {
    expect(joinLines(splitLines(source))).toBe(source)
    expect(applyEdits(source, [])).toBe(source)
  })

  it('keeps each line ending with its line', () => {
    expect(splitLines('\uFEFFa\r\nb\rc\nd')).toEqual({
      bom: '\uFEFF',
      lines: [
        { text: 'a', eol: '\r\n' },
        { text: 'b', eol: '\r' },
        { text: 'c', eol: '\n' },
        { text: 'd', eol: '' }
      ]
    })
  })

  it('a BOM in the middle of the text is just text', () => {
    expect(splitLines('a\n\uFEFFb').lines[1]?.text).toBe('\uFEFFb')
  })
})

describe('applyEdits', () => {
  it('applies several edits on one line right to left', () => {
    const out = applyEdits('abcdef\n', [
      { line: 0, start: 0, end: 1, text: 'A' },
      { line: 0, start: 4, end: 6, text: 'EF!' },
      { line: 0, start: 2, end: 2, text: '+' }
    ])
    expect(out).toBe('Ab+cdEF!\n')
  })

  it('rejects edits out of range or overlapping', () => {
    expect(() => applyEdits('abc\n', [{ line: 1, start: 0, end: 0, text: 'x' }])).toThrow(/range/)
    expect(() => applyEdits('abc\n', [{ line: 0, start: 2, end: 4, text: 'x' }])).toThrow(/range/)
    expect(() => applyEdits('abc\n', [{ line: 0, start: 2, end: 1, text: 'x' }])).toThrow(/range/)
    expect(() =>
      applyEdits('abcdef\n', [
        { line: 0, start: 0, end: 3, text: 'x' },
        { line: 0, start: 2, end: 4, text: 'y' }
      ])
    ).toThrow('overlapping edits at line 1')
  })

  it('applies edits given in any order, on later lines of LF, CRLF and CR text', () => {
    const edits = [
      { line: 2, start: 0, end: 1, text: 'C' },
      { line: 0, start: 2, end: 3, text: 'A' }
    ]
    expect(applyEdits('ab-\ncd\nef\n', edits)).toBe('abA\ncd\nCf\n')
    expect(applyEdits('ab-\r\ncd\r\nef', edits)).toBe('abA\r\ncd\r\nCf')
    expect(applyEdits('ab-\rcd\ref\r', edits)).toBe('abA\rcd\rCf\r')
  })

  it('allows edits that touch end to start, and edits on other lines whatever their columns', () => {
    expect(
      applyEdits('abcd\n', [
        { line: 0, start: 1, end: 2, text: 'X' },
        { line: 0, start: 2, end: 4, text: 'YZ' }
      ])
    ).toBe('aXYZ\n')
    expect(
      applyEdits('abcdef\ngh\n', [
        { line: 0, start: 2, end: 6, text: '' },
        { line: 1, start: 0, end: 1, text: 'G' }
      ])
    ).toBe('ab\nGh\n')
  })

  it('measures the range against the edited line itself', () => {
    expect(applyEdits('abc\nde\n', [{ line: 1, start: 0, end: 2, text: 'DE' }])).toBe('abc\nDE\n')
    expect(() => applyEdits('abc\nde\n', [{ line: 1, start: 0, end: 3, text: 'x' }])).toThrow(
      'edit out of range at line 2'
    )
    expect(() => applyEdits('abc\n', [{ line: 0, start: -1, end: 1, text: 'x' }])).toThrow(/range/)
    // No line follows the final line ending, nor the end of a text without one.
    expect(() => applyEdits('abc\n', [{ line: 1, start: 0, end: 0, text: 'x' }])).toThrow(
      'edit out of range at line 2'
    )
    expect(() =>
      applyEdits('abc', [
        { line: 0, start: 0, end: 0, text: '>' },
        { line: 1, start: 0, end: 0, text: 'x' }
      ])
    ).toThrow('edit out of range at line 2')
    expect(() => applyEdits('', [{ line: 0, start: 0, end: 0, text: 'x' }])).toThrow(/range/)
  })

  it('keeps every line ending, the BOM and the missing final newline', () => {
    const source = '\uFEFF## A [0/1]  \r\n[ ] one\r- [ ] two  \n[x] three'
    const out = applyEdits(source, [
      { line: 0, start: 5, end: 10, text: '[1/3]' },
      { line: 3, start: 1, end: 2, text: ' ' }
    ])
    expect(out).toBe('\uFEFF## A [1/3]  \r\n[ ] one\r- [ ] two  \n[ ] three')
  })
})

describe('tick and untick', () => {
  const source = md('## A [1/3]', '- [ ] one  ', '  * [x] two', '3. [X] three')
  const doc = parseGoals(source)

  it('change only the box character', () => {
    const ticked = applyEdits(source, [setCheckedEdit(doc.goals[0]!, true)!])
    expect(changedLines(source, ticked)).toEqual([[1, '- [ ] one  ', '- [x] one  ']])
    const unticked = applyEdits(source, [setCheckedEdit(doc.goals[2]!, false)!])
    expect(changedLines(source, unticked)).toEqual([[3, '3. [X] three', '3. [ ] three']])
  })

  it('are no-ops when the box already says so', () => {
    expect(setCheckedEdit(doc.goals[0]!, false)).toBeNull()
    expect(setCheckedEdit(doc.goals[1]!, true)).toBeNull()
    expect(setCheckedEdit(doc.goals[2]!, true)).toBeNull()
  })

  it('tick then untick restores the bytes, CRLF and all', () => {
    const crlf = '\uFEFF## A\r\n\r\n[ ] one \r\n[ ] two'
    const ticked = applyEdits(crlf, [setCheckedEdit(parseGoals(crlf).goals[1]!, true)!])
    expect(ticked).toBe('\uFEFF## A\r\n\r\n[ ] one \r\n[x] two')
    const back = applyEdits(ticked, [setCheckedEdit(parseGoals(ticked).goals[1]!, false)!])
    expect(back).toBe(crlf)
  })
})

describe('retitle', () => {
  const source = md('## A', '-   [ ]   old words   ', '[x] keep')
  const goal = parseGoals(source).goals[0]!

  it('changes only the title, keeping the white space around it', () => {
    const out = applyEdits(source, [retitleEdit(goal, 'new words')!])
    expect(changedLines(source, out)).toEqual([
      [1, '-   [ ]   old words   ', '-   [ ]   new words   ']
    ])
  })

  it('puts a multi-line title on one line and trims it', () => {
    expect(retitleEdit(goal, '  first\r\nsecond\nthird  ')?.text).toBe('first second third')
  })

  it('is a no-op for the same title and refuses an empty one', () => {
    expect(retitleEdit(goal, ' old words ')).toBeNull()
    expect(() => retitleEdit(goal, ' \n ')).toThrow('a goal title cannot be empty')
  })

  it('keeps brackets and curly quotes', () => {
    const out = applyEdits(source, [retitleEdit(goal, 'score “well” [TOEFL: 100/120]')!])
    const again = parseGoals(out)
    expect(again.goals[0]?.title).toBe('score “well” [TOEFL: 100/120]')
    expect(again.categories[0]?.heading.counter).toBeNull()
  })
})

describe('counters', () => {
  it('a stale counter on the heading line is rewritten in place', () => {
    const source = md('## A  [0/9]  ', '[x] one', '[ ] two')
    expect(fixCounters(source)).toBe(md('## A  [1/2]  ', '[x] one', '[ ] two'))
  })

  it('a stale counter on its own line is rewritten in place', () => {
    const source = md('## A', '', '   [5/5]\t', '', '[x] one', '[ ] two')
    expect(fixCounters(source)).toBe(md('## A', '', '   [1/2]\t', '', '[x] one', '[ ] two'))
  })

  it('a fresh counter is left alone', () => {
    const source = md('# T [1/2]', '## A [1/2]', '[x] one', '[ ] two', '## B', '[0/0]')
    expect(counterEdits(parseGoals(source))).toEqual([])
    expect(fixCounters(source)).toBe(source)
  })

  it('a category with goals but no counter gets " [d/t]" after its text', () => {
    const source = md(
      '## A',
      '[x] one',
      '## B ##',
      '- [ ] two',
      '## C  ',
      '[ ] three',
      '##',
      '[ ] four'
    )
    expect(fixCounters(source)).toBe(
      md(
        '## A [1/1]',
        '[x] one',
        '## B [0/1] ##',
        '- [ ] two',
        '## C [0/1]  ',
        '[ ] three',
        '## [0/1]',
        '[ ] four'
      )
    )
  })

  it('a category without goals and without counter gets none', () => {
    const source = md('## Empty', '', 'Only prose.', '## Also empty')
    expect(counterEdits(parseGoals(source))).toEqual([])
    expect(fixCounters(source)).toBe(source)
  })

  it('a category without goals but with a counter gets [0/0]', () => {
    expect(fixCounters(md('## Empty [2/3]'))).toBe(md('## Empty [0/0]'))
  })

  it('a level-1 heading keeps a whole-file counter up to date only if it has one', () => {
    const withCounter = md('# Plans [0/0]', '[x] loose', '## A', '[ ] one', '## B', '[x] two')
    expect(fixCounters(withCounter).split('\n')[0]).toBe('# Plans [2/3]')
    const ownLine = md('# Plans', '[9/9]', '## A [0/1]', '[ ] one')
    expect(fixCounters(ownLine)).toBe(md('# Plans', '[0/1]', '## A [0/1]', '[ ] one'))
    const without = md('# Plans', '## A [0/1]', '[ ] one')
    expect(fixCounters(without)).toBe(without)
  })

  it('bracketed text is never rewritten as a counter', () => {
    const source = md(
      '## Exams [TOEFL: 100/120]',
      '[3/4] points',
      '[ ] pass [3/4]',
      '[ ] solve [a/b]'
    )
    expect(fixCounters(source)).toBe(
      md('## Exams [TOEFL: 100/120] [0/2]', '[3/4] points', '[ ] pass [3/4]', '[ ] solve [a/b]')
    )
  })

  it('counters in fences, comments and front matter are left alone', () => {
    const source = md(
      '---',
      '## Meta [9/9]',
      '---',
      '## A [0/1]',
      '[ ] one',
      '<!--',
      '## Hidden [9/9]',
      '-->',
      '```',
      '## Code [9/9]',
      '```'
    )
    expect(fixCounters(source)).toBe(source)
  })

  it('fixing keeps CRLF, lone CR, a BOM, trailing spaces and no final newline', () => {
    const source =
      '\uFEFF# T [0/0] \r\n## A  \r\n[7/7]  \r\n\r\n[x] one  \r[ ] two\r\n## B\r\n- [x] three'
    expect(fixCounters(source)).toBe(
      '\uFEFF# T [2/3] \r\n## A  \r\n[1/2]  \r\n\r\n[x] one  \r[ ] two\r\n## B [1/1]\r\n- [x] three'
    )
  })

  it('follows the categoryLevel option', () => {
    const source = md('## Area', '### Sub', '[x] one')
    expect(fixCounters(source, { categoryLevel: 3 })).toBe(
      md('## Area', '### Sub [1/1]', '[x] one')
    )
    expect(fixCounters(source)).toBe(md('## Area [1/1]', '### Sub', '[x] one'))
  })

  it('a counter is stale when only its done or only its total is wrong', () => {
    const source = md('# T [1/3]', '## A [0/2]', '[x] a', '[ ] b', '## B [1/1]', '[x] c', '[ ] d')
    expect(fixCounters(source)).toBe(
      md('# T [2/4]', '## A [1/2]', '[x] a', '[ ] b', '## B [1/2]', '[x] c', '[ ] d')
    )
    expect(staleCounters(parseGoals(source))).toEqual([
      { line: 1, name: 'T', found: '[1/3]', expected: '[2/4]' },
      { line: 2, name: 'A', found: '[0/2]', expected: '[1/2]' },
      { line: 5, name: 'B', found: '[1/1]', expected: '[1/2]' }
    ])
    const totalOnly = md('# T [1/1]', '## A [1/2]', '[x] a', '[ ] b')
    expect(fixCounters(totalOnly)).toBe(md('# T [1/2]', '## A [1/2]', '[x] a', '[ ] b'))
  })

  it('staleCounters reports a counter on an empty category, and no title without a counter', () => {
    const source = md('# T', '## Empty [2/3]', '## A', '[x] a')
    expect(staleCounters(parseGoals(source))).toEqual([
      { line: 2, name: 'Empty', found: '[2/3]', expected: '[0/0]' },
      { line: 3, name: 'A', found: null, expected: '[1/1]' }
    ])
  })

  it('staleCounters lists by line, a title among the categories', () => {
    const source = md('## A', '[x] a', '# T [0/0]', '## B', '[ ] b')
    expect(staleCounters(parseGoals(source)).map(s => [s.line, s.name])).toEqual([
      [1, 'A'],
      [3, 'T'],
      [4, 'B']
    ])
  })

  it('staleCounters names each stale or missing counter', () => {
    const doc = parseGoals(fixture('garden.md'))
    expect(staleCounters(doc)).toEqual([
      { line: 22, name: 'Tool Goals', found: '[0/1]', expected: '[1/2]' }
    ])
    const missing = parseGoals(md('## A', '[ ] one', '## B'))
    expect(staleCounters(missing)).toEqual([{ line: 1, name: 'A', found: null, expected: '[0/1]' }])
  })

  it('fixing the garden fixture changes exactly the stale line, then nothing', () => {
    const source = fixture('garden.md')
    const fixed = fixCounters(source)
    expect(changedLines(source, fixed)).toEqual([
      [21, '## Tool Goals [0/1]', '## Tool Goals [1/2]']
    ])
    expect(fixCounters(fixed)).toBe(fixed)
    expect(staleCounters(parseGoals(fixed))).toEqual([])
  })
})
