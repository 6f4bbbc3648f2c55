import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { issuesEvent, pushEvent } from '../../test-support/runner.ts'
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
  plantLock
} from './harness.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

async function synced(text = SEEDLIKE) {
  emu = await syncedEmulator(text, { 'notes.md': 'notes\n' })
  return emu.file('main', 'goals.md')!
}

describe('committing back', () => {
  it('keeps a commit that lands between the read and the ref update', async () => {
    await synced()
    const issue = issueFor(emu, 'learn to sail')
    let landed = false
    const stop = emu.onRequest(req => {
      if (!landed && req.method === 'PATCH' && req.path.includes('/git/refs/')) {
        landed = true
        const text = emu
          .file('main', 'goals.md')!
          .replace('[ ] organise a local meetup', '[ ] organise a regional meetup')
        emu.commit(
          'main',
          { 'goals.md': text, 'notes.md': 'more notes\n' },
          'a person edits meanwhile',
          'octo'
        )
      }
    })
    const report = await closeAs(emu, issue.number, 'octo')
    stop()
    expect(landed).toBe(true)
    expect(report.commit?.attempts).toBe(2)
    const head = emu.file('main', 'goals.md')!
    expect(head).toContain('[x] learn to sail')
    expect(head).toContain('[ ] organise a regional meetup')
    expect(emu.file('main', 'notes.md')).toBe('more notes\n')
    expect(emu.commits('main')[0]!.parents).toEqual([emu.commits('main')[1]!.sha])
  })

  it('two runs at once leave one issue per goal and lose no tick', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const { before, after } = emu.commit('main', { 'goals.md': SEEDLIKE }, 'add goals', 'octo')
    const event = pushEvent({ before, after })
    const [a, b] = await Promise.all([sync(emu, 'push', event), sync(emu, 'push', event)])
    // One run waited for the other's lock, planned again and found nothing left to create.
    expect([a.applied.created.length, b.applied.created.length].sort((x, y) => x - y)).toEqual([
      0, 15
    ])
    const titles = goalIssues(emu).map(i => i.title)
    expect(titles).toHaveLength(15)
    expect(new Set(titles).size).toBe(15)
    expect(
      emu.requests.some(r => r.method === 'DELETE' && r.path.endsWith('/git/refs/goals-sync/lock'))
    ).toBe(true)
    expect(
      goalIssues(emu)
        .filter(i => i.state === 'open')
        .map(i => i.title)
        .sort()
    ).toEqual([...SEEDLIKE.matchAll(/^\[ \] (.*)$/gm)].map(m => m[1]).sort())
    expect(emu.file('main', 'goals.md')).toContain('[x] ship a side project that strangers use')
  })

  it('two issue closes handled at once both land on the branch', async () => {
    await synced()
    const a = issueFor(emu, 'learn to sail')
    const b = issueFor(emu, 'organise a local meetup')
    emu.closeIssue(a.number, { as: 'octo' })
    emu.closeIssue(b.number, { as: 'octo' })
    await Promise.all([
      sync(emu, 'issues', issuesEvent('closed', emu.issueJson(a.number), { sender: 'octo' })),
      sync(emu, 'issues', issuesEvent('closed', emu.issueJson(b.number), { sender: 'octo' }))
    ])
    const text = emu.file('main', 'goals.md')!
    expect(text).toContain('[x] learn to sail')
    expect(text).toContain('[x] organise a local meetup')
    expect(text).toContain('## Community Goals\n[2/3]')
    expect(text).toContain('## Life Goals [2/2]')
  })

  it('commits through blobs when the server takes no inline content in trees', async () => {
    await synced()
    const issue = issueFor(emu, 'learn to sail')
    emu.fail({
      method: 'POST',
      path: /\/git\/trees$/,
      status: 422,
      body: { message: 'Invalid tree info' }
    })
    await closeAs(emu, issue.number, 'octo')
    expect(emu.file('main', 'goals.md')).toContain('[x] learn to sail')
    // One blob each for the goals file, the badge, the card and the ledger.
    expect(
      emu.requests.filter(r => r.method === 'POST' && r.path.endsWith('/git/blobs'))
    ).toHaveLength(4)
  })

  it('a protected branch fails the run naming the cause and commit: pull-request', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    emu.protect('main', 'protection')
    await expect(push(emu, SEEDLIKE)).rejects.toThrow(/refused the commit.*commit: pull-request/s)
  })

  it('a ruleset fails the run the same way', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    emu.protect('main', 'ruleset')
    await expect(push(emu, SEEDLIKE)).rejects.toThrow(/refused the commit.*commit: pull-request/s)
  })

  it('commit: pull-request opens one pull request and updates it on later runs', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    emu.protect('main', 'protection')
    const head = emu.head('main')
    const first = await push(emu, SEEDLIKE, { inputs: { commit: 'pull-request' } })
    expect(first.commit?.pullRequest?.created).toBe(true)
    const pr = emu.pulls()
    expect(pr).toHaveLength(1)
    expect(pr[0]).toMatchObject({ head: 'goals-sync/main', base: 'main', state: 'open' })
    expect(emu.file('goals-sync/main', 'goals.md')).toContain('## Craft Goals  [2/6]')
    expect(emu.head('main')).not.toBe(head) // the person's push only
    emu.setPermission('octo', 'admin')
    const issue = issueFor(emu, 'learn to sail')
    const second = await closeAs(emu, issue.number, 'octo', { inputs: { commit: 'pull-request' } })
    expect(second.commit?.pullRequest).toMatchObject({ number: pr[0]!.number, created: false })
    expect(emu.pulls()).toHaveLength(1)
    expect(emu.file('goals-sync/main', 'goals.md')).toContain('[x] learn to sail')
  })

  it('keeps CRLF line endings and the BOM, changing only the edited characters', async () => {
    const crlf = `\uFEFF${SEEDLIKE.replace(/\n/g, '\r\n')}`
    const before = await synced(crlf)
    expect(before.startsWith('\uFEFF')).toBe(true)
    const issue = issueFor(emu, 'learn to sail')
    await closeAs(emu, issue.number, 'octo')
    const after = emu.file('main', 'goals.md')!
    expect(after.length).toBe(before.length)
    const diffs = [...after].flatMap((c, i) => (c === before[i] ? [] : [[before[i], c]]))
    expect(diffs).toEqual([
      ['1', '2'], // Life Goals [1/2] → [2/2]
      [' ', 'x']
    ])
  })
})

describe('reconcile (schedule, workflow_dispatch)', () => {
  for (const conflict of ['latest', 'file', 'issues'] as const) {
    it(`settles a box ticked in the file while its issue stayed open (conflict: ${conflict})`, async () => {
      const text = await synced()
      // The push event for this edit was missed (say the workflow was disabled).
      emu.commit(
        'main',
        { 'goals.md': text.replace('[ ] learn to sail', '[x] learn to sail') },
        'tick',
        'octo'
      )
      const issue = issueFor(emu, 'learn to sail')
      await reconcile(emu, { inputs: { conflict } })
      const ticked = emu.file('main', 'goals.md')!.includes('[x] learn to sail')
      const closed = emu.issue(issue.number)!.state === 'closed'
      expect(ticked).toBe(closed)
      expect(ticked).toBe(conflict !== 'issues')
    })

    it(`settles an issue reopened while its box stayed ticked (conflict: ${conflict})`, async () => {
      await synced()
      const issue = issueFor(emu, 'run 10 km without stopping')
      // The issues event was missed.
      emu.reopenIssue(issue.number, { as: 'octo' })
      await reconcile(emu, { inputs: { conflict } })
      const ticked = emu.file('main', 'goals.md')!.includes('[x] run 10 km without stopping')
      const closed = emu.issue(issue.number)!.state === 'closed'
      expect(ticked).toBe(closed)
      expect(ticked).toBe(conflict === 'file')
    })
  }

  it('recovers a missed close: the box is ticked and the counters follow', async () => {
    await synced()
    const issue = issueFor(emu, 'organise a local meetup')
    emu.closeIssue(issue.number, { as: 'octo' })
    const report = await reconcile(emu)
    expect(emu.file('main', 'goals.md')).toContain('[x] organise a local meetup')
    expect(emu.file('main', 'goals.md')).toContain('## Community Goals\n[2/3]')
    expect(report.commit?.sha).toBe(emu.head('main'))
    // And a further run has nothing left to do.
    emu.resetLog()
    await reconcile(emu)
    expect(emu.writes()).toBe(0)
  })
})

describe('the lock', () => {
  it('a lock left by a run that died is taken over once its time is past', async () => {
    await synced()
    // The lock of a run that was cancelled a moment ago, made as that run made it.
    await plantLock(emu, new Date(Date.now() - 1000))
    emu.resetLog()
    // A new goal: creating its issue is what takes the lock.
    const text = emu
      .file('main', 'goals.md')!
      .replace('[ ] learn to sail', '[ ] learn to sail\n\n[ ] learn to knit')
    const report = await push(emu, text)
    expect(report.applied.created).toEqual([issueFor(emu, 'learn to knit').number])
    // Taken over (deleted once), then released (deleted again).
    const deletes = emu.requests.filter(
      r => r.method === 'DELETE' && r.path.endsWith('/git/refs/goals-sync/lock')
    )
    expect(deletes).toHaveLength(2)
  })

  it('a lock that is never released (a server that cannot delete it) delays the run, never stops it', async () => {
    await synced()
    await plantLock(emu, new Date(Date.now() + 3_600_000))
    emu.fail({ method: 'DELETE', path: /goals-sync\/lock$/, status: 404, times: 100 })
    const warnings: string[] = []
    // A new goal: creating its issue is what takes the lock.
    const text = emu
      .file('main', 'goals.md')!
      .replace('[ ] learn to sail', '[ ] learn to sail\n\n[ ] learn to knit')
    await push(emu, text, { warnings })
    expect(warnings.join('\n')).toMatch(/Could not take the goals-sync lock.*still holds/s)
    expect(issueFor(emu, 'learn to knit').state).toBe('open')
  }, 30_000)

  it('a server that will not make the lock ref does not stop the sync', async () => {
    await synced()
    emu.fail({
      method: 'POST',
      path: /\/git\/refs$/,
      status: 422,
      times: 10,
      body: { message: 'Reference update failed' }
    })
    const warnings: string[] = []
    // A new goal: creating its issue is what takes the lock.
    const text = emu
      .file('main', 'goals.md')!
      .replace('[ ] learn to sail', '[ ] learn to sail\n\n[ ] learn to knit')
    await push(emu, text, { warnings })
    expect(warnings.join('\n')).toMatch(/Could not take the goals-sync lock/)
    expect(issueFor(emu, 'learn to knit').state).toBe('open')
  })
})
