// list, check and fix: the commands that work on a goals file on disk, with no
// GitHub access at all.
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import { applyEdits, counterEdits, staleCounters } from '../goals/edit.ts'
import type { GoalsDoc } from '../goals/model.ts'
import { countGoals, parseGoals } from '../goals/parse.ts'

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

export async function readGoalsFile(path: string): Promise<string> {
  let bytes: Buffer
  try {
    bytes = await readFile(path)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const why =
      code === 'ENOENT'
        ? 'no such file; check the path'
        : code === 'EISDIR'
          ? 'it is a directory; name the goals file itself'
          : code === 'EACCES'
            ? 'permission denied'
            : String((error as Error).message)
    throw new FileError(`cannot read ${path}: ${why}`)
  }
  try {
    return utf8.decode(bytes)
  } catch {
    throw new FileError(`cannot read ${path}: it is not UTF-8 text; save it as UTF-8`)
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
 * The JSON of `list --json`, in pieces of about 64 KiB, one goal per line:
 * a large file's listing is never built as one string.
 */
export function* listJsonChunks(doc: GoalsDoc): Generator<string> {
  let chunk = '{\n  "categories": ['
  let first = true
  for (const c of listedCategories(doc)) {
    chunk += `${first ? '' : ','}\n    { "name": ${JSON.stringify(c.name)}, "done": ${c.done}, "total": ${c.total}, "goals": [`
    first = false
    for (let n = 0; n < c.goals.length; n++) {
      const g = doc.goals[c.goals[n] as number] as GoalsDoc['goals'][number]
      chunk += `${n === 0 ? '' : ','}\n      { "title": ${JSON.stringify(g.title)}, "checked": ${g.checked}, "line": ${g.line + 1} }`
      if (chunk.length > 65536) {
        yield chunk
        chunk = ''
      }
    }
    chunk += c.goals.length > 0 ? '\n    ] }' : '] }'
  }
  yield `${chunk}\n  ],\n  "done": ${doc.done},\n  "total": ${doc.total}\n}\n`
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
  const doc = parseGoals(await readGoalsFile(path), { categoryLevel: level })
  await warn(io, path, doc)
  if (json) {
    for (const chunk of listJsonChunks(doc)) await io.write(chunk)
    return 0
  }
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

export async function checkCommand(path: string, level: number, io: Io): Promise<number> {
  const doc = countGoals(await readGoalsFile(path), { categoryLevel: level })
  await warn(io, path, doc)
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
  const doc = parseGoals(source, { categoryLevel: level })
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
