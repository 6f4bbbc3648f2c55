// Cases a review turned up: each once made a second issue, lost a tick, or
// touched what is not the action's.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent } from '../../test-support/runner.ts'
import { describeHttpError } from '../../src/github/errors.ts'
import {
  closeAs,
  emulatorWith,
  goalIssues,
  issueFor,
  push,
  reconcile,
  SEEDLIKE,
  sync,
  syncedEmulator,
  clientFor
} from './harness.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

async function synced(text = SEEDLIKE) {
  emu = await syncedEmulator(text)
  return emu.file('main', 'goals.md')!
}

describe('edge cases', () => {
  it('an issue whose goal label a person removed is found again, not duplicated', async () => {
    await synced()
    const issue = issueFor(emu, 'learn to sail')
    const client = clientFor(emu)
    await client.rest.issues.removeLabel({
      owner: 'octo',
      repo: 'goals',
      issue_number: issue.number,
      name: 'goal'
    })
    await reconcile(emu)
    expect(goalIssues(emu).filter(i => i.title === 'learn to sail')).toHaveLength(1)
    expect(emu.issue(issue.number)!.labels.sort()).toEqual(['Life Goals', 'goal'])
  })

  it('a GitHub App token (an installation token of another app) recognises its own issues', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    emu.addToken('ghs_app_token', { login: 'goals-app[bot]', kind: 'installation' })
    await push(emu, SEEDLIKE, { token: 'ghs_app_token' })
    expect(emu.issues().filter(i => i.user === 'goals-app[bot]')).toHaveLength(15)
    emu.resetLog()
    await reconcile(emu, { token: 'ghs_app_token' })
    expect(emu.writes()).toBe(0)
    expect(emu.issues()).toHaveLength(15)
  })

  it('reopening an issue that goals-sync closed as removed changes nothing in the file', async () => {
    const full = await synced('## A\n[x] Read\n[ ] Write\n\n## B\n[x] Read\n')
    await push(emu, full.replace('[x] Read\n[ ] Write', '[ ] Write'))
    // The "Read" of category A was done, then dropped from the file; "Read" of B is another goal.
    const removed = goalIssues(emu).find(i => i.title === 'Read' && i.labels.includes('A'))!
    const before = emu.file('main', 'goals.md')
    emu.reopenIssue(removed.number, { as: 'octo' })
    const report = await sync(
      emu,
      'issues',
      issuesEvent('reopened', emu.issueJson(removed.number), { sender: 'octo' })
    )
    expect(report.notes.join(' ')).toMatch(/no longer drives the file/)
    expect(emu.file('main', 'goals.md')).toBe(before)
  })

  it('moving a goal in a push keeps a close made on GitHub meanwhile', async () => {
    const text = await synced()
    const issue = issueFor(emu, 'organise a local meetup')
    emu.closeIssue(issue.number, { as: 'octo' }) // its event is still on its way
    const moved = text
      .replace('[ ] organise a local meetup\n\n', '')
      .replace(
        '[ ] negotiate a four-day week\n',
        '[ ] negotiate a four-day week\n\n[ ] organise a local meetup\n'
      )
    await push(emu, moved)
    expect(emu.issue(issue.number)).toMatchObject({
      state: 'closed',
      labels: ['goal', 'Career Goals']
    })
    expect(emu.file('main', 'goals.md')).toContain('[x] organise a local meetup')
  })

  it('a run that fails after taking the lock releases it', async () => {
    await synced()
    // A new goal: creating its issue is what takes the lock.
    const text = emu
      .file('main', 'goals.md')!
      .replace('[ ] learn to sail', '[ ] learn to sail\n\n[ ] learn to knit')
    // Reading the goals file again once the lock is held fails for good.
    emu.fail({
      method: 'GET',
      path: /\/contents\/goals\.md$/,
      nth: 2,
      status: 400,
      body: { message: 'Bad request' }
    })
    await expect(push(emu, text)).rejects.toThrow()
    expect(emu.requests.some(r => r.method === 'POST' && r.path.endsWith('/git/refs'))).toBe(true)
    expect(
      emu.requests.filter(
        r => r.method === 'DELETE' && r.path.endsWith('/git/refs/goals-sync/lock')
      ).length
    ).toBeGreaterThan(0)
  })

  it('a budget too small for the lock and the commit writes no issue and says so', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    emu.resetLog()
    const report = await push(emu, SEEDLIKE, { inputs: { 'max-writes': '6' } })
    expect(goalIssues(emu)).toHaveLength(0)
    expect(report.applied.deferred).toBeGreaterThan(15)
    expect(report.applied.stoppedBy).toMatch(/too small/)
    expect(emu.writes()).toBeLessThanOrEqual(6)
  })

  it('commit: pull-request carries an earlier unmerged tick along with the new one', async () => {
    await synced(SEEDLIKE)
    emu.protect('main', 'protection')
    const a = issueFor(emu, 'learn to sail')
    const b = issueFor(emu, 'organise a local meetup')
    await closeAs(emu, a.number, 'octo', { inputs: { commit: 'pull-request' } })
    await closeAs(emu, b.number, 'octo', { inputs: { commit: 'pull-request' } })
    const pr = emu.file('goals-sync/main', 'goals.md')!
    expect(pr).toContain('[x] learn to sail')
    expect(pr).toContain('[x] organise a local meetup')
    expect(emu.pulls()).toHaveLength(1)
  })

  it('a goals file that is not UTF-8 is refused, naming the file', async () => {
    emu = await startWithBytes(Buffer.from('## A\n[ ] caf\xe9\n', 'latin1'))
    await expect(reconcile(emu)).rejects.toThrow(/goals.md is not UTF-8 text/)
  })

  it('a category named like the common label settles and then stays quiet', async () => {
    await synced('## Goal\n[ ] one\n[x] two\n')
    emu.resetLog()
    await reconcile(emu)
    expect(emu.writes()).toBe(0)
  })

  it('renaming a category does not rename a label a person made (others use it)', async () => {
    emu = await emulatorWith({ 'goals.md': '## Work\n[ ] ship it\n' })
    const client = clientFor(emu)
    await client.rest.issues.createLabel({
      owner: 'octo',
      repo: 'goals',
      name: 'Work',
      color: 'aaaaaa',
      description: 'day job'
    })
    const alice = emu.createIssue({ as: 'alice', title: 'unrelated', labels: ['Work'] })
    await push(emu, '## Work\n[ ] ship it\n')
    await push(emu, '## Career\n[ ] ship it\n')
    expect(emu.issue(alice.number)!.labels).toEqual(['Work'])
    expect(issueFor(emu, 'ship it').labels.sort()).toEqual(['Career', 'goal'])
  })

  it('a server that cannot list labels or comments still syncs (those reads only save work)', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    emu.fail({ method: 'GET', path: /\/labels$/, status: 404, times: 100 })
    emu.fail({ method: 'GET', path: /\/comments$/, status: 404, times: 100 })
    await push(emu, SEEDLIKE)
    expect(goalIssues(emu)).toHaveLength(15)
    await push(emu, emu.file('main', 'goals.md')!.replace('[ ] learn to sail\n', ''))
    const gone = issueFor(emu, 'learn to sail')
    expect(gone).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    expect(emu.comments(gone.number)).toHaveLength(1)
  })

  it('issues turned off (410) fail the run with the fix, not a stack trace', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    emu.fail({
      method: 'GET',
      path: /\/issues$/,
      status: 410,
      body: { message: 'Issues are disabled for this repo' }
    })
    const error = await push(emu, SEEDLIKE).catch((e: unknown) => e)
    expect(describeHttpError(error)).toMatch(/410 .*turn Issues on/)
  })
})

async function startWithBytes(bytes: Buffer) {
  const { startEmulator } = await import('../../test-support/emulator/index.ts')
  return startEmulator({
    owner: 'octo',
    repo: 'goals',
    defaultBranch: 'main',
    files: { 'goals.md': bytes }
  })
}
