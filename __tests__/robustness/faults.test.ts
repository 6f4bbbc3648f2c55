// SPEC §7: requests go through Octokit's throttling and retry plugins, honouring
// `retry-after`. A secondary rate limit and a transient 502 mid-run must cost time,
// not correctness: the run succeeds and every goal has exactly one issue.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { emulatorWith, goalIssues, issueFor, SEEDLIKE, sync } from '../integration/harness.ts'
import { duplicatedTitles, landPush, within } from './support.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

describe('faults during a run', () => {
  it('rides out a secondary rate limit on the 3rd issue creation and a 502 on a later write', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const event = landPush(emu, SEEDLIKE)
    const issuesPath = `/repos/${emu.owner}/${emu.repo}/issues`
    emu.fail({
      method: 'POST',
      path: issuesPath,
      nth: 3,
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.',
        documentation_url:
          'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits'
      }
    })
    // The second close of a ticked goal's new issue (a PATCH in the middle of the run).
    emu.fail({ method: 'PATCH', path: /^\/repos\/octo\/goals\/issues\/\d+$/, nth: 2, status: 502 })

    const warnings: string[] = []
    const started = Date.now()
    const report = await sync(emu, 'push', event, { warnings })
    const doc = parseGoals(SEEDLIKE)

    // Both faults really happened, and the run waited out the retry-after.
    const statuses = emu.requests.map(r => r.status)
    expect(statuses).toContain(403)
    expect(statuses).toContain(502)
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000)
    expect(warnings.join('\n')).toMatch(/secondary rate limit/i)

    expect(goalIssues(emu)).toHaveLength(doc.total)
    expect(duplicatedTitles(emu)).toEqual([])
    for (const goal of doc.goals) {
      const issue = issueFor(emu, goal.title)
      expect(issue.state, goal.title).toBe(goal.checked ? 'closed' : 'open')
      expect(issue.labels.sort()).toEqual(['goal', goal.category!].sort())
    }
    expect(report.applied.created).toHaveLength(doc.total)
    expect(report.applied.closed).toHaveLength(doc.done)
    expect(report.applied.deferred).toBe(0)
    expect(report.commit?.sha).toBe(emu.head('main'))
  }, 30_000)

  it('rides out a 502 on the commit and a 503 on reading the goals file', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const event = landPush(emu, SEEDLIKE)
    emu.fail({ method: 'GET', path: '/repos/octo/goals/contents/goals.md', status: 503 })
    emu.fail({ method: 'POST', path: '/repos/octo/goals/git/commits', nth: 2, status: 502 })
    const report = await sync(emu, 'push', event)
    const doc = parseGoals(SEEDLIKE)
    expect(emu.requests.map(r => r.status)).toEqual(expect.arrayContaining([502, 503]))
    expect(goalIssues(emu)).toHaveLength(doc.total)
    expect(duplicatedTitles(emu)).toEqual([])
    expect(report.commit?.sha).toBe(emu.head('main'))
    for (const c of parseGoals(emu.file('main', 'goals.md')!).categories) {
      expect(c.heading.counter, c.name).toMatchObject({ done: c.done, total: c.total })
    }
  }, 30_000)

  it('running out of the primary rate limit mid-run loses nothing: the next run (after the reset) finishes', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const event = landPush(emu, SEEDLIKE)
    const doc = parseGoals(SEEDLIKE)
    // A token whose hourly budget runs out after a dozen issue writes.
    emu.addToken('ghs_nearly_spent', {
      login: 'github-actions[bot]',
      kind: 'installation',
      rateLimit: 20
    })
    let outcome: string
    try {
      const report = await sync(emu, 'push', event, { token: 'ghs_nearly_spent' })
      outcome = `deferred ${report.applied.deferred}`
      expect(report.applied.deferred).toBeGreaterThan(0)
      expect(report.applied.stoppedBy).toMatch(/rate limit/i)
    } catch (error) {
      outcome = (error as Error).message
      expect(outcome).toMatch(/rate limit/i)
    }
    expect(
      emu.requests.some(r => r.status === 403),
      outcome
    ).toBe(true)
    expect(duplicatedTitles(emu)).toEqual([])

    // An hour later: a fresh budget (a new token of the same bot stands in for the reset).
    emu.addToken('ghs_next_hour', { login: 'github-actions[bot]', kind: 'installation' })
    const next = await within(15_000, sync(emu, 'push', event, { token: 'ghs_next_hour' }))
    expect(next, 'the next run after the reset').not.toBe('timeout')
    if (next instanceof Error) throw next
    expect(goalIssues(emu)).toHaveLength(doc.total)
    expect(duplicatedTitles(emu)).toEqual([])
    for (const goal of doc.goals) {
      expect(issueFor(emu, goal.title).state, goal.title).toBe(goal.checked ? 'closed' : 'open')
    }
    expect(emu.file('main', 'goals.md')).toContain('## Craft Goals  [2/6]')
  }, 30_000)
})
