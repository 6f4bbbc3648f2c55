// The `path` input: parsing with errors that name it, expansion against a
// repository listing, and which goals files a push touched.
import { describe, expect, it } from 'vitest'
import { expandPaths, parsePathInput, PathInputError, touchedPaths } from '../../src/sync/paths.ts'

const TREE = [
  'README.md',
  'goals.md',
  'goals/work.md',
  'goals/health.md',
  'goals/Zeta.md',
  'goals/notes.txt',
  'goals/.draft.md',
  'goals/old/2024.md',
  'goals/old/deep/2020.md',
  'docs/team/goals.md',
  '.github/goals.md',
  '.github/ISSUE_TEMPLATE/goal.md',
  '.github/workflows/goals.md'
]

const expand = (input: string) => expandPaths(parsePathInput(input), TREE)

describe('parsePathInput', () => {
  it('takes one path, a glob, or a list separated by commas and new lines', () => {
    expect(parsePathInput('goals.md')).toEqual({ patterns: ['goals.md'] })
    expect(parsePathInput(' goals/*.md , docs/**/goals.md\r\n\n goals.md,')).toEqual({
      patterns: ['goals/*.md', 'docs/**/goals.md', 'goals.md']
    })
    expect(parsePathInput('a.md\na.md')).toEqual({ patterns: ['a.md'] })
  })

  it.each([
    [
      '',
      'Input "path" is empty: give the goals file (e.g. goals.md), a glob such as goals/*.md, or a list of them.'
    ],
    [
      ' , \n',
      'Input "path" is empty: give the goals file (e.g. goals.md), a glob such as goals/*.md, or a list of them.'
    ],
    [
      '/goals.md',
      'Input "path" has "/goals.md": paths are relative to the repository root, without a leading "/". Give repository paths such as goals.md, goals/*.md or docs/**/goals.md, separated by commas or new lines.'
    ]
  ])('refuses %j, naming the input and the fix', (input, message) => {
    expect(() => parsePathInput(input)).toThrow(PathInputError)
    expect(() => parsePathInput(input)).toThrow(message)
  })

  it.each([
    ['goals\\a.md', 'use "/" between folders'],
    ['goals/[ab].md', 'only the wildcards *, ? and ** are supported'],
    ['goals/{a}.md', 'only the wildcards *, ? and ** are supported'],
    ['!goals.md', 'only the wildcards *, ? and ** are supported'],
    ['goals//a.md', 'it has an empty folder name'],
    ['goals/', 'it has an empty folder name'],
    ['../goals.md', '"." and ".." are not allowed'],
    ['./goals.md', '"." and ".." are not allowed'],
    ['goals/**.md', '"**" must be a whole folder name'],
    ['goals/**', 'it must end with a file name or pattern'],
    ['.github/workflows/goals.md', 'the action never writes workflow files']
  ])('refuses %j: %s', (input, problem) => {
    expect(() => parsePathInput(`ok.md, ${input}`)).toThrow(
      `Input "path" has "${input}": ${problem}`
    )
  })
})

describe('expandPaths', () => {
  it('a plain path is itself, or missing', () => {
    expect(expand('goals.md')).toEqual({ files: ['goals.md'], missing: [], unmatched: [] })
    expect(expand('nope.md')).toEqual({ files: [], missing: ['nope.md'], unmatched: [] })
  })

  it('* stays in its folder and skips hidden names; the result is sorted by code point', () => {
    expect(expand('goals/*.md').files).toEqual([
      'goals/Zeta.md',
      'goals/health.md',
      'goals/work.md'
    ])
    expect(expand('*.md').files).toEqual(['README.md', 'goals.md'])
    expect(expand('goals/????.md').files).toEqual(['goals/Zeta.md', 'goals/work.md'])
  })

  it('** spans any number of folders, none included, but not hidden ones', () => {
    expect(expand('goals/**/*.md').files).toEqual([
      'goals/Zeta.md',
      'goals/health.md',
      'goals/old/2024.md',
      'goals/old/deep/2020.md',
      'goals/work.md'
    ])
    expect(expand('**/goals.md').files).toEqual(['docs/team/goals.md', 'goals.md'])
  })

  it('a hidden folder is matched when the pattern names it, but never workflows', () => {
    expect(expand('.github/*.md').files).toEqual(['.github/goals.md'])
    expect(expand('.github/**/*.md').files).toEqual([
      '.github/ISSUE_TEMPLATE/goal.md',
      '.github/goals.md'
    ])
    expect(expand('.github/*/goals.md').files).toEqual([])
  })

  it('a list is the union, each file once; globs that match nothing are reported', () => {
    expect(expand('goals/w*.md, goals/*.md\ngoals.md, none/*.md, gone.md')).toEqual({
      files: ['goals.md', 'goals/Zeta.md', 'goals/health.md', 'goals/work.md'],
      missing: ['gone.md'],
      unmatched: ['none/*.md']
    })
  })

  it('regex characters in names are literal', () => {
    const tree = ['a+b.md', 'aab.md', 'x(1).md', 'x1.md']
    expect(expandPaths(parsePathInput('a+b.md, *(1).md'), tree).files).toEqual([
      'a+b.md',
      'x(1).md'
    ])
    expect(expandPaths(parsePathInput('a.b.md'), ['a.b.md', 'aXb.md']).files).toEqual(['a.b.md'])
  })
})

describe('touchedPaths', () => {
  it('the changed paths the spec names, added and removed ones included, sorted', () => {
    const spec = parsePathInput('goals/*.md, goals.md')
    expect(
      touchedPaths(spec, [
        'src/x.ts',
        'goals/work.md',
        'goals/new.md',
        'goals/old/2024.md',
        'goals.md',
        'goals/work.md'
      ])
    ).toEqual(['goals.md', 'goals/new.md', 'goals/work.md'])
    expect(touchedPaths(spec, ['README.md'])).toEqual([])
  })
})

describe('parsePathInput: commas separate entries', () => {
  it('so a brace list is cut at its comma and refused', () => {
    expect(() => parsePathInput('goals/{a,b}.md')).toThrow(
      'Input "path" has "goals/{a": only the wildcards *, ? and ** are supported'
    )
  })
})
