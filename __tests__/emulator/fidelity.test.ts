// Where the emulator must answer exactly as GitHub does: page links by repository id,
// strict JSON, unassignable assignees, secondary limits and body checks against the
// REST description.
import { describe, expect, it } from 'vitest'
import { getOctokit } from '@actions/github'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

describe('GitHub fidelity', () => {
  it('pages a 250-issue listing through the real Octokit by /repositories/{id} links', async () => {
    const emu = await emulator()
    for (let n = 1; n <= 250; n++) emu.createIssue({ as: 'alice', title: `Goal ${n}` })
    const gh = octokit(emu)
    const first = await gh.rest.issues.listForRepo({ ...repo, state: 'all', per_page: 100 })
    expect(first.headers.link).toBe(
      `<${emu.url}/repositories/700001/issues?state=all&per_page=100&page=2>; rel="next", ` +
        `<${emu.url}/repositories/700001/issues?state=all&per_page=100&page=3>; rel="last"`
    )
    emu.resetLog()
    const all = await gh.paginate(gh.rest.issues.listForRepo, {
      ...repo,
      state: 'all',
      per_page: 100
    })
    expect(all).toHaveLength(250)
    expect(new Set(all.map(i => i.number)).size).toBe(250)
    expect(all[0]?.number).toBe(250)
    expect(all[249]?.number).toBe(1)
    // Octokit follows the links as given: pages 2 and 3 are asked for by repository id.
    expect(emu.requests.map(r => [r.via ?? r.path, r.query.page, r.status])).toEqual([
      ['/repos/octo/goals/issues', undefined, 200],
      ['/repositories/700001/issues', '2', 200],
      ['/repositories/700001/issues', '3', 200]
    ])
  })

  it('answers 404 for a repository id it does not hold', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    expect(await failure(gh.request('GET /repositories/{id}/issues', { id: 1 }))).toMatchObject({
      status: 404
    })
  })

  it('refuses JSON with a lone surrogate or bytes that are not UTF-8, like a strict server', async () => {
    const emu = await emulator()
    const post = (body: string | Buffer) =>
      fetch(`${emu.url}/repos/octo/goals/issues`, {
        method: 'POST',
        headers: { authorization: `token ${emu.token}`, 'content-type': 'application/json' },
        body
      })
    const lone = await post('{"title":"half a smile \\ud83d"}')
    expect(lone.status).toBe(400)
    expect(await lone.json()).toMatchObject({ message: 'Problems parsing JSON' })
    const loneKey = await post('{"title":"ok","\\udc00":1}')
    expect(loneKey.status).toBe(400)
    const latin1 = await post(
      Buffer.from([...Buffer.from('{"title":"caf'), 0xe9, ...Buffer.from('"}')])
    )
    expect(latin1.status).toBe(400)
    const pair = await post('{"title":"a whole smile \\ud83d\\ude00"}')
    expect(pair.status).toBe(201)
    expect(emu.issues().map(i => i.title)).toEqual(['a whole smile 😀'])
  })

  it('refuses an assignee who cannot be assigned (422) and drops those a reader sends', async () => {
    const emu = await emulator()
    emu.setPermission('tri', 'triage')
    const gh = octokit(emu)
    const refused = await failure(
      gh.rest.issues.create({ ...repo, title: 'x', assignees: ['tri', 'nobody'] })
    )
    expect(refused).toMatchObject({
      status: 422,
      data: {
        message: 'Validation Failed',
        errors: [{ resource: 'Issue', code: 'invalid', field: 'assignees', value: 'nobody' }]
      }
    })
    expect(emu.issues()).toEqual([])
    const { data } = await gh.rest.issues.create({
      ...repo,
      title: 'x',
      assignees: ['tri', 'octo']
    })
    expect(data.assignees?.map(a => a.login)).toEqual(['tri', 'octo'])
    expect(
      await failure(
        gh.rest.issues.update({ ...repo, issue_number: data.number, assignees: ['nobody'] })
      )
    ).toMatchObject({ status: 422 })
    expect((await gh.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: 'tri' })).status).toBe(
      204
    )
    expect(
      await failure(gh.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: 'nobody' }))
    ).toMatchObject({
      status: 404
    })

    emu.addToken('ghp_reader', { login: 'reader', kind: 'user' })
    const reader = octokit(emu, 'ghp_reader')
    const own = await reader.rest.issues.create({ ...repo, title: 'mine', assignees: ['octo'] })
    expect(own.data.assignees).toEqual([])
  })

  it('answers 403 with retry-after past 80 content creations a minute', async () => {
    const emu = await emulator({ secondaryLimits: true })
    const gh = getOctokit(emu.token, { baseUrl: emu.url, retry: { enabled: false } })
    await Promise.all(
      Array.from({ length: 80 }, (_, n) => gh.rest.issues.create({ ...repo, title: `g${n}` }))
    )
    const refused = await failure(gh.rest.issues.create({ ...repo, title: 'one too many' }))
    expect(refused.status).toBe(403)
    expect(String(refused.data.message)).toMatch(/secondary rate limit/)
    const after = emu.requests.at(-1)
    expect(after?.status).toBe(403)
    const retryAfter = Number(
      (
        await fetch(`${emu.url}/repos/octo/goals/issues/1/comments`, {
          method: 'POST',
          headers: { authorization: `token ${emu.token}` },
          body: '{"body":"a comment counts too"}'
        })
      ).headers.get('retry-after')
    )
    expect(retryAfter).toBeGreaterThanOrEqual(1)
    expect(retryAfter).toBeLessThanOrEqual(60)
    // Edits are not content creation.
    await gh.rest.issues.update({ ...repo, issue_number: 1, title: 'edited' })
    expect(emu.issues()).toHaveLength(80)
  })

  it('logs where a body breaks GitHub REST description, and nothing for a valid one', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    await gh.rest.issues.create({ ...repo, title: 'fine', body: 'text', labels: ['goal'] })
    await gh.request('POST /repos/{owner}/{repo}/issues', {
      ...repo,
      title: 'extra',
      goal_key: 'not a GitHub field'
    })
    const wrong = gh.request('PATCH /repos/{owner}/{repo}/issues/{issue_number}', {
      ...repo,
      issue_number: 1,
      state: 'shut' as never,
      labels: 'goal' as never
    })
    expect(await failure(wrong)).toMatchObject({ status: 422 })
    expect(emu.requests.map(r => r.violations ?? [])).toEqual([
      [],
      ['POST /repos/octo/goals/issues: (body) must NOT have additional properties "goal_key"'],
      expect.arrayContaining([
        'PATCH /repos/octo/goals/issues/1: /state must be equal to one of the allowed values',
        'PATCH /repos/octo/goals/issues/1: /labels must be array'
      ])
    ])
    expect(emu.violations()).toHaveLength(1 + (emu.requests[2]?.violations?.length ?? 0))
  })
})
