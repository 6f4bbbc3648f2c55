// The `path` input: one goals file, a glob, or a list of either. Parsed once
// (with errors that name the input), then expanded against the repository's
// file list, always in the same order, so every run syncs the same files.

export interface PathSpec {
  /** The entries as given, trimmed, without duplicates. */
  patterns: string[]
}

export interface Expanded {
  /** Matching files, sorted by code point. */
  files: string[]
  /** Plain paths (no wildcard) that are not in the repository. */
  missing: string[]
  /** Globs that matched nothing. */
  unmatched: string[]
}

export class PathInputError extends Error {}

const GLOB = /[*?]/

export function parsePathInput(input: string): PathSpec {
  const patterns: string[] = []
  for (const raw of input.split(/[\r\n,]+/)) {
    const entry = raw.trim()
    if (entry === '') continue
    const problem = problemOf(entry)
    if (problem) {
      throw new PathInputError(
        `Input "path" has "${entry}": ${problem}. Give repository paths such as goals.md, goals/*.md or docs/**/goals.md, separated by commas or new lines.`
      )
    }
    if (!patterns.includes(entry)) patterns.push(entry)
  }
  if (patterns.length === 0) {
    throw new PathInputError(
      'Input "path" is empty: give the goals file (e.g. goals.md), a glob such as goals/*.md, or a list of them.'
    )
  }
  return { patterns }
}

function problemOf(entry: string): string | null {
  if (entry.startsWith('/'))
    return 'paths are relative to the repository root, without a leading "/"'
  if (entry.includes('\\')) return 'use "/" between folders'
  if (/[[\]{}!]/.test(entry)) return 'only the wildcards *, ? and ** are supported'
  const segments = entry.split('/')
  if (segments.some(s => s === '')) return 'it has an empty folder name ("//" or a trailing "/")'
  if (segments.some(s => s === '.' || s === '..')) return '"." and ".." are not allowed'
  if (segments.some(s => s.includes('**') && s !== '**')) {
    return '"**" must be a whole folder name, as in docs/**/goals.md'
  }
  if (segments.at(-1) === '**') return 'it must end with a file name or pattern, e.g. goals/**/*.md'
  if (entry.startsWith('.github/workflows/')) return 'the action never writes workflow files'
  return null
}

/** The files of the repository (e.g. a git tree listing) that the spec names. */
export function expandPaths(spec: PathSpec, repoPaths: readonly string[]): Expanded {
  const present = new Set(repoPaths)
  const files = new Set<string>()
  const missing: string[] = []
  const unmatched: string[] = []
  for (const pattern of spec.patterns) {
    if (!GLOB.test(pattern)) {
      if (present.has(pattern)) files.add(pattern)
      else missing.push(pattern)
      continue
    }
    const re = globRegExp(pattern)
    const hits = repoPaths.filter(p => re.test(p))
    if (hits.length === 0) unmatched.push(pattern)
    for (const hit of hits) if (!hit.startsWith('.github/workflows/')) files.add(hit)
  }
  return { files: sortPaths([...files]), missing, unmatched }
}

/** The paths a push changed (added, modified, removed) that the spec names, sorted. */
export function touchedPaths(spec: PathSpec, changed: readonly string[]): string[] {
  const res = spec.patterns.map(p => (GLOB.test(p) ? globRegExp(p) : null))
  const hits = changed.filter(path =>
    spec.patterns.some((p, i) => (res[i] ? (res[i] as RegExp).test(path) : p === path))
  )
  return sortPaths([...new Set(hits)])
}

/** Code-point order: the same on every machine, whatever its locale. */
function sortPaths(paths: string[]): string[] {
  return paths.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
}

/**
 * `*` and `?` stay within one folder name, `**` spans any number of folders
 * (none included). As in shells, a wildcard does not match a name starting
 * with "." unless the pattern's name starts with "." too, so `**\/*.md` leaves
 * `.github/` alone.
 */
function globRegExp(pattern: string): RegExp {
  const parts = pattern.split('/').map((segment, i, all) => {
    if (segment === '**') return '(?:[^/.][^/]*/)*'
    const hidden = segment.startsWith('.') ? '' : '(?!\\.)'
    const body = segment
      .split('')
      .map(c => (c === '*' ? '[^/]*' : c === '?' ? '[^/]' : c.replace(/[.+^$()|]/g, '\\$&')))
      .join('')
    return `${hidden}${body}${i === all.length - 1 ? '' : '/'}`
  })
  return new RegExp(`^${parts.join('')}$`, 'u')
}
