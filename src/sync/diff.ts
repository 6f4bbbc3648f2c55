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
export const MAX_CELLS = 4_000_000

export function pairLines(
  before: readonly string[],
  after: readonly string[],
  maxCells = MAX_CELLS
): LinePairing {
  const same = new Map<number, number>()
  // Equal ends are taken as they stand, so an edit beside a repeated line
  // pairs with its own neighbour and the table below covers only the middle.
  // Past its end a side reads undefined, which equals no line.
  let start = 0
  while (start < before.length && before[start] === after[start]) {
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
  if (n * m > maxCells) {
    return { same, hunks: [{ removed: range(start, endB), added: range(start, endA) }] }
  }
  // lcs[i * width + j]: longest common subsequence of the middles from i and from j.
  const width = m + 1
  const lcs = new Uint32Array((n + 1) * width)
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i * width + j] =
        before[start + i] === after[start + j]
          ? lcs[(i + 1) * width + j + 1]! + 1
          : Math.max(lcs[(i + 1) * width + j]!, lcs[i * width + j + 1]!)
    }
  }
  const hunks: LinePairing['hunks'] = []
  let hunk: { removed: number[]; added: number[] } = { removed: [], added: [] }
  const flush = () => {
    if (hunk.removed.length > 0 || hunk.added.length > 0) hunks.push(hunk)
    hunk = { removed: [], added: [] }
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && before[start + i] === after[start + j]) {
      flush()
      same.set(start + i++, start + j++)
    } else if (j < m && (i === n || lcs[i * width + j + 1]! > lcs[(i + 1) * width + j]!)) {
      // On a tie the before line goes first: a removal is listed before an addition.
      hunk.added.push(start + j++)
    } else {
      hunk.removed.push(start + i++)
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
  const gx = bigrams(x)
  const gy = bigrams(y)
  const counts = new Map<string, number>()
  for (const g of gx) counts.set(g, (counts.get(g) ?? 0) + 1)
  let shared = 0
  for (const g of gy) {
    const c = counts.get(g) ?? 0
    if (c > 0) {
      shared++
      counts.set(g, c - 1)
    }
  }
  const total = gx.length + gy.length
  // Two different texts of one character each have no bigram at all.
  return total === 0 ? 0 : (2 * shared) / total
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim()
}

function bigrams(text: string): string[] {
  const out: string[] = []
  for (let k = 0; k + 1 < text.length; k++) out.push(text.slice(k, k + 2))
  return out
}

/** A text's bigrams as a set: the k-th repeat of a bigram is its own token, so sets count like multisets. */
function bigramTokens(text: string): string[] {
  const seen = new Map<string, number>()
  return bigrams(text).map(g => {
    const n = (seen.get(g) ?? 0) + 1
    seen.set(g, n)
    return `${g}${n}`
  })
}

/** The words of a text (letters and digits) as tokens; one equal to a bigram token only adds candidates. */
function wordTokens(text: string): string[] {
  return [...new Set(text.match(/[\p{L}\p{N}]+/gu) ?? [])].map(w => `w ${w}`)
}

/**
 * How many of a text's `size` bigram tokens, taken in one order shared by all
 * texts, are enough for two texts at Dice ≥ `threshold` to share one (prefix
 * filtering): such texts overlap in at least t·|X|/(2−t) tokens, so they meet
 * among the first |X| − ⌈t·|X|/(2−t)⌉ + 1 of each. The small epsilon keeps a
 * quotient that is whole on paper whole in floating point.
 */
export function prefixLength(size: number, threshold: number): number {
  return size - Math.ceil((threshold * size) / (2 - threshold) - 1e-9) + 1
}

/**
 * The keys each text is indexed and looked up under: its rarest bigram tokens
 * (fewest texts first, then by token; any one order would find the same pairs,
 * rarest first keeps the buckets small), as many as prefixLength says, and
 * its words. A text too short for a bigram is keyed by itself: only an equal
 * text reaches a threshold against it.
 */
export function similarityKeys(texts: readonly string[], threshold: number): string[][] {
  const normal = texts.map(normalise)
  const tokens = normal.map(bigramTokens)
  const frequency = new Map<string, number>()
  for (const list of tokens) for (const t of list) frequency.set(t, (frequency.get(t) ?? 0) + 1)
  const order = [...frequency.keys()].sort().sort((a, b) => frequency.get(a)! - frequency.get(b)!)
  const rank = new Map(order.map((t, k) => [t, k]))
  return normal.map((text, k) => {
    if (text.length < 2) return [`=${text}`]
    const own = tokens[k]!.sort((a, b) => rank.get(a)! - rank.get(b)!)
    return [...own.slice(0, prefixLength(own.length, threshold)), ...wordTokens(text)]
  })
}

/** Above this many texts sharing a key, the key no longer narrows the search. */
export const COMMON_TOKEN = 32

/**
 * Every pair (a from `left`, b from `right`) whose similarity is at least
 * `threshold`, without comparing every pair: only texts sharing a key (see
 * similarityKeys) are compared. Keys shared by more than `common` texts are
 * skipped while a text has rarer ones, and a text with none but common keys
 * is compared with the texts of its smallest bucket only: below that the
 * result is exactly what comparing every pair gives; above it, pairs sharing
 * only common keys (texts that are all alike, never an ordinary edit, which
 * keeps its rare words) may be missed.
 */
export function similarPairs(
  left: readonly string[],
  right: readonly string[],
  threshold: number,
  common = COMMON_TOKEN
): { a: number; b: number; score: number }[] {
  const keys = similarityKeys([...left, ...right], threshold)
  const index = new Map<string, number[]>()
  keys.slice(left.length).forEach((list, b) => {
    for (const key of list) {
      const bucket = index.get(key)
      if (bucket) bucket.push(b)
      else index.set(key, [b])
    }
  })
  const pairs: { a: number; b: number; score: number }[] = []
  keys.slice(0, left.length).forEach((list, a) => {
    const buckets = list.flatMap(key => {
      const bucket = index.get(key)
      return bucket ? [bucket] : []
    })
    const narrow = buckets.filter(b => b.length <= common)
    const smallest = buckets.reduce(
      (best, b) => (b.length < best.length ? b : best),
      buckets[0] ?? []
    )
    const candidates = new Set((narrow.length > 0 ? narrow : [smallest]).flat())
    for (const b of candidates) {
      const score = similarity(left[a]!, right[b]!)
      if (score >= threshold) pairs.push({ a, b, score })
    }
  })
  return pairs
}
