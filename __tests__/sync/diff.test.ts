// Line pairing of a push and title similarity. Expected values are worked out
// by hand; the pairing search is checked against comparing every pair with a
// Dice coefficient written independently here.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  pairLines,
  prefixLength,
  similarPairs,
  similarity,
  similarityKeys,
  type LinePairing
} from '../../src/sync/diff.ts'

/** The unchanged lines as [before, after] pairs, by before index. */
const sameOf = (p: LinePairing) => [...p.same].sort((x, y) => x[0] - y[0])

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
  it('the bound counts the cells of the middle only, and a middle at the bound is aligned', () => {
    const before = ['a', 'x', 'm', 'y', 'b']
    const after = ['a', 'p', 'm', 'q', 'b']
    const aligned = pairLines(before, after, 9)
    expect(sameOf(aligned)).toEqual([
      [0, 0],
      [2, 2],
      [4, 4]
    ])
    expect(aligned.hunks).toEqual([
      { removed: [1], added: [1] },
      { removed: [3], added: [3] }
    ])
    const whole = pairLines(before, after, 8)
    expect(sameOf(whole)).toEqual([
      [0, 0],
      [4, 4]
    ])
    expect(whole.hunks).toEqual([{ removed: [1, 2, 3], added: [1, 2, 3] }])
  })
  it('a repeated line at an end pairs with its first copy', () => {
    const grown = pairLines(['a'], ['a', 'a'])
    expect(sameOf(grown)).toEqual([[0, 0]])
    expect(grown.hunks).toEqual([{ removed: [], added: [1] }])
    const shrunk = pairLines(['a', 'a'], ['a'])
    expect(sameOf(shrunk)).toEqual([[0, 0]])
    expect(shrunk.hunks).toEqual([{ removed: [1], added: [] }])
  })
  it('an edit above a repeated line pairs with its own neighbour', () => {
    const p = pairLines(['x', 'a'], ['a', 'a'])
    expect(sameOf(p)).toEqual([[1, 1]])
    expect(p.hunks).toEqual([{ removed: [0], added: [0] }])
  })
  it('a line inserted above an edited pair is an addition, and the pair keeps its lines', () => {
    const p = pairLines(['a', 'b', 'q'], ['x', 'a', 'b', 'r'])
    expect(sameOf(p)).toEqual([
      [0, 1],
      [1, 2]
    ])
    expect(p.hunks).toEqual([
      { removed: [], added: [0] },
      { removed: [2], added: [3] }
    ])
  })
  it('the common line is found after several additions, then the rest is removed', () => {
    const p = pairLines(['a', 'x', 'y'], ['p', 'q', 'a'])
    expect(sameOf(p)).toEqual([[0, 2]])
    expect(p.hunks).toEqual([
      { removed: [], added: [0, 1] },
      { removed: [1, 2], added: [] }
    ])
  })
  it('on a tie the before line is removed first', () => {
    const p = pairLines(['x', 'y'], ['y', 'x'])
    expect(sameOf(p)).toEqual([[1, 0]])
    expect(p.hunks).toEqual([
      { removed: [0], added: [] },
      { removed: [], added: [1] }
    ])
  })
  it('a middle line never pairs with a line of the equal end', () => {
    const added = pairLines(['y', 'a', 's'], ['a', 's', 's'])
    expect(sameOf(added)).toEqual([
      [1, 0],
      [2, 2]
    ])
    expect(added.hunks).toEqual([
      { removed: [0], added: [] },
      { removed: [], added: [1] }
    ])
    const removed = pairLines(['a', 's', 's'], ['y', 'a', 's'])
    expect(sameOf(removed)).toEqual([
      [0, 1],
      [2, 2]
    ])
    expect(removed.hunks).toEqual([
      { removed: [], added: [0] },
      { removed: [1], added: [] }
    ])
  })
  it('two unchanged lines in a row inside the middle open no empty hunk', () => {
    const p = pairLines(['x', 'a', 'b', 'y'], ['z', 'a', 'b', 'w'])
    expect(sameOf(p)).toEqual([
      [1, 1],
      [2, 2]
    ])
    expect(p.hunks).toEqual([
      { removed: [0], added: [0] },
      { removed: [3], added: [3] }
    ])
  })
  it('the lines left after the last common one are removed', () => {
    const p = pairLines(['c', 'a', 'd', 'a', 'e'], ['a'])
    expect(sameOf(p)).toEqual([[1, 0]])
    expect(p.hunks).toEqual([
      { removed: [0], added: [] },
      { removed: [2, 3, 4], added: [] }
    ])
  })
  it('keeps a longest common subsequence, with the hunks exactly the runs between its lines', () => {
    const line = fc.constantFrom('a', 'b', 'c')
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), fc.array(line, { maxLength: 8 }), (b, a) => {
        const p = pairLines(b, a)
        const kept = sameOf(p)
        kept.forEach(([x, y], k) => {
          expect(b[x]).toBe(a[y])
          if (k > 0) expect(y).toBeGreaterThan(kept[k - 1]![1])
        })
        expect(kept).toHaveLength(lcsLength(b, a))
        expect(p.hunks).toEqual(runsBetween(kept, b.length, a.length))
      }),
      { numRuns: 300 }
    )
  })
})

/** Length of a longest common subsequence, by the textbook recursion (the oracle). */
function lcsLength(x: readonly string[], y: readonly string[]): number {
  const memo = new Map<string, number>()
  const go = (i: number, j: number): number => {
    if (i === x.length || j === y.length) return 0
    const key = `${i},${j}`
    let v = memo.get(key)
    if (v === undefined) {
      v = x[i] === y[j] ? 1 + go(i + 1, j + 1) : Math.max(go(i + 1, j), go(i, j + 1))
      memo.set(key, v)
    }
    return v
  }
  return go(0, 0)
}

/** The lines between consecutive kept pairs, as hunks: what a pairing's hunks must be. */
function runsBetween(kept: [number, number][], n: number, m: number) {
  const out: { removed: number[]; added: number[] }[] = []
  let pb = -1
  let pa = -1
  for (const [x, y] of [...kept, [n, m] as [number, number]]) {
    const removed = Array.from({ length: x - pb - 1 }, (_, k) => pb + 1 + k)
    const added = Array.from({ length: y - pa - 1 }, (_, k) => pa + 1 + k)
    if (removed.length + added.length > 0) out.push({ removed, added })
    pb = x
    pa = y
  }
  return out
}

describe('similarity', () => {
  const cases: [string, string, number][] = [
    ['Learn  Rust', 'learn rust ', 1],
    ['night', 'nacht', 2 / 8],
    ['aaa', 'aa', 2 / 3],
    ['organise', 'organize', 10 / 14],
    ['a', 'A', 1],
    ['a', 'b', 0],
    ['ab', 'b', 0],
    ['abc', 'xyz', 0],
    ['ab', 'abc', 2 / 3],
    ['', 'ab', 0],
    ['', 'a', 0],
    ['a  b  c', ' A B C', 1],
    ['abab', 'ab', 2 / 4],
    // st, tr, ra shared of st tr ra aß ße and st tr ra as ss se: case folds down, not up.
    ['straße', 'STRASSE', 6 / 11]
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

describe('prefixLength', () => {
  const cases: [number, number, number][] = [
    // 0.6 · 10 / 1.4 = 4.29: an overlap of 5 is needed, so 10 − 5 + 1 tokens.
    [10, 0.6, 6],
    // 0.6 · 7 / 1.4 = 3 exactly (3.0000000000000004 in floating point).
    [7, 0.6, 5],
    [3, 0.5, 3],
    [1, 0.6, 1],
    // 0.8 · 4 / 1.2 = 2.67 → 3.
    [4, 0.8, 2]
  ]
  for (const [size, threshold, expected] of cases) {
    it(`${size} tokens at ${threshold}: ${expected}`, () => {
      expect(prefixLength(size, threshold)).toBe(expected)
    })
  }
})

describe('similarityKeys', () => {
  it('rarest bigram tokens first (ties by token), as many as needed, then the words', () => {
    // 'abc abd': ab1 bc1 'c 1' ' a1' ab2 bd1; 'abd': ab1 bd1. ab1 and bd1 are in
    // two texts, the rest in one; 6 tokens at 0.6 keep 4, 2 tokens keep 2.
    expect(similarityKeys(['Abc abd', 'abd', 'x', ''], 0.6)).toEqual([
      [' a1', 'ab2', 'bc1', 'c 1', 'w abc', 'w abd'],
      ['ab1', 'bd1', 'w abd'],
      ['=x'],
      ['=']
    ])
  })
  it('a text of punctuation only has no word key', () => {
    expect(similarityKeys(['!?'], 1)).toEqual([['!?1']])
  })
  it('a word said twice is one key; punctuation is no word', () => {
    // Six tokens at 1 keep one: ' g1' sorts first.
    expect(similarityKeys(['go, go!'], 1)).toEqual([[' g1', 'w go']])
  })
})

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
  it('a pair exactly at the threshold is found', () => {
    expect(similarPairs(['ab'], ['abc'], 2 / 3)).toEqual([{ a: 0, b: 0, score: 2 / 3 }])
  })
  it('keys shared by more texts than `common` are skipped while a text has rarer ones', () => {
    // 'ab cd' ~ 'ab' = 'ab cd' ~ 'cd' = 2/5. Its keys: ' c1' 'b 1' cd1 ab1 (in 1, 1, 2
    // and 3 texts), 'w ab' 'w cd'; the buckets: cd1 and 'w cd' [2], ab1 and 'w ab' [0, 1].
    const right = ['ab', 'ab', 'cd']
    const found = (common: number) =>
      similarPairs(['ab cd'], right, 0.4, common)
        .map(p => [p.b, p.score])
        .sort((x, y) => x[0]! - y[0]!)
    expect(found(2)).toEqual([
      [0, 0.4],
      [1, 0.4],
      [2, 0.4]
    ])
    expect(found(1)).toEqual([[2, 0.4]])
  })
  it('with only common keys, the first smallest bucket is searched', () => {
    // ab1 [0, 1], cd1 [2, 3], 'w ab' [0, 1], 'w cd' [2, 3]: all over 1 text, ab1 first.
    const pairs = similarPairs(['ab cd'], ['ab', 'ab', 'cd', 'cd'], 0.4, 1)
    expect(pairs.map(p => p.b)).toEqual([0, 1])
    expect(similarPairs(['ab cd'], ['ab', 'ab', 'cd', 'cd'], 0.4).map(p => p.b)).toEqual([
      0, 1, 2, 3
    ])
  })
  it('the smallest bucket need not be the first', () => {
    // Keys found: ab1 [0, 1, 2] (xab's keys hold it too), then 'w ab' [2]; none is
    // narrow at 0. 'ab cd' ~ 'xab' = 2/6 would pass 0.3 but is never compared.
    const pairs = similarPairs(['ab cd'], ['xab', 'xab', 'ab'], 0.3, 0)
    expect(pairs).toEqual([{ a: 0, b: 2, score: 0.4 }])
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
