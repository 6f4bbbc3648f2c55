import { describe, expect, it } from 'vitest'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

describe('issues API', () => {
  it('pages with link headers and lists pull requests among issues', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    for (let n = 1; n <= 5; n++)
      emu.createIssue({ as: 'alice', title: `Goal ${n}`, labels: ['goal'] })
    emu.commit('feature', { 'goals.md': 'branch\n' })
    await gh.rest.pulls.create({ ...repo, title: 'A change', head: 'feature', base: 'main' })

    const first = await gh.rest.issues.listForRepo({ ...repo, per_page: 2 })
    expect(first.data.map(i => i.number)).toEqual([6, 5])
    expect(first.data[0]?.pull_request).toBeDefined()
    expect(first.data[1]?.pull_request).toBeUndefined()
    const link = first.headers.link ?? ''
    expect(link).toContain(`<${emu.url}/repositories/700001/issues?per_page=2&page=2>; rel="next"`)
    expect(link).toContain('page=3>; rel="last"')
    expect(link).not.toContain('rel="prev"')

    const middle = await gh.rest.issues.listForRepo({ ...repo, per_page: 2, page: 2 })
    expect(middle.headers.link).toMatch(/rel="prev".*rel="next".*rel="last".*rel="first"/)

    const all = await gh.paginate(gh.rest.issues.listForRepo, { ...repo, per_page: 2 })
    expect(all.map(i => i.number)).toEqual([6, 5, 4, 3, 2, 1])
    const oldestFirst = await gh.rest.issues.listForRepo({ ...repo, direction: 'asc' })
    expect(oldestFirst.data[0]?.number).toBe(1)
  })

  it('filters by state, creator and labels (all must match, any case)', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    emu.createIssue({ as: 'alice', title: 'both', labels: ['goal', 'Health'] })
    emu.createIssue({ as: 'bob', title: 'goal only', labels: ['goal'] })
    emu.createIssue({ as: 'alice', title: 'closed', labels: ['goal', 'health'], state: 'closed' })

    const both = await gh.rest.issues.listForRepo({ ...repo, labels: 'GOAL,health' })
    expect(both.data.map(i => i.title)).toEqual(['both'])
    const everything = await gh.rest.issues.listForRepo({
      ...repo,
      state: 'all',
      labels: 'goal,health'
    })
    expect(everything.data.map(i => i.title)).toEqual(['closed', 'both'])
    const closed = await gh.rest.issues.listForRepo({ ...repo, state: 'closed' })
    expect(closed.data.map(i => i.title)).toEqual(['closed'])
    const byBob = await gh.rest.issues.listForRepo({ ...repo, creator: 'bob' })
    expect(byBob.data.map(i => i.title)).toEqual(['goal only'])
  })

  it('creates issues, creating unknown labels in grey, and validates lengths', async () => {
    const emu = await emulator({ labels: [{ name: 'goal', color: '0e8a16' }] })
    const gh = octokit(emu)
    const { status, data } = await gh.rest.issues.create({
      ...repo,
      title: 'Run',
      body: 'far',
      labels: ['Goal', 'health']
    })
    expect(status).toBe(201)
    expect(data).toMatchObject({
      number: 1,
      state: 'open',
      state_reason: null,
      user: { login: 'github-actions[bot]', type: 'Bot' },
      author_association: 'NONE',
      performed_via_github_app: null,
      comments: 0
    })
    expect(data.labels.map(l => (typeof l === 'string' ? l : l.name))).toEqual(['goal', 'health'])
    expect(emu.labels()).toEqual([
      { name: 'goal', color: '0e8a16', description: null },
      { name: 'health', color: 'ededed', description: null }
    ])

    const longTitle = await failure(gh.rest.issues.create({ ...repo, title: 't'.repeat(257) }))
    expect(longTitle.status).toBe(422)
    const longBody = await failure(
      gh.rest.issues.create({ ...repo, title: 'ok', body: 'b'.repeat(65537) })
    )
    expect(longBody).toMatchObject({
      status: 422,
      data: {
        message: 'Validation Failed',
        errors: [
          {
            resource: 'Issue',
            code: 'custom',
            field: 'body',
            message: 'body is too long (maximum is 65536 characters)'
          }
        ]
      }
    })
    expect(await failure(gh.rest.issues.create({ ...repo, title: '' }))).toMatchObject({
      status: 422
    })
  })

  it('closes and reopens with state_reason, closed_at and closed_by', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const issue = emu.createIssue({ as: 'alice', title: 'Goal' })
    const closed = await gh.rest.issues.update({
      ...repo,
      issue_number: issue.number,
      state: 'closed',
      state_reason: 'not_planned'
    })
    expect(closed.data).toMatchObject({
      state: 'closed',
      state_reason: 'not_planned',
      closed_by: { login: 'github-actions[bot]' }
    })
    expect(closed.data.closed_at).not.toBeNull()
    expect(Date.parse(closed.data.updated_at)).toBeGreaterThan(Date.parse(issue.updated_at))

    const reopened = emu.reopenIssue(issue.number, { as: 'alice' })
    expect(reopened).toMatchObject({ state: 'open', state_reason: 'reopened', closed_at: null })
    emu.closeIssue(issue.number, { as: 'alice' })
    expect(emu.issue(issue.number)).toMatchObject({
      state: 'closed',
      state_reason: 'completed',
      closed_by: 'alice'
    })

    const edited = emu.editIssue(issue.number, { title: 'Goal (renamed)' }, { as: 'alice' })
    const fetched = await gh.rest.issues.get({ ...repo, issue_number: issue.number })
    expect(fetched.data.title).toBe('Goal (renamed)')
    expect(fetched.data.updated_at).toBe(edited.updated_at)
  })

  it('replaces labels on update and adds or removes single labels', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const { number } = emu.createIssue({ as: 'alice', title: 'Goal', labels: ['a', 'b'] })
    await gh.rest.issues.update({ ...repo, issue_number: number, labels: ['c'] })
    expect(emu.issue(number)?.labels).toEqual(['c'])
    await gh.rest.issues.addLabels({ ...repo, issue_number: number, labels: ['a'] })
    const left = await gh.rest.issues.removeLabel({ ...repo, issue_number: number, name: 'c' })
    expect(left.data.map(l => l.name)).toEqual(['a'])
    const gone = await failure(
      gh.rest.issues.removeLabel({ ...repo, issue_number: number, name: 'zzz' })
    )
    expect(gone).toMatchObject({ status: 404, data: { message: 'Label does not exist' } })
  })

  it('adds and lists comments', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const { number } = emu.createIssue({ as: 'alice', title: 'Goal' })
    emu.comment(number, 'first', { as: 'alice' })
    const made = await gh.rest.issues.createComment({
      ...repo,
      issue_number: number,
      body: 'synced'
    })
    expect(made.status).toBe(201)
    const list = await gh.rest.issues.listComments({ ...repo, issue_number: number })
    expect(list.data.map(c => [c.user?.login, c.body])).toEqual([
      ['alice', 'first'],
      ['github-actions[bot]', 'synced']
    ])
    expect(emu.comments(number).map(c => c.body)).toEqual(['first', 'synced'])
    expect(emu.issue(number)?.comments).toBe(2)
    const huge = await failure(
      gh.rest.issues.createComment({ ...repo, issue_number: number, body: 'x'.repeat(65537) })
    )
    expect(huge.status).toBe(422)
  })

  it('answers for a pull request number on the issues endpoint', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    emu.commit('feature', { 'goals.md': 'branch\n' })
    const pr = await gh.rest.pulls.create({
      ...repo,
      title: 'A change',
      head: 'octo:feature',
      base: 'main'
    })
    const asIssue = await gh.rest.issues.get({ ...repo, issue_number: pr.data.number })
    expect(asIssue.data.pull_request?.url).toBe(pr.data.url)
    expect(emu.issues()).toEqual([])
  })
})
