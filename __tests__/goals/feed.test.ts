// The streaming read (bytes in pieces → lines → streamGoals) must find exactly
// what parseGoals finds in the whole text, wherever the pieces happen to end:
// inside a CRLF, inside a multi-byte character, inside front matter.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { LineFeed, NotUtf8Error } from '../../src/goals/feed.ts'
import type { GoalsDoc } from '../../src/goals/model.ts'
import { parseGoals, streamGoals } from '../../src/goals/parse.ts'
import { markdownDoc } from './markdown-grammar.ts'
import { fixturesDir, propertyRuns } from './support.ts'

/** What a reading found: the whole-text document's parts, warnings as plain values. */
function seen(doc: GoalsDoc) {
  return {
    goals: doc.goals,
    warnings: doc.warnings.map(w => [w.line, w.message]),
    done: doc.done,
    total: doc.total,
    lineCount: doc.lineCount,
    titles: doc.titles,
    categories: doc.categories.map(c => [c.name, c.done, c.total, c.heading])
  }
}

/** Streams `bytes` cut at `cuts` and gathers what was handed on as it settled. */
function streamed(bytes: Uint8Array, cuts: number[], level = 2, duplicates = true) {
  const goals: GoalsDoc['goals'] = []
  const warnings: GoalsDoc['warnings'] = []
  const feed = new LineFeed(
    streamGoals(
      (g, w) => {
        goals.push(...g)
        warnings.push(...w)
      },
      { categoryLevel: level },
      duplicates
    )
  )
  let from = 0
  for (const cut of [...cuts, bytes.length]) {
    feed.bytes(bytes.subarray(from, cut))
    from = cut
  }
  const doc = feed.end()
  expect(doc.goals).toEqual([])
  expect(doc.warnings).toEqual([])
  for (const c of doc.categories) expect(c.goals).toEqual([])
  return seen({ ...doc, goals, warnings })
}

/** The whole-text reading, with category goal lists left out (streaming has none). */
function whole(text: string, level = 2) {
  return seen(parseGoals(text, { categoryLevel: level }))
}

const encode = (text: string) => new TextEncoder().encode(text)
const corpus = join(fixturesDir, 'corpus')

describe('streaming read', () => {
  for (const name of readdirSync(corpus)) {
    it(`reads ${name} as parseGoals does, in pieces of any size`, () => {
      const bytes = readFileSync(join(corpus, name))
      const expected = whole(bytes.toString('utf8'))
      expect(expected.total).toBeGreaterThan(0)
      for (const size of [1, 2, 3, 5, 64, bytes.length]) {
        const cuts = Array.from(
          { length: Math.ceil(bytes.length / size) - 1 },
          (_, k) => (k + 1) * size
        )
        expect(streamed(bytes, cuts)).toEqual(expected)
      }
    })
  }

  const tricky = [
    // Front matter whose fence is split, CRLF endings, multi-byte titles, a BOM.
    '\uFEFF---\r\ntitle: x\r\n- [ ] not a goal\r\n---\r\n## Été [0/1]\r\n- [x] café ☕ 𝄞\r\n',
    // An opening `---` never closed: a thematic break, then goals.
    '---  \n- [x] one\n## A\r- [ ] two\r\r- [ ] two\n[3/3]',
    // Lone '\r' line ends, a setext heading taking back goals, a table doing so.
    '## B [0/0]\r[x] a\r[ ] b\r---\r\r[ ] a | b\r\n--- | ---\r\n\r\n- [ ] 日本語のタイトル',
    // No final newline, and an empty first line.
    '\n# T [0/0]\n- [X] é\n- [X] é',
    // Two BOMs: only the first is taken off, the second is text, so `[ ] a` is no goal.
    '\uFEFF\uFEFF[ ] a\n[ ] b\n'
  ]
  it('gives the same at every single cut, and cut into bytes, of small tricky files', () => {
    for (const text of tricky) {
      const bytes = encode(text)
      const expected = whole(text)
      expect(expected.total).toBeGreaterThan(0)
      for (let cut = 0; cut <= bytes.length; cut++) expect(streamed(bytes, [cut])).toEqual(expected)
      expect(
        streamed(
          bytes,
          Array.from({ length: bytes.length }, (_, k) => k)
        )
      ).toEqual(expected)
    }
  })

  it('gives the same for generated Markdown cut anywhere', () => {
    fc.assert(
      fc.property(
        markdownDoc,
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.nat(), { maxLength: 4 }),
        (source, eol, level, picks) => {
          const text = source.replace(/\n/g, eol)
          const bytes = encode(text)
          const cuts = picks.map(p => p % (bytes.length + 1)).sort((a, b) => a - b)
          expect(streamed(bytes, cuts, level)).toEqual(whole(text, level))
        }
      ),
      { numRuns: propertyRuns(300) }
    )
  })

  it('gives the same after hundreds of goals and warnings were handed on in batches', () => {
    // 300 paragraphs, each a goal and (after the first few) a duplicate warning.
    const prefix = Array.from({ length: 300 }, (_, k) => `[x] early ${k % 5}\r\n\r\n`).join('')
    fc.assert(
      fc.property(markdownDoc, fc.nat(), (doc, pick) => {
        const text = `${prefix}${doc}`
        const bytes = encode(text)
        expect(streamed(bytes, [pick % (bytes.length + 1)])).toEqual(whole(text))
      }),
      { numRuns: propertyRuns(100) }
    )
  })

  it('without duplicates, gives the same goals with no occurrences and no duplicate warnings', () => {
    fc.assert(
      fc.property(markdownDoc, fc.integer({ min: 1, max: 3 }), (text, level) => {
        const expected = whole(text, level)
        expect(streamed(encode(text), [], level, false)).toEqual({
          ...expected,
          goals: expected.goals.map(g => ({ ...g, occurrence: 0 })),
          warnings: expected.warnings.filter(([, m]) => !String(m).startsWith('duplicate goal'))
        })
      }),
      { numRuns: propertyRuns(200) }
    )
  })

  it('refuses bytes that are not UTF-8, also when a character is cut short at the end', () => {
    const feed = () => new LineFeed(streamGoals(() => {}))
    const bad = feed()
    expect(() => bad.bytes(new Uint8Array([0x61, 0xff, 0x0a]))).toThrow(NotUtf8Error)
    expect(() => feed().bytes(new Uint8Array([0xff]))).toThrow('not UTF-8')
    const cut = feed()
    cut.bytes(encode('- [ ] caf').subarray())
    cut.bytes(new Uint8Array([0xc3]))
    expect(() => cut.end()).toThrow(NotUtf8Error)
  })
})
