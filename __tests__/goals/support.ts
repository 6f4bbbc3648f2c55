// Shared helpers for the goals tests: where the fixtures live, and a way to
// write small documents inline without fighting template-string indentation.
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { GoalsDoc } from '../../src/goals/model.ts'

const here = dirname(fileURLToPath(import.meta.url))

export const repoRoot = resolve(here, '..', '..')
export const fixturesDir = join(repoRoot, '__tests__', 'fixtures')
/**
 * The real goals file handed to the project. It sits beside the project's own
 * checkout, never in a user's clone: tests of it skip, by name, when it is absent.
 */
export const seedPath = resolve(repoRoot, '..', 'shared', 'seed', 'goals.md')
export const noSeed = !existsSync(seedPath)

export function fixture(name: string): string {
  return readFileSync(join(fixturesDir, name), 'utf8')
}

export function seed(): string {
  return readFileSync(seedPath, 'utf8')
}

/** Lines joined with '\n' and a final newline. */
export function md(...lines: string[]): string {
  return `${lines.join('\n')}\n`
}

/**
 * How many generated cases a property runs: `n`, or fewer when
 * GOALS_PROPERTY_RUNS asks (mutation testing runs every covering test once per
 * mutant, and a few dozen cases per property are enough to kill a mutant there).
 */
export function propertyRuns(n: number): number {
  const cap = Number(process.env.GOALS_PROPERTY_RUNS)
  return cap > 0 ? Math.min(n, cap) : n
}

/**
 * What every reading of a document shares besides its goals: counts, headings,
 * counters and warnings as plain values (`withDuplicates: false` leaves out the
 * duplicate-title ones, which a tally does not look for).
 */
export function docSummary(doc: GoalsDoc, withDuplicates = true) {
  return {
    done: doc.done,
    total: doc.total,
    lineCount: doc.lineCount,
    titles: doc.titles,
    categories: doc.categories.map(c => [c.name, c.done, c.total, c.heading]),
    warnings: doc.warnings
      .map(w => [w.line, w.message])
      .filter(([, m]) => withDuplicates || !String(m).startsWith('duplicate goal'))
  }
}
