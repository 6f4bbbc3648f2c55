// Shared helpers for the robustness tests: snapshots of what a sync leaves on the
// emulator, duplicate detection, generated goals files and write-request filters.
import type { Emulator, LoggedRequest } from '../../test-support/emulator/index.ts'
import { goalIssues } from '../integration/harness.ts'

export { landPush } from '../integration/harness.ts'

export const BADGE = '.github/badges/goals.svg'

export const isWrite = (r: LoggedRequest) => r.method !== 'GET' && r.method !== 'HEAD'

/** A write to issues, comments or labels (what max-writes counts), not to git data. */
export const isIssueWrite = (r: LoggedRequest) =>
  isWrite(r) && /^\/repos\/[^/]+\/[^/]+\/(issues|labels)(\/|$)/.test(r.path)

/** The write requests logged since the last resetLog(). */
export function writeRequests(emu: Emulator): LoggedRequest[] {
  return emu.requests.filter(isWrite)
}

export interface IssueShape {
  title: string
  state: 'open' | 'closed'
  reason: string | null
  labels: string[]
  comments: string[]
}

/** Everything a sync is responsible for, in a form two runs can be compared by. */
export function snapshot(emu: Emulator) {
  const issues: IssueShape[] = goalIssues(emu)
    .map(i => ({
      title: i.title,
      state: i.state,
      reason: i.state_reason,
      labels: [...i.labels].sort(),
      comments: emu.comments(i.number).map(c => c.body)
    }))
    .sort((a, b) => (a.title < b.title ? -1 : a.title > b.title ? 1 : 0))
  return {
    issues,
    labels: emu
      .labels()
      .map(l => l.name)
      .sort(),
    file: emu.file('main', 'goals.md'),
    badge: emu.file('main', BADGE)
  }
}

/** Titles carried by more than one of the action's issues (any state). */
export function duplicatedTitles(emu: Emulator): string[] {
  const count = new Map<string, number>()
  for (const i of goalIssues(emu)) count.set(i.title, (count.get(i.title) ?? 0) + 1)
  return [...count].filter(([, n]) => n > 1).map(([t]) => t)
}

/** Titles carried by more than one open issue of the action's: what SPEC §3 forbids outright. */
export function openDuplicates(emu: Emulator): string[] {
  const count = new Map<string, number>()
  for (const i of goalIssues(emu).filter(i => i.state === 'open')) {
    count.set(i.title, (count.get(i.title) ?? 0) + 1)
  }
  return [...count].filter(([, n]) => n > 1).map(([t]) => t)
}

export interface GeneratedGoals {
  text: string
  goals: { title: string; category: string; checked: boolean }[]
}

/** A goals file with `count` distinct goals spread over `categories` headings; every `tickEvery`th is ticked. */
export function generateGoals(count: number, categories: number, tickEvery = 5): GeneratedGoals {
  const goals: GeneratedGoals['goals'] = []
  const perCategory = Math.ceil(count / categories)
  const out = ['# Generated goals', '']
  for (let c = 0; c < categories && goals.length < count; c++) {
    const category = `Area ${String(c + 1).padStart(2, '0')}`
    out.push(`## ${category}`, '')
    for (let k = 0; k < perCategory && goals.length < count; k++) {
      const n = goals.length + 1
      const checked = n % tickEvery === 0
      const title = `goal number ${n} of the generated list`
      goals.push({ title, category, checked })
      out.push(`- [${checked ? 'x' : ' '}] ${title}`)
    }
    out.push('')
  }
  return { text: out.join('\n'), goals }
}

/** The message of a rejected promise (fails the test when it resolves). */
export async function failureOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise
  } catch (error) {
    return error instanceof Error ? error.message : String(error)
  }
  throw new Error('expected the run to fail, but it succeeded')
}

/** The run's result, its error, or 'timeout' when it has not settled within `ms`. */
export async function within<T>(ms: number, run: Promise<T>): Promise<T | Error | 'timeout'> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<'timeout'>(resolve => {
    timer = setTimeout(() => resolve('timeout'), ms)
  })
  try {
    return await Promise.race([run.catch((error: unknown) => error as Error), timeout])
  } finally {
    clearTimeout(timer)
  }
}
