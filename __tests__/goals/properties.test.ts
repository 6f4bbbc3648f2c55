// Property tests: whatever the text, an untouched file round-trips, fixing is
// idempotent and leaves only true counters, and tick + untick is the identity.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  applyEdits,
  fixCounters,
  setCheckedEdit,
  staleCounters,
  type TextEdit
} from '../../src/goals/edit.ts'
import { joinLines, splitLines } from '../../src/goals/lines.ts'
import { parseGoals } from '../../src/goals/parse.ts'

// Building blocks of goals-like documents: a small alphabet so that the
// generator often hits the characters the parser cares about.
const word = fc.constantFrom(
  'read',
  'Run',
  'a',
  '“curly”',
  '‘quote’',
  '#',
  '##',
  '[',
  ']',
  '[x]',
  '[ ]',
  '[3/4]',
  '[a/b]',
  '[TOEFL: 100/120]',
  '<!--',
  '-->',
  '```',
  '~~~',
  '---',
  '-',
  '*',
  '1.',
  'é',
  '🙂',
  '\t',
  '\u00a0'
)
const words = fc.array(word, { maxLength: 6 }).map(ws => ws.join(' '))
const spaces = fc.constantFrom('', '', ' ', '  ', '\t', '   ', '    ')
const counterText = fc
  .tuple(fc.nat({ max: 30 }), fc.nat({ max: 30 }))
  .map(([d, t]) => `[${d}/${t}]`)

const heading = fc
  .tuple(
    fc.constantFrom('', ' ', '   '),
    fc.integer({ min: 1, max: 4 }),
    words,
    fc.option(counterText, { nil: undefined }),
    fc.constantFrom('', '', ' ##', ' #'),
    spaces
  )
  .map(([lead, level, name, counter, closing, trail]) => {
    const text = [name, counter].filter(s => s !== undefined && s !== '').join('  ')
    return `${lead}${'#'.repeat(level)} ${text}${closing}${trail}`
  })
const loneCounter = fc.tuple(spaces, counterText, spaces).map(([a, c, b]) => `${a}${c}${b}`)
const task = fc
  .tuple(
    fc.constantFrom('', '', '  ', '    ', '\t'),
    fc.constantFrom('', '- ', '* ', '+ ', '1. ', '2) ', '-  '),
    fc.constantFrom('[ ]', '[ ]', '[x]', '[X]'),
    fc.constantFrom(' ', ' ', '  ', '\t', ''),
    words,
    spaces
  )
  .map(
    ([indent, marker, box, gap, title, trail]) => `${indent}${marker}${box}${gap}${title}${trail}`
  )
const other = fc.constantFrom(
  '',
  '',
  ' ',
  '\t',
  '```',
  '```md',
  '````',
  '~~~',
  '   ```',
  '<!--',
  '-->',
  '<!-- note -->',
  '<!-->',
  '---',
  '...',
  'plain prose',
  '- a list item',
  '> quoted [ ] text'
)
const line = fc.oneof(
  { arbitrary: heading, weight: 2 },
  { arbitrary: loneCounter, weight: 1 },
  { arbitrary: task, weight: 4 },
  { arbitrary: other, weight: 3 },
  { arbitrary: words, weight: 1 }
)
const eol = fc.constantFrom('\n', '\n', '\n', '\r\n', '\r')

/** A goals-like document: mixed line kinds and endings, maybe a BOM, maybe no final newline. */
const goalsDoc = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.tuple(line, eol), { maxLength: 40 }),
    fc.boolean(),
    fc.constantFrom<'\n' | '\r\n' | 'mixed'>('\n', '\r\n', 'mixed')
  )
  .map(([bom, lines, finalNewline, style]) => {
    let out = bom ? '\uFEFF' : ''
    lines.forEach(([text, ending], i) => {
      const last = i === lines.length - 1
      const e = style === 'mixed' ? ending : style
      out += text + (last && !finalNewline ? '' : e)
    })
    return out
  })

/** Any text at all, from code units (lone surrogates included) to whole lines. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({
    unit: fc.constantFrom('\r', '\n', '\uFEFF', ' ', '#', '[', ']', 'x', '-', '/', '1')
  }),
  fc.string({ unit: 'grapheme', maxLength: 100 })
)

describe('round trip without edits', () => {
  it('holds for any text', () => {
    fc.assert(
      fc.property(anyText, s => {
        expect(joinLines(splitLines(s))).toBe(s)
        expect(applyEdits(s, [])).toBe(s)
        parseGoals(s)
      })
    )
  })

  it('holds for goals-like documents, also through an empty edit', () => {
    fc.assert(
      fc.property(goalsDoc, s => {
        expect(joinLines(splitLines(s))).toBe(s)
        expect(applyEdits(s, [])).toBe(s)
        const doc = parseGoals(s)
        if (doc.lineCount > 0) {
          const noop: TextEdit = { line: doc.lineCount - 1, start: 0, end: 0, text: '' }
          expect(applyEdits(s, [noop])).toBe(s)
        }
      })
    )
  })
})

describe('fixCounters', () => {
  const fixes = (s: string) => {
    const fixed = fixCounters(s)
    expect(fixCounters(fixed)).toBe(fixed)
    expect(staleCounters(parseGoals(fixed))).toEqual([])
    // Only counters change: the goals and categories found are the same.
    const before = parseGoals(s)
    const after = parseGoals(fixed)
    expect(after.goals).toEqual(before.goals)
    expect(after.categories.map(c => [c.name, c.done, c.total])).toEqual(
      before.categories.map(c => [c.name, c.done, c.total])
    )
    // Line structure and endings are untouched.
    expect(splitLines(fixed).lines.map(l => l.eol)).toEqual(splitLines(s).lines.map(l => l.eol))
    expect(splitLines(fixed).bom).toBe(splitLines(s).bom)
    if (staleCounters(before).length === 0) expect(fixed).toBe(s)
  }

  it('is idempotent and leaves every counter equal to a recount (goals-like documents)', () => {
    fc.assert(fc.property(goalsDoc, fixes))
  })

  it('is idempotent and leaves every counter equal to a recount (any text)', () => {
    fc.assert(fc.property(anyText, fixes))
  })

  it('is idempotent at other category levels', () => {
    fc.assert(
      fc.property(goalsDoc, fc.integer({ min: 1, max: 4 }), (s, level) => {
        const fixed = fixCounters(s, { categoryLevel: level })
        expect(fixCounters(fixed, { categoryLevel: level })).toBe(fixed)
        expect(staleCounters(parseGoals(fixed, { categoryLevel: level }))).toEqual([])
      })
    )
  })
})

describe('tick and untick', () => {
  it('ticking an unticked goal then unticking it restores the original bytes', () => {
    fc.assert(
      fc.property(goalsDoc, fc.nat(), (s, pick) => {
        const open = parseGoals(s).goals.filter(g => !g.checked)
        fc.pre(open.length > 0)
        const goal = open[pick % open.length]!
        const ticked = applyEdits(s, [setCheckedEdit(goal, true)!])
        expect(ticked.length).toBe(s.length)
        const again = parseGoals(ticked).goals.find(g => g.line === goal.line)
        expect(again?.checked).toBe(true)
        expect(again?.title).toBe(goal.title)
        const back = applyEdits(ticked, [setCheckedEdit(again!, false)!])
        expect(back).toBe(s)
      })
    )
  })

  it('ticking every goal changes only box characters', () => {
    fc.assert(
      fc.property(goalsDoc, s => {
        const doc = parseGoals(s)
        const edits = doc.goals.flatMap(g => setCheckedEdit(g, true) ?? [])
        const ticked = applyEdits(s, edits)
        expect(ticked.length).toBe(s.length)
        const after = parseGoals(ticked)
        expect(after.goals.map(g => [g.line, g.title])).toEqual(
          doc.goals.map(g => [g.line, g.title])
        )
        expect(after.done).toBe(after.total)
        for (let i = 0; i < s.length; i++) {
          if (s[i] !== ticked[i]) expect([s[i], ticked[i]]).toEqual([' ', 'x'])
        }
      })
    )
  })
})
