import { describe, expect, it } from 'vitest'
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

function resilient(emu: Emulator, events: string[]) {
  return getOctokit(
    emu.token,
    {
      baseUrl: emu.url,
      retry: { retryAfterBaseValue: 20 },
      throttle: {
        onRateLimit: () => false,
        onSecondaryRateLimit: (retryAfter: number) => {
          events.push(`secondary ${retryAfter}`)
          return true
        }
      }
    },
    retry,
    throttling
  )
}

describe('faults, pacing and the request log', () => {
  it('lets plugin-retry recover from a 502', async () => {
    const emu = await emulator()
    emu.fail({ method: 'GET', path: '/repos/octo/goals/contents/goals.md', status: 502 })
    const gh = resilient(emu, [])
    const { data } = await gh.rest.repos.getContent({ ...repo, path: 'goals.md' })
    expect(Array.isArray(data)).toBe(false)
    expect(emu.requests.map(r => r.status)).toEqual([502, 200])
  })

  it('lets plugin-throttling wait out a secondary rate limit, and the fault changes nothing', async () => {
    const emu = await emulator()
    const events: string[] = []
    emu.fail({
      method: 'POST',
      path: /\/issues$/,
      status: 403,
      headers: { 'retry-after': '1' },
      body: {
        message:
          'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.'
      }
    })
    const gh = resilient(emu, events)
    const started = Date.now()
    const { data } = await gh.rest.issues.create({ ...repo, title: 'Goal' })
    expect(Date.now() - started).toBeGreaterThanOrEqual(900)
    expect(events).toEqual(['secondary 1'])
    expect(data.number).toBe(1)
    expect(emu.issues().map(i => i.title)).toEqual(['Goal'])
    expect(emu.requests.map(r => [r.method, r.status])).toEqual([
      ['POST', 403],
      ['POST', 201]
    ])
  })

  it('fails the nth matching request and the k-th write without touching state', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    emu.fail({ path: /\/issues$/, method: 'POST', nth: 2, status: 500 })
    await gh.rest.issues.create({ ...repo, title: 'one' })
    expect(await failure(gh.rest.issues.create({ ...repo, title: 'two' }))).toMatchObject({
      status: 500
    })
    await gh.rest.issues.create({ ...repo, title: 'three' })
    expect(emu.issues().map(i => i.title)).toEqual(['one', 'three'])

    emu.failWrite(2, 503)
    await gh.rest.issues.listForRepo(repo)
    await gh.rest.issues.createLabel({ ...repo, name: 'a', color: 'ffffff' })
    expect(
      await failure(gh.rest.issues.createLabel({ ...repo, name: 'b', color: 'ffffff' }))
    ).toMatchObject({
      status: 503
    })
    expect(emu.labels().map(l => l.name)).toEqual(['a'])
  })

  it('counts reads and writes and logs requests', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    await gh.rest.repos.get(repo)
    await gh.rest.issues.create({ ...repo, title: 'x', labels: ['goal'] })
    expect([emu.reads(), emu.writes()]).toEqual([1, 1])
    expect(emu.requests[1]).toMatchObject({
      method: 'POST',
      path: '/repos/octo/goals/issues',
      status: 201,
      body: { title: 'x', labels: ['goal'] }
    })
    emu.resetLog()
    await gh.rest.repos
      .getContent({ ...repo, path: 'docs/a b.md', ref: 'main' })
      .catch(() => undefined)
    expect(emu.requests).toEqual([
      {
        method: 'GET',
        path: '/repos/octo/goals/contents/docs/a b.md',
        query: { ref: 'main' },
        status: 404,
        at: expect.any(Number)
      }
    ])
    expect([emu.reads(), emu.writes()]).toEqual([1, 0])
  })

  it('runs hooks before handling, e.g. to land a concurrent push', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const head = emu.head('main')
    const { data: c } = await gh.rest.git.getCommit({ ...repo, commit_sha: head })
    const mine = await gh.rest.git.createCommit({
      ...repo,
      message: 'mine',
      tree: c.tree.sha,
      parents: [head]
    })
    const off = emu.onRequest(req => {
      if (req.method === 'PATCH' && req.path.includes('/git/refs/'))
        emu.commit('main', { 'goals.md': 'theirs\n' })
    })
    const raced = await failure(
      gh.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: mine.data.sha })
    )
    expect(raced).toMatchObject({ status: 422, data: { message: 'Update is not a fast forward' } })
    off()
    expect(emu.file('main', 'goals.md')).toBe('theirs\n')
  })

  it('sends rate-limit headers that count down, and stops at the limit', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const a = await gh.rest.repos.get(repo)
    const b = await gh.rest.repos.get(repo)
    expect(a.headers['x-ratelimit-limit']).toBe('1000')
    expect(Number(b.headers['x-ratelimit-remaining'])).toBe(
      Number(a.headers['x-ratelimit-remaining']) - 1
    )
    expect(b.headers['x-ratelimit-resource']).toBe('core')
    expect(b.headers['x-github-request-id']).toBeTruthy()

    emu.addToken('ghs_tiny', { login: 'github-actions[bot]', rateLimit: 1 })
    const tiny = octokit(emu, 'ghs_tiny')
    await tiny.rest.repos.get(repo)
    const limited = await failure(tiny.rest.repos.get(repo))
    expect(limited.status).toBe(403)
    expect(limited.data.message).toMatch(/^API rate limit exceeded/)
    const { data } = await tiny.rest.rateLimit.get()
    expect(data.resources.core).toMatchObject({ limit: 1, remaining: 0 })
  })

  it('keeps a controllable clock', async () => {
    const emu = await emulator()
    emu.setClock('2030-01-01T00:00:00Z')
    const a = emu.createIssue({ as: 'alice', title: 'a' })
    const b = emu.createIssue({ as: 'alice', title: 'b' })
    expect([a.created_at, b.created_at]).toEqual(['2030-01-01T00:00:00Z', '2030-01-01T00:00:01Z'])
    expect(emu.now()).toBe('2030-01-01T00:00:01Z')
  })
})
