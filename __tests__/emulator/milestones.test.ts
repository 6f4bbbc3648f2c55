// Milestones through the real Octokit: create, list (state=all, pages), update
// and close, counts from the issues in them, and issues' `milestone` field.
import { describe, expect, it } from 'vitest'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

describe('milestones API', () => {
  it('creates milestones, refusing a missing or taken title (any case)', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const made = await gh.rest.issues.createMilestone({
      ...repo,
      title: 'Health',
      description: 'Body and mind'
    })
    expect(made.status).toBe(201)
    expect(made.data).toMatchObject({
      number: 1,
      title: 'Health',
      description: 'Body and mind',
      state: 'open',
      open_issues: 0,
      closed_issues: 0,
      closed_at: null,
      creator: { login: 'github-actions[bot]' },
      url: `${emu.url}/repos/octo/goals/milestones/1`,
      html_url: 'https://github.com/octo/goals/milestone/1'
    })
    expect(made.headers.location).toBe(`${emu.url}/repos/octo/goals/milestones/1`)
    expect(
      await failure(gh.rest.issues.createMilestone({ ...repo, title: 'HEALTH' }))
    ).toMatchObject({
      status: 422,
      data: { errors: [{ resource: 'Milestone', code: 'already_exists', field: 'title' }] }
    })
    expect(await failure(gh.rest.issues.createMilestone({ ...repo, title: ' ' }))).toMatchObject({
      status: 422,
      data: { errors: [{ resource: 'Milestone', code: 'missing_field', field: 'title' }] }
    })
    const closed = await gh.rest.issues.createMilestone({ ...repo, title: 'Old', state: 'closed' })
    expect(closed.data.number).toBe(2)
    expect(closed.data.state).toBe('closed')
    expect(closed.data.closed_at).not.toBeNull()
  })

  it('lists open ones by default, all with state=all, in pages', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    for (let n = 1; n <= 35; n++) {
      await gh.rest.issues.createMilestone({
        ...repo,
        title: `m${n}`,
        state: n % 5 === 0 ? 'closed' : 'open'
      })
    }
    const open = await gh.paginate(gh.rest.issues.listMilestones, { ...repo, per_page: 10 })
    expect(open).toHaveLength(28)
    const all = await gh.paginate(gh.rest.issues.listMilestones, {
      ...repo,
      state: 'all',
      per_page: 10
    })
    expect(all.map(m => m.number)).toEqual(Array.from({ length: 35 }, (_, i) => i + 1))
    const closed = await gh.rest.issues.listMilestones({ ...repo, state: 'closed' })
    expect(closed.data.map(m => m.title)).toEqual(['m5', 'm10', 'm15', 'm20', 'm25', 'm30', 'm35'])
    const first = await gh.rest.issues.listMilestones({ ...repo, per_page: 10 })
    expect(first.headers.link).toContain('rel="next"')
    expect(emu.milestones()).toHaveLength(35)
  })

  it('renames, closes, reopens and deletes; numbers are not reused', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    await gh.rest.issues.createMilestone({ ...repo, title: 'Health' })
    await gh.rest.issues.createMilestone({ ...repo, title: 'Work' })
    const renamed = await gh.rest.issues.updateMilestone({
      ...repo,
      milestone_number: 1,
      title: 'Fitness'
    })
    expect(renamed.data.title).toBe('Fitness')
    expect(
      await failure(gh.rest.issues.updateMilestone({ ...repo, milestone_number: 1, title: 'work' }))
    ).toMatchObject({ status: 422 })
    const closed = await gh.rest.issues.updateMilestone({
      ...repo,
      milestone_number: 1,
      state: 'closed'
    })
    expect(closed.data).toMatchObject({ state: 'closed', title: 'Fitness' })
    expect(closed.data.closed_at).not.toBeNull()
    const reopened = await gh.rest.issues.updateMilestone({
      ...repo,
      milestone_number: 1,
      state: 'open'
    })
    expect(reopened.data).toMatchObject({ state: 'open', closed_at: null })
    expect(
      await failure(
        gh.rest.issues.updateMilestone({ ...repo, milestone_number: 1, state: 'done' as 'open' })
      )
    ).toMatchObject({ status: 422 })
    expect((await gh.rest.issues.deleteMilestone({ ...repo, milestone_number: 2 })).status).toBe(
      204
    )
    expect(
      await failure(gh.rest.issues.getMilestone({ ...repo, milestone_number: 2 }))
    ).toMatchObject({
      status: 404
    })
    const next = await gh.rest.issues.createMilestone({ ...repo, title: 'Work' })
    expect(next.data.number).toBe(3)
  })

  it('issues carry their milestone; counts follow the issues; the list filters by milestone', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    await gh.rest.issues.createMilestone({ ...repo, title: 'Health' })
    const a = await gh.rest.issues.create({ ...repo, title: 'run', milestone: 1 })
    expect(a.data.milestone).toMatchObject({
      number: 1,
      title: 'Health',
      open_issues: 1,
      closed_issues: 0
    })
    const b = await gh.rest.issues.create({ ...repo, title: 'swim' })
    expect(b.data.milestone).toBeNull()
    await gh.rest.issues.update({
      ...repo,
      issue_number: b.data.number,
      milestone: 1,
      state: 'closed'
    })
    expect(emu.issue(b.data.number)?.milestone).toBe(1)
    const m = await gh.rest.issues.getMilestone({ ...repo, milestone_number: 1 })
    expect([m.data.open_issues, m.data.closed_issues]).toEqual([1, 1])

    const inIt = await gh.rest.issues.listForRepo({ ...repo, state: 'all', milestone: '1' })
    expect(inIt.data.map(i => i.title)).toEqual(['swim', 'run'])
    const none = await gh.rest.issues.listForRepo({ ...repo, state: 'all', milestone: 'none' })
    expect(none.data).toEqual([])
    const any = await gh.rest.issues.listForRepo({ ...repo, state: 'all', milestone: '*' })
    expect(any.data).toHaveLength(2)

    await gh.rest.issues.update({ ...repo, issue_number: a.data.number, milestone: null })
    const after = await gh.rest.issues.get({ ...repo, issue_number: a.data.number })
    expect(after.data.milestone).toBeNull()
    expect(emu.milestones()[0]).toMatchObject({ open_issues: 0, closed_issues: 1 })

    expect(
      await failure(gh.rest.issues.create({ ...repo, title: 'x', milestone: 9 }))
    ).toMatchObject({
      status: 422,
      data: { errors: [{ resource: 'Issue', code: 'invalid', field: 'milestone', value: 9 }] }
    })
    expect(
      await failure(gh.rest.issues.update({ ...repo, issue_number: a.data.number, milestone: 9 }))
    ).toMatchObject({ status: 422 })
  })

  it('deleting a milestone takes its issues out of it', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    await gh.rest.issues.createMilestone({ ...repo, title: 'Health' })
    const { data } = await gh.rest.issues.create({ ...repo, title: 'run', milestone: 1 })
    await gh.rest.issues.deleteMilestone({ ...repo, milestone_number: 1 })
    expect(emu.issue(data.number)?.milestone).toBeNull()
  })

  it('a token without issues access is refused', async () => {
    const emu = await emulator()
    emu.addToken('ghs_contents_only', {
      login: 'github-actions[bot]',
      kind: 'installation',
      permissions: { contents: 'write' }
    })
    const gh = octokit(emu, 'ghs_contents_only')
    expect(await failure(gh.rest.issues.createMilestone({ ...repo, title: 'x' }))).toMatchObject({
      status: 403
    })
  })
})
