import { describe, expect, it } from 'vitest'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

describe('pull requests', () => {
  it('opens one per head, finds it by head and closes it', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    emu.commit('goals-sync', { 'goals.md': 'proposed\n' }, 'propose')
    const pr = await gh.rest.pulls.create({
      ...repo,
      title: 'Sync goals',
      head: 'goals-sync',
      base: 'main',
      body: 'b'
    })
    expect(pr.status).toBe(201)
    expect(pr.data).toMatchObject({
      number: 1,
      state: 'open',
      head: { ref: 'goals-sync', sha: emu.head('goals-sync') }
    })

    const dup = await failure(
      gh.rest.pulls.create({ ...repo, title: 'Again', head: 'goals-sync', base: 'main' })
    )
    expect(dup).toMatchObject({
      status: 422,
      data: {
        errors: [
          {
            resource: 'PullRequest',
            code: 'custom',
            message: 'A pull request already exists for octo:goals-sync.'
          }
        ]
      }
    })
    const found = await gh.rest.pulls.list({ ...repo, head: 'octo:goals-sync' })
    expect(found.data.map(p => p.number)).toEqual([1])
    expect((await gh.rest.pulls.list({ ...repo, head: 'octo:other' })).data).toEqual([])

    await gh.rest.pulls.update({ ...repo, pull_number: 1, state: 'closed' })
    expect(emu.pulls()).toMatchObject([
      { number: 1, state: 'closed', head: 'goals-sync', base: 'main' }
    ])
    const none = await failure(
      gh.rest.pulls.create({ ...repo, title: 'x', head: 'main', base: 'main' })
    )
    expect(none.status).toBe(422)
  })
})

describe('commits', () => {
  it('lists commits touching a path, newest first, and shows one with its files', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    emu.commit('main', { 'other.md': 'x\n' }, 'unrelated', 'bob')
    const touched = emu.commit('main', { 'goals.md': 'edited\n' }, 'edit goals', 'alice')

    const list = await gh.rest.repos.listCommits({ ...repo, path: 'goals.md' })
    expect(list.data.map(c => c.commit.message)).toEqual(['edit goals', 'Initial commit'])
    expect(list.data[0]?.author?.login).toBe('alice')
    expect(list.data[0]?.commit.committer?.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/)

    const one = await gh.rest.repos.getCommit({ ...repo, ref: touched.after })
    expect(one.data.files?.map(f => [f.filename, f.status])).toEqual([['goals.md', 'modified']])
    const missing = await failure(gh.rest.repos.getCommit({ ...repo, ref: 'f'.repeat(40) }))
    expect(missing.status).toBe(422)
  })

  it('compares two refs', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const base = emu.head('main')
    emu.commit('main', { 'goals.md': 'one\n', 'new.md': 'n\n' })
    const { data } = await gh.rest.repos.compareCommitsWithBasehead({
      ...repo,
      basehead: `${base}...main`
    })
    expect(data).toMatchObject({ status: 'ahead', ahead_by: 1, behind_by: 0 })
    expect(data.files?.map(f => [f.filename, f.status])).toEqual([
      ['goals.md', 'modified'],
      ['new.md', 'added']
    ])
  })
})
