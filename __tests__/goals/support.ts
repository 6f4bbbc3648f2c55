// Shared helpers for the goals tests: where the fixtures live, and a way to
// write small documents inline without fighting template-string indentation.
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

export const repoRoot = resolve(here, '..', '..')
export const fixturesDir = join(repoRoot, '__tests__', 'fixtures')
/** The real goals file handed to the project; it sits beside the repository. */
export const seedPath = resolve(repoRoot, '..', 'shared', 'seed', 'goals.md')

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
