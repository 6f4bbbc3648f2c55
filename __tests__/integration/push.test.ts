import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { pushEvent } from '../../test-support/runner.ts'
import { emulatorWith, goalIssues, issueFor, push, SEEDLIKE, sync } from './harness.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const goalsAtHead = () => parseGoals(emu.file('main', 'goals.md') ?? '')

describe('push: file → issues', () => {
  it('makes one issue per goal with the common and category labels, closing the ticked ones', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const report = await push(emu, SEEDLIKE)
    const doc = parseGoals(SEEDLIKE)
    const issues = goalIssues(emu)
    expect(issues).toHaveLength(doc.total)
    for (const goal of doc.goals) {
      const issue = issueFor(emu, goal.title)
      expect(issue.labels.sort()).toEqual(['goal', goal.category!].sort())
      expect(issue.state).toBe(goal.checked ? 'closed' : 'open')
      if (goal.checked) expect(issue.state_reason).toBe('completed')
    }
    const labels = emu.labels().map(l => l.name)
    expect(labels).toEqual(
      expect.arrayContaining([
        'goal',
        'Craft Goals',
        'Career Goals',
        'Community Goals',
        'Life Goals'
      ])
    )
    for (const l of emu.labels().filter(l => l.name !== 'goal' && labels.includes(l.name))) {
      expect(l.description).toBeTruthy()
      expect(l.color).toMatch(/^[0-9a-f]{6}$/)
    }
    expect(report.total).toBe(doc.total)
    expect(report.done).toBe(doc.done)
    expect(report.percent).toBe(Math.floor((doc.done * 100) / doc.total))
    expect(report.applied.created).toHaveLength(doc.total)
  })

  it('fixes stale counters and writes the badge in one commit', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const report = await push(emu, SEEDLIKE)
    const head = emu.commits('main')[0]!
    expect(report.commit?.sha).toBe(head.sha)
    expect(head.files.sort()).toEqual([
      '.github/badges/goals-card.svg',
      '.github/badges/goals.svg',
      '.github/goals-sync/ledger.json',
      'goals.md'
    ])
    expect(head.message).toBe('chore(goals): sync progress [skip ci]')
    expect(head.verified).toBe(true)
    const text = emu.file('main', 'goals.md')!
    expect(text).toContain('## Craft Goals  [2/6]')
    expect(text).toContain('## Community Goals\n[1/3]')
    expect(text).toContain('## Life Goals [1/2]')
    // Nothing but the counters changed.
    expect(text.replace(/\[\d+\/\d+\]/g, '[]')).toBe(SEEDLIKE.replace(/\[\d+\/\d+\]/g, '[]'))
    expect(emu.file('main', '.github/badges/goals.svg')).toContain(
      `${goalsAtHead().done}/${goalsAtHead().total}`
    )
  })

  it('a first sync reads each thing once: at most 10 reads', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    const { before, after } = emu.commit('main', { 'goals.md': SEEDLIKE }, 'add goals', 'octo')
    emu.resetLog()
    await sync(emu, 'push', pushEvent({ before, after }))
    // Settings file, goals file, ledger, issues, the push's before-version, the labels; the head
    // once the lock is held, the goals file and ledger there; the lock's release.
    const gets = emu.requests.filter(r => r.method === 'GET').map(r => r.path)
    expect(gets.length, gets.join('\n')).toBeLessThanOrEqual(10)
    expect(gets.filter(p => p.endsWith('/issues'))).toHaveLength(1)
  })

  it('a second run makes no write and stays within the read budget', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await push(emu, SEEDLIKE)
    const commits = emu.commits('main').length
    emu.resetLog()
    // A rerun of the synced state: the same text pushed again (a commit of its own, by a person).
    const report = await push(emu, emu.file('main', 'goals.md')!)
    expect(report.ops).toEqual([])
    const writes = emu.requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD')
    expect(writes).toEqual([])
    expect(emu.reads()).toBeLessThanOrEqual(3 + Math.ceil(goalIssues(emu).length / 100))
    // The person's commit only: the action committed nothing.
    expect(emu.commits('main')).toHaveLength(commits + 1)
    expect(report.commit).toBeNull()
  })

  it('a badge and card edited by hand are put back by the push that changed them', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await push(emu, SEEDLIKE)
    const badge = '.github/badges/goals.svg'
    const card = '.github/badges/goals-card.svg'
    const ours = [emu.file('main', badge), emu.file('main', card)]
    const { before, after } = emu.commit(
      'main',
      { [badge]: '<svg>100%</svg>', [card]: '<svg/>' },
      'my own badge',
      'octo'
    )
    const commits = [{ id: after, message: 'my own badge', modified: [badge, card] }]
    const report = await sync(emu, 'push', pushEvent({ before, after, commits }))
    expect(report.ops).toEqual([])
    expect(emu.commits('main')[0]!.files.sort()).toEqual([card, badge].sort())
    expect([emu.file('main', badge), emu.file('main', card)]).toEqual(ours)
    // A push that left them alone does not read them: the ledger vouches for them.
    emu.resetLog()
    const readme = emu.commit('main', { 'README.md': 'hi\n' }, 'docs', 'octo')
    const docs = [{ id: readme.after, message: 'docs', modified: ['README.md'] }]
    await sync(emu, 'push', pushEvent({ ...readme, commits: docs }))
    expect(emu.requests.filter(r => r.path.includes('badges'))).toEqual([])
  })

  it('ticking and unticking a box closes and reopens only that goal’s issue', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    await push(emu, SEEDLIKE)
    const before = new Map(goalIssues(emu).map(i => [i.number, i.updated_at]))
    let text = emu.file('main', 'goals.md')!
    text = text.replace(
      '[ ] contribute a patch to a compiler',
      '[x] contribute a patch to a compiler'
    )
    emu.resetLog()
    const ticked = await push(emu, text)
    // The close and one commit (tree, commit, ref): no lock, since a close done twice changes nothing.
    expect(emu.writes()).toBe(4)
    const issue = issueFor(emu, 'contribute a patch to a compiler')
    expect(issue.state).toBe('closed')
    expect(ticked.applied.closed).toEqual([issue.number])
    const changed = goalIssues(emu).filter(i => before.get(i.number) !== i.updated_at)
    expect(changed.map(i => i.number)).toEqual([issue.number])

    text = emu.file('main', 'goals.md')!.replace('[x] contribute a patch', '[ ] contribute a patch')
    const unticked = await push(emu, text)
    expect(issueFor(emu, 'contribute a patch to a compiler').state).toBe('open')
    expect(unticked.applied.reopened).toEqual([issue.number])
  })

  it('editing a goal’s text retitles its issue; nothing is created', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    await push(emu, SEEDLIKE)
    const issue = issueFor(emu, 'negotiate a four-day week')
    const count = goalIssues(emu).length
    const text = emu
      .file('main', 'goals.md')!
      .replace('negotiate a four-day week', 'negotiate a 32-hour week')
    const report = await push(emu, text)
    expect(goalIssues(emu)).toHaveLength(count)
    expect(emu.issue(issue.number)!.title).toBe('negotiate a 32-hour week')
    expect(report.applied.updated).toEqual([issue.number])
  })

  it('moving a goal to another category swaps its category label', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    await push(emu, SEEDLIKE)
    const issue = issueFor(emu, 'organise a local meetup')
    const text = emu
      .file('main', 'goals.md')!
      .replace('[ ] organise a local meetup\n\n', '')
      .replace(
        '[ ] negotiate a four-day week\n',
        '[ ] negotiate a four-day week\n\n[ ] organise a local meetup\n'
      )
    await push(emu, text)
    expect(emu.issue(issue.number)!.labels.sort()).toEqual(['Career Goals', 'goal'])
    expect(goalIssues(emu).filter(i => i.title === 'organise a local meetup')).toHaveLength(1)
  })

  it('renaming a category renames its label', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    await push(emu, SEEDLIKE)
    const text = emu.file('main', 'goals.md')!.replace('## Life Goals', '## Outdoor Goals')
    emu.resetLog()
    await push(emu, text)
    // GitHub relabels the issues with the label: no write per issue is needed.
    const issueWrites = emu.requests.filter(r => r.method !== 'GET' && /\/issues\//.test(r.path))
    expect(issueWrites.map(r => `${r.method} ${r.path}`)).toEqual([])
    const names = emu.labels().map(l => l.name)
    expect(names).toContain('Outdoor Goals')
    expect(names).not.toContain('Life Goals')
    expect(issueFor(emu, 'learn to sail').labels.sort()).toEqual(['Outdoor Goals', 'goal'])
  })

  it('removing a goal closes its issue as not planned with a comment; putting it back reopens the same issue', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    await push(emu, SEEDLIKE)
    const issue = issueFor(emu, 'organise a local meetup')
    const full = emu.file('main', 'goals.md')!
    await push(emu, full.replace('[ ] organise a local meetup\n\n', ''))
    expect(emu.issue(issue.number)).toMatchObject({ state: 'closed', state_reason: 'not_planned' })
    expect(
      emu
        .comments(issue.number)
        .map(c => c.body)
        .join('\n')
    ).toMatch(/removed from `goals.md`/)

    await push(emu, full)
    expect(emu.issue(issue.number)!.state).toBe('open')
    expect(goalIssues(emu).filter(i => i.title === 'organise a local meetup')).toHaveLength(1)
  })

  it('never touches an issue it did not create, whatever its labels and body say', async () => {
    emu = await emulatorWith({ 'goals.md': SEEDLIKE })
    await push(emu, SEEDLIKE)
    const ours = issueFor(emu, 'learn to sail')
    const copy = emu.createIssue({
      as: 'mallory',
      title: ours.title,
      body: ours.body ?? '',
      labels: ours.labels
    })
    const text = emu.file('main', 'goals.md')!.replace('[ ] learn to sail\n\n', '')
    await push(emu, text)
    expect(emu.issue(copy.number)).toMatchObject({
      state: 'open',
      title: ours.title,
      updated_at: copy.updated_at
    })
    expect(emu.issue(ours.number)!.state).toBe('closed')
  })
})
