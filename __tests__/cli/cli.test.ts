// The built command line (dist/cli.js), run as a child process on temporary
// copies of the fixtures, the way a user or a pre-commit hook would run it.
import { spawnSync } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { basename, dirname, isAbsolute, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Goal } from '../../src/goals/model.ts'
import { parseGoals } from '../../src/goals/parse.ts'

const here = dirname(fileURLToPath(import.meta.url))
const root = resolve(here, '..', '..')
const cli = join(root, 'dist', 'cli.js')
const fixtures = join(root, '__tests__', 'fixtures')
/** The real goals file handed to the project: beside its checkout, never in a user's clone. */
const seedPath = resolve(root, '..', 'shared', 'seed', 'goals.md')
const noSeed = !existsSync(seedPath)

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function run(...args: string[]): Run {
  const r = spawnSync(process.execPath, [cli, ...args], { encoding: 'utf8', timeout: 20_000 })
  if (r.error) throw r.error
  return { code: r.status, stdout: r.stdout, stderr: r.stderr }
}

let work: string
let counter = 0

/** A fresh copy of a fixture (a name under __tests__/fixtures, or an absolute path). */
function copy(fixture: string): string {
  const to = join(work, `${counter++}-${basename(fixture)}`)
  copyFileSync(isAbsolute(fixture) ? fixture : join(fixtures, fixture), to)
  return to
}

/** A temporary goals file holding `text`. */
function temp(text: string): string {
  const to = join(work, `${counter++}-goals.md`)
  writeFileSync(to, text)
  return to
}

/** The lines of `a` and `b` that differ, as [before, after]. */
function changedLines(a: string, b: string): [string, string][] {
  const x = a.split('\n')
  const y = b.split('\n')
  expect(y).toHaveLength(x.length)
  return x.flatMap((line, i) => (line === y[i] ? [] : [[line, y[i] as string] as [string, string]]))
}

/** A small well-formedness check: balanced tags, quoted attributes, escaped text. */
function expectWellFormedSvg(svg: string): void {
  expect(svg.startsWith('<svg')).toBe(true)
  const stack: string[] = []
  const tag = /<(\/?)([A-Za-z][\w:.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>/y
  let i = 0
  while (i < svg.length) {
    const lt = svg.indexOf('<', i)
    const text = svg.slice(i, lt === -1 ? svg.length : lt)
    expect(text.replace(/&(?:[a-z]+|#\d+|#x[\da-f]+);/gi, '')).not.toMatch(/[&>]/)
    if (lt === -1) break
    tag.lastIndex = lt
    const m = tag.exec(svg)
    expect(m, `malformed tag at ${lt}: ${svg.slice(lt, lt + 40)}`).not.toBeNull()
    const [whole, closing, name, , selfClosing] = m as RegExpExecArray
    if (closing) expect(stack.pop()).toBe(name)
    else if (!selfClosing) stack.push(name as string)
    i = lt + whole.length
    if (stack.length === 0) {
      expect(svg.slice(i).trim()).toBe('')
      break
    }
  }
  expect(stack).toEqual([])
}

beforeAll(() => {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run "npm run bundle" first`)
  work = mkdtempSync(join(tmpdir(), 'goals-sync-cli-'))
})

afterAll(() => {
  rmSync(work, { recursive: true, force: true })
})

describe('calling it', () => {
  it('--help prints usage and exits 0', () => {
    for (const flag of ['--help', '-h', 'help']) {
      const r = run(flag)
      expect(r.code).toBe(0)
      expect(r.stdout).toContain('Usage:')
      for (const command of ['list FILE', 'check FILE', 'fix FILE'])
        expect(r.stdout).toContain(command)
    }
  })

  it('--version prints the version of package.json and exits 0', () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
      version: string
    }
    expect(version).toMatch(/^\d+\.\d+\.\d+/)
    for (const flag of ['--version', '-v', 'version']) {
      const r = run(flag)
      expect(r.code).toBe(0)
      expect(r.stdout).toBe(`${version}\n`)
    }
  })

  it('list, check and fix need nothing but cli.js: Octokit and the renderers stay unloaded', () => {
    // A dist/ holding only cli.js: any import of a lazily loaded chunk would fail here.
    const bare = mkdtempSync(join(tmpdir(), 'goals-sync-bare-'))
    try {
      copyFileSync(cli, join(bare, 'cli.js'))
      copyFileSync(join(root, 'dist', 'package.json'), join(bare, 'package.json'))
      const file = copy('seedlike.md')
      const inBare = (...args: string[]) =>
        spawnSync(process.execPath, [join(bare, 'cli.js'), ...args], { encoding: 'utf8' })
      expect(inBare('list', file).status).toBe(0)
      expect(inBare('check', file).status).toBe(1)
      expect(inBare('fix', file).status).toBe(0)
      expect(inBare('check', file).status).toBe(0)
      const badge = inBare('fix', file, '--badge', join(bare, 'b.svg'))
      expect(badge.stderr).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/)
      const sync = inBare('plan', '--repo', 'o/r')
      expect(sync.stderr).toMatch(/Cannot find module|ERR_MODULE_NOT_FOUND/)
      expect(readFileSync(cli, 'utf8')).not.toMatch(/@octokit|undici|anafanafo/)
    } finally {
      rmSync(bare, { recursive: true, force: true })
    }
  })

  it('exits 2 with usage when no command is given', () => {
    const r = run()
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('no command given')
    expect(r.stderr).toContain('Usage:')
  })

  it('exits 2 on an unknown command, naming it', () => {
    const r = run('frobnicate', copy('fresh.md'))
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('unknown command "frobnicate"')
    expect(r.stdout).toBe('')
  })

  it('exits 2 when the file argument is missing', () => {
    for (const command of ['list', 'check', 'fix']) {
      const r = run(command)
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`"${command}" needs a goals file`)
    }
  })

  it('exits 2 with a clear message when the file does not exist', () => {
    const missing = join(work, 'no-such-goals.md')
    for (const command of ['list', 'check', 'fix']) {
      const r = run(command, missing)
      expect(r.code).toBe(2)
      expect(r.stderr).toContain(`cannot read ${missing}: no such file`)
      expect(r.stderr).not.toContain('    at ')
    }
    expect(existsSync(missing)).toBe(false)
  })

  it('exits 2 when the file is a directory', () => {
    const r = run('check', work)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('is a directory')
  })

  it('exits 2 on a bad --level or a --badge without a path', () => {
    expect(run('check', copy('fresh.md'), '--level', '9').code).toBe(2)
    expect(run('check', copy('fresh.md'), '--level', 'x').stderr).toContain('--level')
    expect(run('fix', copy('fresh.md'), '--badge').stderr).toContain('--badge needs a value')
  })
})

describe('list', () => {
  it('prints categories, goals with their boxes and lines, and the total', () => {
    const r = run('list', copy('garden.md'))
    expect(r.code).toBe(0)
    const lines = r.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('Vegetable Goals  [2/4]')
    expect(lines[1]).toBe('  [x] grow tomatoes from seed  (line 6)')
    expect(lines).toContain('  [ ] harvest enough beans for a “proper” soup  (line 8)')
    expect(lines).toContain('  [x] keep a watering log [weeks: 6/8]  (line 10)')
    expect(lines).toContain('Tool Goals  [1/2]')
    expect(lines).toContain('Someday  [0/0]')
    expect(lines.at(-1)).toBe('4/8 goals done')
  })

  it('--json gives the documented shape', () => {
    const r = run('list', copy('garden.md'), '--json')
    expect(r.code).toBe(0)
    const data = JSON.parse(r.stdout) as unknown
    expect(data).toEqual({
      categories: [
        {
          name: 'Vegetable Goals',
          done: 2,
          total: 4,
          goals: [
            { title: 'grow tomatoes from seed', checked: true, line: 6 },
            { title: 'harvest enough beans for a “proper” soup', checked: false, line: 8 },
            { title: 'keep a watering log [weeks: 6/8]', checked: true, line: 10 },
            { title: 'build a raised bed', checked: false, line: 12 }
          ]
        },
        {
          name: 'Orchard Goals',
          done: 1,
          total: 2,
          goals: [
            { title: 'plant a plum tree', checked: false, line: 18 },
            { title: 'prune the old apple tree', checked: true, line: 20 }
          ]
        },
        {
          name: 'Tool Goals',
          done: 1,
          total: 2,
          goals: [
            { title: 'sharpen the shears', checked: false, line: 25 },
            { title: 'oil the wheelbarrow ‘before winter’', checked: true, line: 27 }
          ]
        },
        { name: 'Someday', done: 0, total: 0, goals: [] }
      ],
      done: 4,
      total: 8
    })
  })

  it('--json puts goals before the first category under name null, and warns on stderr', () => {
    const file = copy('structures.md')
    const r = run('list', '--json', file)
    expect(r.code).toBe(0)
    const data = JSON.parse(r.stdout) as {
      categories: { name: string | null; done: number; total: number; goals: unknown[] }[]
      done: number
      total: number
    }
    expect(data.categories.map(c => [c.name, c.done, c.total])).toEqual([
      [null, 0, 1],
      ['Music', 2, 7]
    ])
    expect([data.done, data.total]).toEqual([2, 8])
    expect(r.stderr).toContain(`${file}:`)
    expect(r.stderr).toContain('warning: duplicate goal "learn a song"')
    expect(r.stderr).toContain('warning: task item has no text')
  })

  it('check writes every one of many warnings, in order, after counting without the goals', () => {
    // 3,000 duplicates make about 200 KiB of warnings: several paced pieces.
    const goals = Array.from({ length: 3001 }, (_, k) => `- [${k % 3 === 0 ? 'x' : ' '}] same`)
    const file = temp(['## A [0/0]', ...goals, ''].join('\n'))
    const r = run('check', file)
    expect(r.code).toBe(1)
    const lines = r.stderr.split('\n')
    expect(lines.length).toBe(3001)
    expect(lines[0]).toBe(`${file}:3: warning: duplicate goal "same" in "A": told apart by order`)
    expect(lines[2999]).toBe(
      `${file}:3002: warning: duplicate goal "same" in "A": told apart by order`
    )
    expect(lines[3000]).toBe('')
    expect(r.stdout).toContain(`${file}:1: "A" counter is stale: [0/0] → [1001/3001]`)
  })

  it('--json streams the same listing as the whole-file model, byte for byte, across pieces', () => {
    // Loose goals before the first category and after a title, a repeated and
    // an empty category, CRLF endings, and enough goals to fill many 64 KiB pieces.
    const many = Array.from(
      { length: 4000 },
      (_, k) => `- [${k % 2 ? 'x' : ' '}] goal “${k}” ${'é'.repeat(k % 7)}`
    )
    const text = [
      '[x] loose first',
      '## Big [0/0]',
      ...many,
      '## Empty',
      '# Title',
      '- [ ] loose after the title',
      '## Big',
      '- [ ] again',
      '',
      '[ ] a | b',
      '--- | ---',
      ''
    ].join('\r\n')
    const r = run('list', temp(text), '--json')
    expect(r.code).toBe(0)
    const doc = parseGoals(text)
    const entry = (i: number) => {
      const g = doc.goals[i] as Goal
      return `\n      { "title": ${JSON.stringify(g.title)}, "checked": ${g.checked}, "line": ${g.line + 1} }`
    }
    const group = (name: string | null, done: number, total: number, goals: number[]) =>
      `\n    { "name": ${JSON.stringify(name)}, "done": ${done}, "total": ${total}, "goals": [${goals.map(entry).join(',')}${goals.length ? '\n    ' : ''}] }`
    const loose = doc.goals.flatMap((g, i) => (g.category === null ? [i] : []))
    const groups = [
      group(null, loose.filter(i => doc.goals[i]?.checked).length, loose.length, loose),
      ...doc.categories.map(c => group(c.name, c.done, c.total, c.goals))
    ]
    expect(doc.categories.map(c => [c.name, c.total])).toEqual([
      ['Big', 4000],
      ['Empty', 0],
      ['Big', 1]
    ])
    expect(loose).toHaveLength(2)
    expect(r.stdout).toBe(
      `{\n  "categories": [${groups.join(',')}\n  ],\n  "done": ${doc.done},\n  "total": ${doc.total}\n}\n`
    )
  })

  it('--level chooses the category headings', () => {
    const file = temp('## Area\n### Sub\n- [x] one\n- [ ] two\n')
    const data = JSON.parse(run('list', file, '--json', '--level=3').stdout) as {
      categories: { name: string }[]
    }
    expect(data.categories.map(c => c.name)).toEqual(['Sub'])
  })
})

describe('check', () => {
  it('exits 1 naming the stale category and the fix, without touching the file', () => {
    const file = copy('garden.md')
    const before = readFileSync(file)
    const r = run('check', file)
    expect(r.code).toBe(1)
    expect(r.stdout).toContain(`${file}:22: "Tool Goals" counter is stale: [0/1] → [1/2]`)
    expect(r.stdout).toContain('1 stale counter(s)')
    expect(r.stdout).toContain(`goals-sync fix ${file}`)
    expect(r.stdout).not.toContain('Vegetable')
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('exits 1 when a category with goals has no counter', () => {
    const r = run('check', temp('## Reading\n- [ ] one book\n'))
    expect(r.code).toBe(1)
    expect(r.stdout).toContain('"Reading" has no counter; expected [0/1]')
  })

  it('exits 0 when every counter is fresh', () => {
    const r = run('check', copy('fresh.md'))
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('all counters are up to date (1/3)')
    expect(r.stderr).toBe('')
  })
})

describe('fix', () => {
  it('changes exactly the stale line; a second fix changes no byte', () => {
    const file = copy('garden.md')
    const before = readFileSync(file, 'utf8')
    const r = run('fix', file)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('rewrote 1 counter(s)')
    const after = readFileSync(file, 'utf8')
    expect(changedLines(before, after)).toEqual([['## Tool Goals [0/1]', '## Tool Goals [1/2]']])
    const again = run('fix', file)
    expect(again.code).toBe(0)
    expect(again.stdout).toContain('already up to date')
    expect(readFileSync(file, 'utf8')).toBe(after)
    expect(run('check', file).code).toBe(0)
  })

  it('adds a missing counter and keeps CRLF, BOM, trailing spaces and no final newline', () => {
    const source =
      '\uFEFF## Reading  \r\n\r\n- [x] one  \r\n- [ ] two\r\n## Empty\r\n## Old [5/5]\r\n[ ] three'
    const file = temp(source)
    expect(run('fix', file).code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(
      '\uFEFF## Reading [1/2]  \r\n\r\n- [x] one  \r\n- [ ] two\r\n## Empty\r\n## Old [0/1]\r\n[ ] three'
    )
  })

  it('counts without titles: warns about an empty task item, leaves duplicate titles to check', () => {
    const file = temp('## A [0/0]\n- [x] same\n- [ ] same\n- [ ]\n')
    const r = run('fix', file)
    expect(r.code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe('## A [1/2]\n- [x] same\n- [ ] same\n- [ ]\n')
    expect(r.stderr).toBe(`${file}:4: warning: task item has no text; it is not a goal\n`)
    expect(run('check', file).stderr).toContain(`${file}:3: warning: duplicate goal "same"`)
  })

  it('refuses a file that is not UTF-8 rather than rewrite its bytes', () => {
    const file = join(work, 'latin1.md')
    const bytes = Buffer.from('## Caf\xe9 [0/0]\n- [x] cr\xe8me br\xfbl\xe9e\n', 'latin1')
    writeFileSync(file, bytes)
    const r = run('fix', file)
    expect(r.code).toBe(2)
    expect(r.stderr).toContain('not UTF-8')
    expect(readFileSync(file).equals(bytes)).toBe(true)
  })

  it('leaves a fresh file byte for byte as it was', () => {
    const file = copy('fresh.md')
    const before = readFileSync(file)
    const r = run('fix', file)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('already up to date')
    expect(readFileSync(file).equals(before)).toBe(true)
  })

  it('--badge writes an SVG showing done/total, creating folders, and rewrites it only when it changes', () => {
    const file = copy('garden.md')
    const badge = join(work, 'badges', 'nested', 'goals.svg')
    const r = run('fix', file, '--badge', badge)
    expect(r.code).toBe(0)
    expect(r.stdout).toContain('badge 4/8 written')
    const svg = readFileSync(badge, 'utf8')
    expectWellFormedSvg(svg)
    expect(svg).toContain('4/8')
    expect(svg).toContain('goals')
    const again = run('fix', file, `--badge=${badge}`)
    expect(again.stdout).toContain('badge already up to date')
    expect(readFileSync(badge, 'utf8')).toBe(svg)
  })
})

describe.skipIf(noSeed)('the seed goals file (../shared/seed; skipped when absent)', () => {
  it('list --json: 7 categories, 27 of 74 done', () => {
    const r = run('list', copy(seedPath), '--json')
    expect(r.code).toBe(0)
    expect(r.stderr).toBe('')
    const data = JSON.parse(r.stdout) as {
      categories: { name: string; done: number; total: number; goals: { title: string }[] }[]
      done: number
      total: number
    }
    expect([data.done, data.total]).toEqual([27, 74])
    expect(data.categories.map(c => `${c.done}/${c.total}`)).toEqual([
      '5/16',
      '8/20',
      '0/5',
      '2/7',
      '5/7',
      '3/11',
      '4/8'
    ])
    expect(data.categories.every(c => c.goals.length === c.total)).toBe(true)
  })

  it('check names Communication / Community Goals; fix changes exactly that line; badge says 27/74', () => {
    const file = copy(seedPath)
    const before = readFileSync(file, 'utf8')
    const check = run('check', file)
    expect(check.code).toBe(1)
    expect(check.stdout).toContain(
      '"Communication / Community Goals" counter is stale: [2/10] → [3/11]'
    )
    expect(check.stdout).toContain('1 stale counter(s)')

    const badge = join(work, 'seed-badge.svg')
    const fix = run('fix', file, '--badge', badge)
    expect(fix.code).toBe(0)
    const after = readFileSync(file, 'utf8')
    expect(changedLines(before, after)).toEqual([
      ['## Communication / Community Goals [2/10]', '## Communication / Community Goals [3/11]']
    ])
    const svg = readFileSync(badge, 'utf8')
    expectWellFormedSvg(svg)
    expect(svg).toContain('27/74')

    expect(run('check', file).code).toBe(0)
    const second = run('fix', file, '--badge', badge)
    expect(second.code).toBe(0)
    expect(readFileSync(file, 'utf8')).toBe(after)
    expect(readFileSync(badge, 'utf8')).toBe(svg)
  })
})
