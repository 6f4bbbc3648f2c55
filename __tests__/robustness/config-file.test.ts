// SPEC §6: the optional settings file (.github/goals-sync.yml) sets per-category label
// colour and description, assignees for new issues and the category heading level.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { emulatorWith, goalIssues, issueFor, reconcile, sync } from '../integration/harness.ts'
import { landPush, writeRequests } from './support.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

const SETTINGS = [
  'heading-level: 3',
  'assignees:',
  '  - alice',
  '  - "@bob"',
  'label:',
  '  color: "#112233"',
  '  description: Every goal of ours',
  'categories:',
  '  Craft Goals:',
  '    color: "AbCdEf"',
  '    description: Things we make',
  ''
].join('\n')

const GOALS = [
  '# Goals',
  '',
  '## This year',
  '',
  '### Craft Goals',
  '',
  '- [ ] build a bookshelf',
  '- [x] sharpen the chisels',
  '',
  '### Outdoor Goals',
  '',
  '- [ ] learn to sail',
  '',
  '## Someday',
  '',
  '### Craft Goals later',
  '',
  '- [ ] build a boat',
  ''
].join('\n')

describe('the settings file', () => {
  it('is honoured: label colours and descriptions, assignees, ### categories', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n', '.github/goals-sync.yml': SETTINGS })
    emu.setPermission('alice', 'write')
    emu.setPermission('bob', 'triage')
    const report = await sync(emu, 'push', landPush(emu, GOALS))

    const doc = parseGoals(GOALS, { categoryLevel: 3 })
    expect(doc.categories.map(c => c.name)).toEqual([
      'Craft Goals',
      'Outdoor Goals',
      'Craft Goals later'
    ])
    expect(goalIssues(emu)).toHaveLength(4)
    expect(report.total).toBe(4)
    expect(report.done).toBe(1)

    // ### headings are the categories; ## headings are not.
    expect(issueFor(emu, 'build a bookshelf').labels.sort()).toEqual(['Craft Goals', 'goal'])
    expect(issueFor(emu, 'learn to sail').labels.sort()).toEqual(['Outdoor Goals', 'goal'])
    expect(issueFor(emu, 'build a boat').labels.sort()).toEqual(['Craft Goals later', 'goal'])
    const names = emu.labels().map(l => l.name)
    expect(names).not.toContain('This year')
    expect(names).not.toContain('Someday')

    const label = (name: string) => emu.labels().find(l => l.name === name)
    expect(label('Craft Goals')).toMatchObject({ color: 'abcdef', description: 'Things we make' })
    expect(label('goal')).toMatchObject({ color: '112233', description: 'Every goal of ours' })
    // Categories the file does not style still get a colour and a description.
    expect(label('Outdoor Goals')!.color).toMatch(/^[0-9a-f]{6}$/)
    expect(label('Outdoor Goals')!.description).toBeTruthy()

    for (const issue of goalIssues(emu)) expect(issue.assignees.sort()).toEqual(['alice', 'bob'])
    expect(issueFor(emu, 'sharpen the chisels').state).toBe('closed')

    // The counters went on the ### headings only.
    const text = emu.file('main', 'goals.md')!
    expect(text).toContain('### Craft Goals [1/2]')
    expect(text).toContain('### Outdoor Goals [0/1]')
    expect(text).toContain('### Craft Goals later [0/1]')
    expect(text).toContain('## This year\n')
    expect(text).toContain('## Someday\n')

    // And the result is stable.
    emu.resetLog()
    await reconcile(emu)
    expect(writeRequests(emu)).toEqual([])
  })

  it('assignees apply to new issues only; existing ones keep theirs', async () => {
    emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, GOALS))
    // Default level 2: the ## headings are the categories here.
    expect(issueFor(emu, 'build a boat').labels.sort()).toEqual(['Someday', 'goal'])
    expect(issueFor(emu, 'build a boat').assignees).toEqual([])

    emu.setPermission('alice', 'write') // GitHub refuses (422) an assignee without access
    emu.commit('main', { '.github/goals-sync.yml': 'assignees: [alice]\n' }, 'settings', 'octo')
    const more = emu.file('main', 'goals.md')! + '\n- [ ] plant a tree\n'
    await sync(emu, 'push', landPush(emu, more))
    expect(issueFor(emu, 'plant a tree').assignees).toEqual(['alice'])
    expect(issueFor(emu, 'build a boat').assignees).toEqual([])
  })
})
