// The ownership ledger: which issues the action created, for which goal, and
// the state both sides agreed on at the last sync. It lives where only people
// who can write the repository can change it (a committed file, or the
// action's own git ref), so nothing typed into an issue can make an issue the
// action's. Serialised one issue per line, in number order, so a diff of it
// reads like a list of what changed.
import { createHash } from 'node:crypto'
import type { Marker } from './marker.ts'

export const LEDGER_FILE = '.github/goals-sync/ledger.json'

/**
 * One issue of the action's: its goal (file, category, title at the last sync,
 * occurrence among same-titled goals) and the state both sides had then.
 * `removed`: closed as not planned because the goal left the file (reopened if it comes back).
 */
export type LedgerEntry = Omit<Marker, 'nonce'> & {
  /** Closed as a duplicate of another issue for the same goal: no longer drives anything. */
  retired: boolean
}

export interface Ledger {
  /** Grows with every write, so of two copies (a file and the ref) the newer is known. */
  seq: number
  issues: Map<number, LedgerEntry>
  /** Git blob ids of the files the action last wrote, by path. */
  blobs: Map<string, string>
  /**
   * Milestones the action made (`milestones: true`), number → category. Absent
   * in ledgers of earlier versions, and written only when there is one.
   */
  milestones?: Map<number, string>
  /**
   * With several goals files: each file's progress as the action last wrote it
   * (its blob id and card rows), so a run that syncs one file can show the
   * others' totals without reading them while their blob is unchanged. Absent
   * in earlier ledgers, and written only when there is one.
   */
  progress?: Map<string, FileProgress>
}

export interface FileProgress {
  blob: string
  rows: { name: string; done: number; total: number }[]
}

export class LedgerError extends Error {}

export const emptyLedger = (): Ledger => ({ seq: 0, issues: new Map(), blobs: new Map() })

export function entryOf(marker: Marker, retired = false): LedgerEntry {
  return {
    file: marker.file,
    category: marker.category,
    title: marker.title,
    n: marker.n,
    synced: marker.synced,
    removed: marker.removed,
    retired
  }
}

export function markerOf(entry: LedgerEntry): Marker {
  return {
    file: entry.file,
    category: entry.category,
    title: entry.title,
    n: entry.n,
    synced: entry.synced,
    removed: entry.removed
  }
}

export function sameEntry(a: LedgerEntry | undefined, b: LedgerEntry): boolean {
  return (
    a !== undefined &&
    a.file === b.file &&
    a.category === b.category &&
    a.title === b.title &&
    a.n === b.n &&
    a.synced === b.synced &&
    a.removed === b.removed &&
    a.retired === b.retired
  )
}

/** The git blob id of a text as git computes it: sha1 of `blob <bytes>\0<content>`. */
export function blobId(text: string): string {
  const bytes = Buffer.from(text, 'utf8')
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex')
}

const progressJson = (f: FileProgress) =>
  JSON.stringify({ blob: f.blob, rows: f.rows.map(r => [r.name, r.done, r.total]) })

function entryJson(e: LedgerEntry): string {
  return JSON.stringify({
    file: e.file,
    category: e.category,
    title: e.title,
    n: e.n,
    synced: e.synced,
    ...(e.removed ? { removed: true } : {}),
    ...(e.retired ? { retired: true } : {})
  })
}

export function serializeLedger(ledger: Ledger): string {
  const issues = [...ledger.issues].sort(([a], [b]) => a - b)
  const blobs = [...ledger.blobs].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const block = (rows: string[]) => (rows.length === 0 ? '{}' : `{\n${rows.join(',\n')}\n  }`)
  const milestones = [...(ledger.milestones ?? [])].sort(([a], [b]) => a - b)
  const progress = [...(ledger.progress ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  const sections = [
    `  "issues": ${block(issues.map(([n, e]) => `    "${n}": ${entryJson(e)}`))}`,
    // Left out while empty, so a ledger without them reads as earlier versions wrote it.
    ...(milestones.length > 0
      ? [`  "milestones": ${block(milestones.map(([n, c]) => `    "${n}": ${JSON.stringify(c)}`))}`]
      : []),
    ...(progress.length > 0
      ? [
          `  "progress": ${block(progress.map(([p, f]) => `    ${JSON.stringify(p)}: ${progressJson(f)}`))}`
        ]
      : [])
  ]
  return [
    '{',
    '  "version": 1,',
    `  "seq": ${ledger.seq},`,
    `  "blobs": ${block(blobs.map(([p, s]) => `    ${JSON.stringify(p)}: ${JSON.stringify(s)}`))},`,
    sections.join(',\n'),
    '}',
    ''
  ].join('\n')
}

const ENTRY_KEYS = new Set(['file', 'category', 'title', 'n', 'synced', 'removed', 'retired'])

/** Reads a ledger; anything a hand edit can break is an error naming the place and the fix. */
export function parseLedger(text: string, where: string): Ledger {
  const fix = `restore it from the history (git log -p -- ${LEDGER_FILE}), or delete it so the next run rebuilds it from the action's issues`
  const fail = (what: string): never => {
    throw new LedgerError(`The goals-sync ledger ${where} ${what}; ${fix}.`)
  }
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (error) {
    return fail(`is not valid JSON (${(error as Error).message})`)
  }
  if (!isObject(raw)) return fail('is not a JSON object')
  if (raw.version !== 1) return fail(`has version ${JSON.stringify(raw.version)}, not 1`)
  if (!isCount(raw.seq)) return fail('has no "seq" (a whole number)')
  if (!isObject(raw.blobs)) return fail('has no "blobs" object')
  if (!isObject(raw.issues)) return fail('has no "issues" object')
  const blobs = new Map<string, string>()
  for (const [path, sha] of Object.entries(raw.blobs)) {
    if (typeof sha !== 'string' || !/^[0-9a-f]{40}$/.test(sha))
      fail(`has a blob id for ${JSON.stringify(path)} that is not 40 hex digits`)
    blobs.set(path, sha as string)
  }
  const issues = new Map<number, LedgerEntry>()
  for (const [key, value] of Object.entries(raw.issues)) {
    const at = `issue ${JSON.stringify(key)}`
    if (!/^[1-9][0-9]*$/.test(key)) fail(`lists ${at}, which is not an issue number`)
    if (!isObject(value)) return fail(`has ${at} that is not an object`)
    const odd = Object.keys(value).find(k => !ENTRY_KEYS.has(k))
    if (odd !== undefined) fail(`has an unknown key "${odd}" in ${at}`)
    if (typeof value.file !== 'string' || value.file === '') fail(`has no "file" in ${at}`)
    if (value.category !== null && typeof value.category !== 'string')
      fail(`has a "category" in ${at} that is neither text nor null`)
    if (typeof value.title !== 'string') fail(`has no "title" in ${at}`)
    if (!isCount(value.n)) fail(`has an "n" in ${at} that is not a whole number`)
    if (value.synced !== 'open' && value.synced !== 'closed')
      fail(`has a "synced" in ${at} that is neither "open" nor "closed"`)
    for (const flag of ['removed', 'retired'] as const) {
      if (value[flag] !== undefined && typeof value[flag] !== 'boolean')
        fail(`has a "${flag}" in ${at} that is not true or false`)
    }
    issues.set(Number(key), {
      file: value.file as string,
      category: value.category as string | null,
      title: value.title as string,
      n: value.n as number,
      synced: value.synced as 'open' | 'closed',
      removed: value.removed === true,
      retired: value.retired === true
    })
  }
  const ledger: Ledger = { seq: raw.seq as number, issues, blobs }
  if (raw.milestones !== undefined) ledger.milestones = parseMilestones(raw.milestones, fail)
  if (raw.progress !== undefined) ledger.progress = parseProgress(raw.progress, fail)
  return ledger
}

function parseProgress(raw: unknown, fail: (what: string) => never): Map<string, FileProgress> {
  if (!isObject(raw)) return fail('has a "progress" that is not an object')
  const files = new Map<string, FileProgress>()
  for (const [path, value] of Object.entries(raw)) {
    const at = `"progress" of ${JSON.stringify(path)}`
    if (!isObject(value) || typeof value.blob !== 'string' || !/^[0-9a-f]{40}$/.test(value.blob))
      return fail(`has a ${at} without a blob id of 40 hex digits`)
    if (!Array.isArray(value.rows)) return fail(`has a ${at} without "rows"`)
    const rows = value.rows.map((row: unknown) => {
      const ok =
        Array.isArray(row) &&
        row.length === 3 &&
        typeof row[0] === 'string' &&
        isCount(row[1]) &&
        isCount(row[2]) &&
        row[1] <= row[2]
      if (!ok) return fail(`has a row in ${at} that is not [category, done, total]`)
      const [name, done, total] = row as [string, number, number]
      return { name, done, total }
    })
    files.set(path, { blob: value.blob, rows })
  }
  return files
}

const sameProgress = (a: FileProgress | undefined, b: FileProgress) =>
  a !== undefined && a.blob === b.blob && JSON.stringify(a.rows) === JSON.stringify(b.rows)

function parseMilestones(raw: unknown, fail: (what: string) => never): Map<number, string> {
  if (!isObject(raw)) return fail('has a "milestones" that is not an object')
  const made = new Map<number, string>()
  for (const [key, category] of Object.entries(raw)) {
    const at = `milestone ${JSON.stringify(key)}`
    if (!/^[1-9][0-9]*$/.test(key)) fail(`lists ${at}, which is not a milestone number`)
    if (typeof category !== 'string' || category === '')
      fail(`has no category (text) for ${at} in "milestones"`)
    made.set(Number(key), category as string)
  }
  return made
}

const sameMade = (a: ReadonlyMap<number, string>, b: ReadonlyMap<number, string>) =>
  a.size === b.size && [...a].every(([n, c]) => b.get(n) === c)

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0

/**
 * The ledger with `changes` and blob ids laid over it (later ones win) and, when
 * given, `milestones` as the whole set the action made; one seq on; null when
 * nothing changes.
 */
export function withChanges(
  base: Ledger,
  changes: Iterable<[number, LedgerEntry]>,
  blobs: Iterable<[string, string]> = [],
  milestones?: ReadonlyMap<number, string>,
  progress: Iterable<[string, FileProgress]> = []
): Ledger | null {
  const issues = new Map(base.issues)
  let changed = false
  for (const [n, entry] of changes) {
    if (sameEntry(issues.get(n), entry)) continue
    issues.set(n, entry)
    changed = true
  }
  const files = new Map(base.blobs)
  for (const [path, sha] of blobs) {
    if (files.get(path) === sha) continue
    files.set(path, sha)
    changed = true
  }
  let made = base.milestones
  if (milestones && !sameMade(milestones, made ?? new Map())) {
    made = new Map(milestones)
    changed = true
  }
  let counted = base.progress
  for (const [path, file] of progress) {
    if (sameProgress(counted?.get(path), file)) continue
    counted = new Map(counted ?? [])
    counted.set(path, file)
    changed = true
  }
  if (!changed) return null
  return {
    seq: base.seq + 1,
    issues,
    blobs: files,
    ...(made ? { milestones: made } : {}),
    ...(counted ? { progress: counted } : {})
  }
}
