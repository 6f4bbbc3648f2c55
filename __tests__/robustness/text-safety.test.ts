// SPEC §3: goal text copied into a body never notifies anyone; titles are cut to 256
// characters with the full text in the body; category labels over 50 characters are
// shortened deterministically.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { emulatorWith, goalIssues, reconcile, sync } from '../integration/harness.ts'
import { landPush } from './support.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

/** An @mention GitHub would act on: not inside a word (emails) nor right after a backtick. */
const MENTION = /(^|[^\w`])@[A-Za-z0-9]/m

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
      .filter(l => !l.includes('@someone') && !l.includes('@bigname'))
      .join('\n')
    await sync(emu, 'push', landPush(emu, trimmed))

    const sent = sentTexts(emu)
    expect(sent.length).toBeGreaterThan(5)
    expect(sent.filter(t => MENTION.test(t))).toEqual([])
    for (const issue of goalIssues(emu)) {
      expect(issue.body ?? '', `#${issue.number}`).not.toMatch(MENTION)
      for (const c of emu.comments(issue.number)) expect(c.body).not.toMatch(MENTION)
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
