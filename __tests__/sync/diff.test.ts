// Line pairing of a push and title similarity. Expected values are worked out
// by hand; the pairing search is checked against comparing every pair with a
// Dice coefficient written independently here.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { pairLines, similarPairs, similarity } from '../../src/sync/diff.ts'

describe('pairLines', () => {
  it('identical files: every line the same, no hunk', () => {
    const p = pairLines(['a', 'b'], ['a', 'b'])
    expect([...p.same]).toEqual([
      [0, 0],
      [1, 1]
    ])
    expect(p.hunks).toEqual([])
  })
  it('one line edited in the middle', () => {
    const p = pairLines(['a', 'b', 'c'], ['a', 'B', 'c'])
    expect([...p.same].sort()).toEqual([
      [0, 0],
      [2, 2]
    ])
    expect(p.hunks).toEqual([{ removed: [1], added: [1] }])
  })
  it('a line added at the end, and one removed at the start', () => {
    expect(pairLines(['a'], ['a', 'b']).hunks).toEqual([{ removed: [], added: [1] }])
    expect(pairLines(['x', 'a'], ['a']).hunks).toEqual([{ removed: [0], added: [] }])
    expect([...pairLines(['x', 'a'], ['a']).same]).toEqual([[1, 0]])
  })
  it('two separate edits make two hunks, with the common line between them kept', () => {
    const p = pairLines(['a', 'b', 'c', 'd', 'e'], ['a', 'B', 'c', 'D', 'e'])
    expect(p.hunks).toEqual([
      { removed: [1], added: [1] },
      { removed: [3], added: [3] }
    ])
    expect(p.same.get(2)).toBe(2)
  })
  it('a moved line: the longest common run stays paired', () => {
    const p = pairLines(['a', 'b', 'c', 'x'], ['b', 'c', 'a', 'y'])
    expect(p.same.get(1)).toBe(0)
    expect(p.same.get(2)).toBe(1)
    expect(p.same.has(0)).toBe(false)
    expect(p.hunks).toEqual([
      { removed: [0], added: [] },
      { removed: [3], added: [2, 3] }
    ])
  })
  it('an empty side', () => {
    expect(pairLines([], ['a', 'b']).hunks).toEqual([{ removed: [], added: [0, 1] }])
    expect(pairLines(['a'], []).hunks).toEqual([{ removed: [0], added: [] }])
    expect(pairLines([], [])).toEqual({ same: new Map(), hunks: [] })
  })
  it('over 4,000,000 cells the middle is one hunk', () => {
    const before = Array.from({ length: 2001 }, (_, i) => `b${i}`)
    const after = Array.from({ length: 2001 }, (_, i) => (i === 1000 ? 'b1000' : `a${i}`))
    const p = pairLines(before, after)
    expect(p.hunks).toHaveLength(1)
    expect(p.hunks[0]!.removed).toHaveLength(2001)
    expect(p.same.size).toBe(0)
  })
  it('just under the bound the middle is still aligned', () => {
    const before = Array.from({ length: 2000 }, (_, i) => `b${i}`)
    const after = Array.from({ length: 2000 }, (_, i) => (i === 1000 ? 'b1000' : `a${i}`))
    expect(pairLines(before, after).same.get(1000)).toBe(1000)
  })
})

describe('similarity', () => {
  const cases: [string, string, number][] = [
    ['Learn  Rust', 'learn rust ', 1],
    ['night', 'nacht', 2 / 8],
    ['aaa', 'aa', 2 / 3],
    ['organise', 'organize', 10 / 14],
    ['a', 'A', 1],
    ['a', 'b', 0],
    ['ab', 'b', 0],
    ['abc', 'xyz', 0]
  ]
  for (const [a, b, expected] of cases) {
    it(`${a} ~ ${b} = ${expected.toFixed(3)}`, () => {
      expect(similarity(a, b)).toBeCloseTo(expected, 10)
      expect(similarity(b, a)).toBeCloseTo(expected, 10)
    })
  }
})

/** Dice over bigram multisets, written here from the definition (the oracle). */
function dice(a: string, b: string): number {
  const norm = (s: string) => s.toLowerCase().split(/\s+/).filter(Boolean).join(' ')
  const x = norm(a)
  const y = norm(b)
  if (x === y) return 1
  const grams = (s: string) =>
    Array.from({ length: Math.max(s.length - 1, 0) }, (_, k) => s.slice(k, k + 2))
  const gx = grams(x)
  const gy = grams(y)
  if (gx.length === 0 || gy.length === 0) return 0
  const pool = [...gy]
  let shared = 0
  for (const g of gx) {
    const at = pool.indexOf(g)
    if (at >= 0) {
      shared++
      pool.splice(at, 1)
    }
  }
  return (2 * shared) / (gx.length + gy.length)
}

describe('similarPairs', () => {
  it('finds the pairs at or above the threshold', () => {
    const pairs = similarPairs(
      ['learn rust', 'bake bread', 'x'],
      ['learn rust now', 'x', 'fly'],
      0.6
    )
    expect(pairs.map(p => [p.a, p.b]).sort()).toEqual([
      [0, 0],
      [2, 1]
    ])
    expect(pairs.find(p => p.a === 0)!.score).toBeCloseTo(18 / 22, 10)
  })
  it('finds a one-letter spelling change between single words', () => {
    expect(similarPairs(['organise'], ['organize'], 0.6).map(p => p.b)).toEqual([0])
  })
  it('finds exactly the pairs that comparing every pair finds', () => {
    const letter = fc.constantFrom('a', 'b', 'c', 'd', ' ', 'A')
    const text = fc.array(letter, { maxLength: 12 }).map(l => l.join(''))
    fc.assert(
      fc.property(
        fc.array(text, { maxLength: 8 }),
        fc.array(text, { maxLength: 8 }),
        fc.constantFrom(0.4, 0.6, 0.8),
        (left, right, t) => {
          const expected: string[] = []
          left.forEach((a, i) =>
            right.forEach((b, j) => {
              if (dice(a, b) >= t) expected.push(`${i},${j}`)
            })
          )
          const got = similarPairs(left, right, t).map(p => `${p.a},${p.b}`)
          expect(got.sort()).toEqual(expected.sort())
        }
      ),
      { numRuns: 400 }
    )
  })
})
