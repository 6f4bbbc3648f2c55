import { describe, expect, it } from 'vitest'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

describe('authentication and permissions', () => {
  it('rejects unknown tokens and refuses GET /user for the installation token', async () => {
    const emu = await emulator()
    const bad = await failure(octokit(emu, 'ghp_wrong').rest.repos.get(repo))
    expect(bad).toMatchObject({ status: 401, data: { message: 'Bad credentials' } })

    const user = await failure(octokit(emu).rest.users.getAuthenticated())
    expect(user).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration' }
    })

    emu.addToken('ghp_alice', { login: 'alice', kind: 'user' })
    const me = await octokit(emu, 'ghp_alice').rest.users.getAuthenticated()
    expect(me.data).toMatchObject({ login: 'alice', type: 'User' })
  })

  it('describes the repository', async () => {
    const emu = await emulator({ defaultBranch: 'trunk' })
    const { data } = await octokit(emu).rest.repos.get(repo)
    expect(data).toMatchObject({ full_name: 'octo/goals', default_branch: 'trunk', private: false })
    expect(data.html_url).toBe('https://github.com/octo/goals')
    expect(
      await failure(octokit(emu).rest.repos.get({ owner: 'octo', repo: 'other' }))
    ).toMatchObject({ status: 404 })
  })

  it('enforces token permissions like an integration', async () => {
    const emu = await emulator()
    emu.addToken('ghs_readonly', {
      login: 'github-actions[bot]',
      permissions: { issues: 'read', contents: 'read' }
    })
    const gh = octokit(emu, 'ghs_readonly')
    await gh.rest.issues.listForRepo(repo)
    const denied = await failure(gh.rest.issues.create({ ...repo, title: 'nope' }))
    expect(denied).toMatchObject({
      status: 403,
      data: { message: 'Resource not accessible by integration' }
    })
    expect(emu.issues()).toEqual([])
  })

  it('reports role_name alongside the legacy permission', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const roles = ['admin', 'maintain', 'write', 'triage', 'read'] as const
    for (const role of roles) emu.setPermission(`u-${role}`, role)
    const seen: Record<string, [string, string]> = {}
    for (const role of roles) {
      const { data } = await gh.rest.repos.getCollaboratorPermissionLevel({
        ...repo,
        username: `u-${role}`
      })
      seen[role] = [data.permission, data.role_name]
    }
    expect(seen).toEqual({
      admin: ['admin', 'admin'],
      maintain: ['write', 'maintain'],
      write: ['write', 'write'],
      triage: ['read', 'triage'],
      read: ['read', 'read']
    })
    const owner = await gh.rest.repos.getCollaboratorPermissionLevel({ ...repo, username: 'octo' })
    expect(owner.data.role_name).toBe('admin')
    // Anyone can read a public repository, so a stranger comes back as 'read'.
    const stranger = await gh.rest.repos.getCollaboratorPermissionLevel({
      ...repo,
      username: 'mallory'
    })
    expect(stranger.data).toMatchObject({
      permission: 'read',
      role_name: 'read',
      user: { login: 'mallory' }
    })
    emu.setPermission('mallory', 'none')
    const blocked = await gh.rest.repos.getCollaboratorPermissionLevel({
      ...repo,
      username: 'mallory'
    })
    expect(blocked.data.permission).toBe('none')
  })
})
