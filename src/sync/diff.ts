// Pairs the lines of two versions of the goals file. Unchanged lines keep
// their identity; within each changed hunk the removed and added lines are
// paired in order, which is how an edited goal is told from a new one.

export interface LinePairing {
  /** before line index → after line index, for lines that did not change. */
  same: Map<number, number>
  /** Runs of removed (before) and added (after) line indexes between unchanged lines. */
  hunks: { removed: number[]; added: number[] }[]
}

/** Above this many cells the middle of the diff is not aligned (the files share no structure worth finding). */
const MAX_CELLS = 4_000_000

export function pairLines(before: readonly string[], after: readonly string[]): LinePairing {
  const same = new Map<number, number>()
  const hunks: LinePairing['hunks'] = []
  let start = 0
  while (start < before.length && start < after.length && before[start] === after[start]) {
    same.set(start, start)
    start++
  }
  let endB = before.length
  let endA = after.length
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--
    endA--
    same.set(endB, endA)
  }
  const n = endB - start
  const m = endA - start
  if (n === 0 && m === 0) return { same, hunks }
  if (n * m > MAX_CELLS || n === 0 || m === 0) {
    hunks.push({ removed: range(start, endB), added: range(start, endA) })
    return { same, hunks }
  }
  // Longest common subsequence over the middle, then walk it to emit hunks.
  const width = m + 1
  const lcs = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        before[start + i] === after[start + j]
          ? (lcs[(i + 1) * width + j + 1] as number) + 1
          : Math.max(lcs[(i + 1) * width + j] as number, lcs[i * width + j + 1] as number)
    }
  }
  let i = 0
  let j = 0
  let hunk: { removed: number[]; added: number[] } = { removed: [], added: [] }
  const flush = () => {
    if (hunk.removed.length > 0 || hunk.added.length > 0) hunks.push(hunk)
    hunk = { removed: [], added: [] }
  }
  while (i < n || j < m) {
    if (i < n && j < m && before[start + i] === after[start + j]) {
      flush()
      same.set(start + i, start + j)
      i++
      j++
    } else if (
      j >= m ||
      (i < n && (lcs[(i + 1) * width + j] as number) >= (lcs[i * width + j + 1] as number))
    ) {
      hunk.removed.push(start + i)
      i++
    } else {
      hunk.added.push(start + j)
      j++
    }
  }
  flush()
  return { same, hunks }
}

function range(from: number, to: number): number[] {
  const out: number[] = []
  for (let k = from; k < to; k++) out.push(k)
  return out
}

/** Dice coefficient over character bigrams, case- and space-insensitive: 1 for equal texts. */
export function similarity(a: string, b: string): number {
  const x = normalise(a)
  const y = normalise(b)
  if (x === y) return 1
  if (x.length < 2 || y.length < 2) return 0
  const counts = new Map<string, number>()
  for (let k = 0; k < x.length - 1; k++) {
    const g = x.slice(k, k + 2)
    counts.set(g, (counts.get(g) ?? 0) + 1)
  }
  let shared = 0
  for (let k = 0; k < y.length - 1; k++) {
    const g = y.slice(k, k + 2)
    const c = counts.get(g) ?? 0
    if (c > 0) {
      shared++
      counts.set(g, c - 1)
    }
  }
  return (2 * shared) / (x.length - 1 + y.length - 1)
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}

/** A text's bigrams as a set: the k-th repeat of a bigram is its own token, so sets count like multisets. */
function bigramTokens(text: string): string[] {
  const seen = new Map<string, number>()
  const out: string[] = []
  for (let k = 0; k < text.length - 1; k++) {
    const g = text.slice(k, k + 2)
    const n = (seen.get(g) ?? 0) + 1
    seen.set(g, n)
    out.push(`${g}${n}`)
  }
  return out
}

/** Above this many texts sharing a token, the token no longer narrows the search. */
export const COMMON_TOKEN = 32

/** The words of a text (letters and digits) as tokens; one equal to a bigram token only adds candidates. */
function wordTokens(text: string): string[] {
  return [...new Set(text.split(/[^\p{L}\p{N}]+/u).filter(w => w !== ''))].map(w => `w ${w}`)
}

/**
 * Every pair (a from `left`, b from `right`) whose similarity is at least
 * `threshold`, without comparing every pair. Candidates share a token: a word,
 * or one of the rarest bigrams (prefix filtering: Dice ≥ t needs an overlap of
 * at least t·|X|/(2−t) bigrams, so with all bigrams ranked rarest first, two
 * such texts share one among the first |X| − ⌈t·|X|/(2−t)⌉ + 1 of each).
 * Tokens shared by more than COMMON_TOKEN texts are skipped while a text has
 * rarer ones: below that the result is exactly what comparing every pair
 * gives; above it, pairs sharing only common tokens (texts that are all alike,
 * never an ordinary edit, which keeps its rare words) may be missed.
 */
export function similarPairs(
  left: readonly string[],
  right: readonly string[],
  threshold: number
): { a: number; b: number; score: number }[] {
  const l = left.map(normalise)
  const r = right.map(normalise)
  const lt = l.map(bigramTokens)
  const rt = r.map(bigramTokens)
  const frequency = new Map<string, number>()
  for (const list of [...lt, ...rt])
    for (const t of list) frequency.set(t, (frequency.get(t) ?? 0) + 1)
  const rarestFirst = (a: string, b: string) =>
    frequency.get(a)! - frequency.get(b)! || (a < b ? -1 : a > b ? 1 : 0)
  const keysOf = (text: string, tokens: string[]) => {
    if (text.length < 2) return [`=${text}`]
    const need = Math.ceil((threshold * tokens.length) / (2 - threshold) - 1e-9)
    const prefix = [...tokens].sort(rarestFirst).slice(0, tokens.length - Math.max(need, 1) + 1)
    return [...prefix, ...wordTokens(text)]
  }

  const index = new Map<string, number[]>()
  r.forEach((text, b) => {
    for (const t of keysOf(text, rt[b]!)) {
      const bucket = index.get(t)
      if (bucket) bucket.push(b)
      else index.set(t, [b])
    }
  })
  const pairs: { a: number; b: number; score: number }[] = []
  l.forEach((text, a) => {
    const buckets = keysOf(text, lt[a]!).flatMap(t => {
      const bucket = index.get(t)
      return bucket ? [bucket] : []
    })
    const narrow = buckets.filter(b => b.length <= COMMON_TOKEN)
    const rarest = buckets.reduce<number[]>(
      (best, b) => (best.length === 0 || b.length < best.length ? b : best),
      []
    )
    const candidates = new Set<number>((narrow.length > 0 ? narrow : [rarest]).flat())
    for (const b of candidates) {
      const score = similarity(left[a]!, right[b]!)
      if (score >= threshold) pairs.push({ a, b, score })
    }
  })
  return pairs
}
