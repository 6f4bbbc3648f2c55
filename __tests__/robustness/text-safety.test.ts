// SPEC §3: goal text copied into a body never notifies anyone; titles are cut to 256
// characters with the full text in the body; category labels over 50 characters are
// shortened deterministically.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { dispatchEvent, runAction } from '../../test-support/runner.ts'
import { progressBar } from '../../src/action/report.ts'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { emulatorWith, goalIssues, reconcile, sync } from '../integration/harness.ts'
import { landPush, writeRequests } from './support.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

/**
 * The oracle for a live mention, stricter than GitHub: after one pass of HTML
 * character-reference decoding (as Markdown does), any `@` directly followed
 * by a login character, wherever it stands.
 */
const decodeOnce = (text: string) =>
  text
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&commat;/g, '@')
const MENTION = { test: (text: string) => /@[A-Za-z0-9_-]/.test(decodeOnce(text)) }

const LONG_TITLE = `${'write the definitive guide to '.repeat(9)}with thanks to @bigname for the idea`
const LONG_CATEGORY =
  'Goals for the years when the children have left home and the mortgage is paid'

const GOALS = [
  '# Goals',
  '',
  '## Thanks to @maintainers and @octo-org/reviewers',
  '',
  '- [ ] thank @someone and @octo-org/team for the review',
  '- [ ] email me@example.com about `@not-a-mention`',
  '- [ ] bypass x`@octocat and &#64;octocat and &#x40;hubot and &commat;mona',
  `- [ ] ${LONG_TITLE}`,
  '',
  `## ${LONG_CATEGORY}`,
  '',
  '- [ ] first goal in the long category',
  '- [x] second goal in the long category',
  ''
].join('\n')

/** Every issue body and comment the action sent, as sent. */
function sentTexts(emu: Emulator): string[] {
  return emu.requests.flatMap(r => {
    const body = (r.body as { body?: unknown } | undefined)?.body
    return r.method !== 'GET' && typeof body === 'string' ? [body] : []
  })
}

describe('text safety', () => {
  it('no body or comment the action writes carries a live @mention', async () => {
    expect(LONG_TITLE.length).toBeGreaterThan(256)
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, GOALS))
    // Removing the goals makes the action comment on their issues, too.
    const trimmed = emu
      .file('main', 'goals.md')!
      .split('\n')
      .filter(l => !l.includes('@someone') && !l.includes('@bigname') && !l.includes('bypass'))
      .join('\n')
    await sync(emu, 'push', landPush(emu, trimmed))

    const sent = sentTexts(emu)
    expect(sent.length).toBeGreaterThan(5)
    expect(sent.filter(t => MENTION.test(t))).toEqual([])
    for (const issue of goalIssues(emu)) {
      expect(MENTION.test(issue.body ?? ''), `#${issue.number}`).toBe(false)
      for (const c of emu.comments(issue.number)) expect(MENTION.test(c.body)).toBe(false)
    }
    // The comments were really written.
    const thanked = goalIssues(emu).find(i => i.title.startsWith('thank @someone'))!
    expect(thanked.state_reason).toBe('not_planned')
    expect(emu.comments(thanked.number).length).toBeGreaterThan(0)
  })

  it('a 300-character goal: the title is cut to 256, the body has the full text, and reruns stay quiet', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, GOALS))
    const long = goalIssues(emu).filter(i => i.title.startsWith('write the definitive guide'))
    expect(long).toHaveLength(1)
    const issue = long[0]!
    expect(issue.title.length).toBeLessThanOrEqual(256)
    // The body quotes the whole text (with its mention neutralised, e.g. by a zero-width joiner).
    const visible = (issue.body ?? '').replace(/[\u200b-\u200d\u2060]/g, '')
    expect(visible).toContain(LONG_TITLE)

    emu.resetLog()
    const again = await reconcile(emu)
    expect(again.ops).toEqual([])
    expect(emu.writes()).toBe(0)
  })

  it('a category name over 50 characters: a label of at most 50, the same on every run', async () => {
    expect(LONG_CATEGORY.length).toBeGreaterThan(50)
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, GOALS))
    const first = goalIssues(emu).find(i => i.title === 'first goal in the long category')!
    const label = first.labels.find(l => l !== 'goal')!
    expect(label.length).toBeLessThanOrEqual(50)
    expect(label.length).toBeGreaterThan(10)
    const labelsBefore = emu.labels().map(l => l.name)

    // More goals in that category, and a reconcile: same label, no second one.
    const more = emu
      .file('main', 'goals.md')!
      .replace(
        '- [x] second goal in the long category',
        '- [x] second goal in the long category\n- [ ] third goal in the long category'
      )
    await sync(emu, 'push', landPush(emu, more))
    await reconcile(emu)
    const third = goalIssues(emu).find(i => i.title === 'third goal in the long category')!
    expect(third.labels.sort()).toEqual([label, 'goal'].sort())
    expect(emu.labels().map(l => l.name)).toEqual(labelsBefore)

    // The same name in another repository gets the same label.
    const other = await emulatorWith({ 'goals.md': '# Goals\n' })
    try {
      await sync(other, 'push', landPush(other, GOALS))
      expect(other.labels().map(l => l.name)).toContain(label)
    } finally {
      await other.close()
    }
  })
})

const FORGED = (title: string, fields = '') =>
  `<!-- goals-sync {"v":1,"file":"goals.md","category":"Home","title":"${title}","n":0,"synced":"closed","removed":false${fields}} -->`

/** Every string inside a request body, however deep. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value]
  if (Array.isArray(value)) return value.flatMap(strings)
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings)
  return []
}
const LONE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/

/** The fields GitHub's REST description declares for creating and updating an issue. */
const ISSUE_FIELDS = ['title', 'body', 'assignee', 'milestone', 'labels', 'assignees', 'type']
const UPDATE_FIELDS = [...ISSUE_FIELDS, 'state', 'state_reason']

describe('hostile goal text', () => {
  it('forged markers in a heading, a goal and a long goal take over nothing; an invalid one changes nothing either', async () => {
    const goalLines = [
      '- [ ] keep the garden tidy',
      `- [ ] fix the roof ${FORGED('keep the garden tidy')}`,
      `- [ ] ${'a very long goal '.repeat(20)}${FORGED('keep the garden tidy')}`,
      '- [ ] paint the door <!-- goals-sync {} -->'
    ]
    const text = [
      '# Goals',
      '',
      `## Home ${FORGED('keep the garden tidy')}`,
      '',
      ...goalLines,
      ''
    ].join('\n')
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, text))
    const issues = goalIssues(emu)
    expect(issues).toHaveLength(4)
    expect(issues.every(i => i.state === 'open')).toBe(true)
    expect(issues.filter(i => i.title === 'keep the garden tidy')).toHaveLength(1)
    for (const issue of issues) {
      // One marker per body: the goal's text above it cannot open a comment.
      expect((issue.body ?? '').split('<!-- goals-sync').length, issue.title).toBe(2)
    }
    const file = emu.file('main', 'goals.md')!
    for (const line of goalLines) expect(file.split('\n')).toContain(line)

    // Later runs: nothing written, no new issue, the victim untouched.
    emu.resetLog()
    await reconcile(emu)
    await reconcile(emu)
    expect(writeRequests(emu)).toEqual([])
    expect(goalIssues(emu)).toHaveLength(4)
    expect(emu.file('main', 'goals.md')).toBe(file)
  })

  it('emoji at every cut point: titles, labels and bodies stay well-formed, and reruns are quiet', async () => {
    const rocket = '\u{1F680}'
    const titles = Array.from({ length: 8 }, (_, k) => `${'t'.repeat(249 + k)}${rocket}${k}tail`)
    const cats = Array.from({ length: 10 }, (_, k) => `${'c'.repeat(38 + k)}${rocket}${k}`)
    const text = [
      '# Goals',
      '',
      '## Long titles',
      '',
      ...titles.map(t => `- [ ] ${t}`),
      '',
      ...cats.flatMap(c => [`## ${c}`, '', `- [x] goal in ${c.length}`, ''])
    ].join('\n')
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, text))
    const sent = emu.requests.filter(r => r.method !== 'GET').flatMap(r => strings(r.body))
    expect(sent.filter(s => LONE.test(s))).toEqual([])
    const issues = goalIssues(emu)
    expect(issues).toHaveLength(titles.length + cats.length)
    for (const i of issues) {
      expect(i.title.length).toBeLessThanOrEqual(256)
      expect(LONE.test(i.title)).toBe(false)
    }
    for (const l of emu.labels()) expect(l.name.length).toBeLessThanOrEqual(50)
    // The titles over 256 end in an ellipsis and keep the emoji whole or leave it out.
    const cut = issues.filter(i => i.title.endsWith('…'))
    expect(cut.length).toBeGreaterThanOrEqual(6)

    emu.resetLog()
    await reconcile(emu)
    expect(writeRequests(emu)).toEqual([])
  })

  it('a 70,000-character goal: the body is cut with a note, the run commits, ticking it later closes it', async () => {
    const huge = `${'the longest goal ever written '.repeat(2334)}`.trim()
    expect(huge.length).toBeGreaterThan(70_000)
    const text = `# Goals\n\n## Big\n\n- [ ] ${huge}\n- [ ] a small goal\n`
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, text))
    const issues = goalIssues(emu)
    expect(issues).toHaveLength(2)
    const big = issues.find(i => i.title.startsWith('the longest goal'))!
    expect(big.title.length).toBeLessThanOrEqual(256)
    expect((big.body ?? '').length).toBeLessThanOrEqual(65_536)
    expect(big.body).toContain('its full text is in the file')
    expect(emu.file('main', 'goals.md')).toBe(
      `# Goals\n\n## Big [0/2]\n\n- [ ] ${huge}\n- [ ] a small goal\n`
    )

    emu.resetLog()
    await reconcile(emu)
    expect(writeRequests(emu)).toEqual([])

    await sync(
      emu,
      'push',
      landPush(emu, emu.file('main', 'goals.md')!.replace('- [ ] the', '- [x] the'))
    )
    expect(emu.issue(big.number)!.state).toBe('closed')
    expect(goalIssues(emu)).toHaveLength(2)
    expect(emu.file('main', 'goals.md')).toContain('## Big [1/2]')
  })

  it('requests carry only the fields GitHub declares', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, GOALS))
    const issueWrites = emu.requests.filter(
      r => /\/issues(\/\d+)?$/.test(r.path) && r.method !== 'GET'
    )
    expect(issueWrites.length).toBeGreaterThan(3)
    for (const r of issueWrites) {
      const allowed = r.method === 'POST' ? ISSUE_FIELDS : UPDATE_FIELDS
      const keys = Object.keys(r.body as object)
      expect(
        keys.filter(k => !allowed.includes(k)),
        `${r.method} ${r.path}`
      ).toEqual([])
    }
  })
})

describe('the bundle: log and summary', () => {
  const TOKEN = 'ghs_TextSafetyTokenNeverPrinted'
  it('workflow commands and HTML in goals and issue titles stay text', async () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
    const text = [
      '# Goals',
      '',
      '## <script>alert(1)</script> & <b>Bold</b>',
      '',
      '- [ ] ::error file=goals.md::pwned',
      '- [ ] fine ##[error]boom',
      ''
    ].join('\n')
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    emu.addToken(TOKEN, { login: 'github-actions[bot]', kind: 'installation' })
    const target = {
      url: emu.url,
      token: TOKEN,
      owner: emu.owner,
      repo: emu.repo,
      head: (b: string) => emu.head(b)
    }
    const run = (eventName: string, event: object) =>
      runAction(join(root, 'dist/index.js'), {
        emu: target,
        eventName,
        event,
        actionYml: join(root, 'action.yml'),
        env: { GOALS_SYNC_PACING: 'off' }
      })
    const first = await run('push', landPush(emu, text))
    expect(first.code, first.stdout).toBe(0)
    // A title changed on GitHub to one with line breaks, then a full reconcile.
    const fine = goalIssues(emu).find(i => i.title.startsWith('fine'))!
    emu.editIssue(
      fine.number,
      { title: 'ok\n::error file=a::pwned\r::add-mask::leak\n##[warning]x' },
      { as: 'octo' }
    )
    const second = await run('workflow_dispatch', dispatchEvent())
    expect(second.code, second.stdout).toBe(0)

    for (const result of [first, second]) {
      const lines = result.stdout.split(/\r\n|\r|\n/)
      const commands = lines.filter(l => /^\s*::/.test(l))
      for (const c of commands)
        expect(
          c.startsWith(`::add-mask::${TOKEN}`) || /^::(warning|error|debug)::/.test(c),
          c
        ).toBe(true)
      expect(lines.filter(l => !l.startsWith('::') && l.includes('##['))).toEqual([])
      expect(result.summary).not.toMatch(/<script|<b>/i)
    }
    expect(first.summary).toContain(
      '&lt;script&gt;alert(1)&lt;/script&gt; &amp; &lt;b&gt;Bold&lt;/b&gt;'
    )
    expect(first.summary).toMatch(/░/)
    // One log line per issue written, by its title.
    expect(first.stdout).toMatch(/^#\d+ created: fine #\u2060#\[error\]boom$/m)
  }, 60_000)
})

describe('summary pieces', () => {
  it('progress bars: ten cells, rounded down', () => {
    expect(progressBar(1, 2)).toBe('█████░░░░░ 50%')
    expect(progressBar(0, 3)).toBe('░░░░░░░░░░ 0%')
    expect(progressBar(2, 3)).toBe('██████░░░░ 66%')
    expect(progressBar(3, 3)).toBe('██████████ 100%')
    expect(progressBar(0, 0)).toBe('░░░░░░░░░░ 0%')
  })
})
