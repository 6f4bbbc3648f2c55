// list, check and fix: the commands that work on a goals file on disk, with no
// GitHub access at all.
import { mkdir, open, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { applyEdits, counterEdits, staleCounters } from '../goals/edit.ts'
import { LineFeed, NotUtf8Error } from '../goals/feed.ts'
import type { Goal, GoalsDoc, Warning } from '../goals/model.ts'
import { parseGoals, streamGoals, tallyGoals, type Settled } from '../goals/parse.ts'

export interface Io {
  out: (text: string) => void
  err: (text: string) => void
  /** Writes to standard output as is, waiting while the reader catches up (large listings). */
  write: (chunk: string) => Promise<void>
  /** The same for standard error (a large file's warnings). */
  writeErr: (chunk: string) => Promise<void>
}

export class FileError extends Error {}

// Strict, and keeping the BOM: `fix` writes the text back, so a lossy decode would
// silently replace every byte that is not UTF-8.
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

function unreadable(path: string, error: unknown): FileError {
  const code = (error as NodeJS.ErrnoException).code
  const why =
    code === 'ENOENT'
      ? 'no such file; check the path'
      : code === 'EISDIR'
        ? 'it is a directory; name the goals file itself'
        : code === 'EACCES'
          ? 'permission denied'
          : String((error as Error).message)
  return new FileError(`cannot read ${path}: ${why}`)
}

const notUtf8 = (path: string) =>
  new FileError(`cannot read ${path}: it is not UTF-8 text; save it as UTF-8`)

export async function readGoalsFile(path: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    throw unreadable(path, error)
  }
  try {
    return utf8.decode(bytes)
  } catch {
    throw notUtf8(path)
  }
}

const PIECE = 1 << 14

/**
 * Reads a goals file piece by piece into a streaming reader, never holding its
 * text whole; `drain` runs after each piece, so what the reader handed on (a
 * large file's warnings or goals) is written out before more is read.
 */
async function streamFile(
  path: string,
  level: number,
  settled: Settled,
  drain: () => Promise<void>,
  duplicates = true
): Promise<GoalsDoc> {
  const feed = new LineFeed(streamGoals(settled, { categoryLevel: level }, duplicates))
  const buffer = new Uint8Array(PIECE)
  let file
  try {
    file = await open(path)
  } catch (error) {
    throw unreadable(path, error)
  }
  try {
    for (;;) {
      let got: number
      try {
        got = (await file.read(buffer, 0, PIECE)).bytesRead
      } catch (error) {
        throw unreadable(path, error)
      }
      if (got === 0) break
      feed.bytes(buffer.subarray(0, got))
      await drain()
    }
    const doc = feed.end()
    await drain()
    return doc
  } catch (error) {
    throw error instanceof NotUtf8Error ? notUtf8(path) : error
  } finally {
    await file.close()
  }
}

/** Warnings as `path:line: warning: ...` lines, gathered while reading and written after each piece. */
class WarningText {
  private text = ''
  private readonly path: string
  private readonly io: Io
  constructor(path: string, io: Io) {
    this.path = path
    this.io = io
  }

  add(warnings: readonly Warning[]): void {
    for (const w of warnings) this.text += `${this.path}:${w.line}: warning: ${w.message}\n`
  }

  async flush(): Promise<void> {
    if (this.text === '') return
    const text = this.text
    this.text = ''
    await this.io.writeErr(text)
  }
}

async function writeOrExplain(path: string, text: string): Promise<void> {
  try {
    await writeFile(path, text)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'EISDIR'
        ? 'it is a directory'
        : code === 'EACCES' || code === 'EPERM' || code === 'EROFS'
          ? 'permission denied'
          : code === 'ENOTDIR' || code === 'ENOENT'
            ? 'its folder cannot be made'
            : String((error as Error).message)
    throw new FileError(`cannot write ${path}: ${why}`)
  }
}

/** Categories as `list` shows them: goals before the first category come first, under `null`. */
function listedCategories(
  doc: GoalsDoc
): { name: string | null; done: number; total: number; goals: number[] }[] {
  const loose: number[] = []
  let looseDone = 0
  doc.goals.forEach((g, i) => {
    if (g.category !== null) return
    loose.push(i)
    if (g.checked) looseDone++
  })
  const listed = doc.categories.map(c => ({
    name: c.name as string | null,
    done: c.done,
    total: c.total,
    goals: c.goals
  }))
  if (loose.length > 0)
    listed.unshift({ name: null, done: looseDone, total: loose.length, goals: loose })
  return listed
}

/**
 * Warnings in pieces of about 64 KiB, each written once the reader has taken the
 * last: a file with a million duplicate titles would otherwise queue them all.
 */
async function warn(io: Io, path: string, doc: GoalsDoc): Promise<void> {
  let chunk = ''
  for (const w of doc.warnings) {
    chunk += `${path}:${w.line}: warning: ${w.message}\n`
    if (chunk.length > 65536) {
      await io.writeErr(chunk)
      chunk = ''
    }
  }
  if (chunk !== '') await io.writeErr(chunk)
}

export async function listCommand(
  path: string,
  json: boolean,
  level: number,
  io: Io
): Promise<number> {
  if (json) return listJson(path, level, io)
  const doc = parseGoals(await readGoalsFile(path), { categoryLevel: level })
  await warn(io, path, doc)
  for (const c of listedCategories(doc)) {
    io.out(`${c.name ?? '(no category)'}  [${c.done}/${c.total}]`)
    for (const index of c.goals) {
      const g = doc.goals[index] as GoalsDoc['goals'][number]
      io.out(`  ${g.checked ? '[x]' : '[ ]'} ${g.title}  (line ${g.line + 1})`)
    }
  }
  io.out(`${doc.done}/${doc.total} goals done`)
  return 0
}

const goalJson = (g: Goal) =>
  `{ "title": ${JSON.stringify(g.title)}, "checked": ${g.checked}, "line": ${g.line + 1} }`

/**
 * `list --json` in two streaming reads: each category's counts come before its
 * goals in the JSON, and goals outside any category come first wherever they
 * stand, so the first read counts (keeping only those loose goals) and the
 * second writes every goal as it settles. Memory stays that of a few pieces.
 */
async function listJson(path: string, level: number, io: Io): Promise<number> {
  const warnings = new WarningText(path, io)
  const loose: string[] = []
  let looseDone = 0
  const counted = await streamFile(
    path,
    level,
    (goals, settled) => {
      warnings.add(settled)
      for (const g of goals) {
        if (g.category !== null) continue
        loose.push(goalJson(g))
        if (g.checked) looseDone++
      }
    },
    () => warnings.flush()
  )
  let chunk = '{\n  "categories": ['
  const open = (name: string | null, done: number, total: number) =>
    `\n    { "name": ${JSON.stringify(name)}, "done": ${done}, "total": ${total}, "goals": [`
  const close = (total: number) => (total > 0 ? '\n    ] }' : '] }')
  if (loose.length > 0) {
    chunk += `${open(null, looseDone, loose.length)}\n      ${loose.join(',\n      ')}${close(loose.length)}`
  }
  const { categories } = counted
  /** The category being written (index into `categories`) and how many of its goals are out. */
  let at = -1
  let written = 0
  const next = () => {
    if (at >= 0) chunk += close((categories[at] as GoalsDoc['categories'][number]).total)
    at++
    const c = categories[at] as GoalsDoc['categories'][number]
    chunk += `${loose.length > 0 || at > 0 ? ',' : ''}${open(c.name, c.done, c.total)}`
    written = 0
  }
  const again = await streamFile(
    path,
    level,
    goals => {
      for (const g of goals) {
        if (g.category === null) continue
        // Goals come in file order, so a goal past the next heading opens that category.
        while (at < 0 || written === (categories[at] as GoalsDoc['categories'][number]).total)
          next()
        chunk += `${written === 0 ? '' : ','}\n      ${goalJson(g)}`
        written++
      }
    },
    async () => {
      if (chunk.length < PIECE) return
      const out = chunk
      chunk = ''
      await io.write(out)
    },
    // The first read told the duplicates; this one needs the goals alone.
    false
  )
  if (again.total !== counted.total || again.categories.length !== categories.length) {
    throw new FileError(`cannot read ${path}: it changed while being listed`)
  }
  while (at < categories.length - 1) next()
  if (at >= 0) chunk += close((categories[at] as GoalsDoc['categories'][number]).total)
  await io.write(`${chunk}\n  ],\n  "done": ${counted.done},\n  "total": ${counted.total}\n}\n`)
  return 0
}

export async function checkCommand(path: string, level: number, io: Io): Promise<number> {
  const warnings = new WarningText(path, io)
  const doc = await streamFile(
    path,
    level,
    (_goals, settled) => warnings.add(settled),
    () => warnings.flush()
  )
  const stale = staleCounters(doc)
  for (const s of stale) {
    io.out(
      s.found === null
        ? `${path}:${s.line}: "${s.name}" has no counter; expected ${s.expected}`
        : `${path}:${s.line}: "${s.name}" counter is stale: ${s.found} → ${s.expected}`
    )
  }
  if (stale.length > 0) {
    io.out(`${stale.length} stale counter(s); run "goals-sync fix ${path}" to rewrite them`)
    return 1
  }
  io.out(`${path}: all counters are up to date (${doc.done}/${doc.total})`)
  return 0
}

/**
 * The pictures `fix` can write beside the goals file, by flag. Each renderer is
 * imported only when its flag is given: the badge pulls in badge-maker's font
 * metrics, which a pre-commit `fix` should not pay for.
 */
export const PICTURES: Record<string, (doc: GoalsDoc) => Promise<string>> = {
  badge: async doc => (await import('../render/badge.ts')).renderBadge(doc.done, doc.total),
  card: async doc => (await import('../render/card-model.ts')).renderCardOf([{ title: null, doc }])
}

export async function fixCommand(
  path: string,
  pictures: ReadonlyMap<string, string>,
  level: number,
  io: Io
): Promise<number> {
  const source = await readGoalsFile(path)
  // Counters and the badge need counts only (no goal records, no remembered
  // titles: duplicate-title notes are `check`'s); the card lists goals.
  const read = pictures.has('card') ? parseGoals : tallyGoals
  const doc = read(source, { categoryLevel: level })
  await warn(io, path, doc)
  const edits = counterEdits(doc)
  const fixed = applyEdits(source, edits)
  if (fixed !== source) {
    await writeOrExplain(path, fixed)
    io.out(`${path}: rewrote ${edits.length} counter(s)`)
  } else {
    io.out(`${path}: counters already up to date`)
  }
  for (const [kind, target] of pictures) {
    const render = PICTURES[kind]
    if (!render) throw new Error(`no renderer for --${kind}`)
    await writePicture(kind, target, await render(doc), `${doc.done}/${doc.total}`, io)
  }
  return 0
}

async function writePicture(
  kind: string,
  target: string,
  svg: string,
  shows: string,
  io: Io
): Promise<void> {
  const prior = await readFile(target, 'utf8').catch(() => undefined)
  if (prior === svg) {
    io.out(`${target}: ${kind} already up to date`)
    return
  }
  await mkdir(dirname(target), { recursive: true }).catch(() => {})
  await writeOrExplain(target, svg)
  io.out(`${target}: ${kind} ${shows} written`)
}
