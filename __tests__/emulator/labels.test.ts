import { describe, expect, it } from 'vitest'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

describe('labels API', () => {
  it('creates labels and rejects duplicates case-insensitively', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const made = await gh.rest.issues.createLabel({
      ...repo,
      name: 'goal: health',
      color: '#0E8A16',
      description: 'Health'
    })
    expect(made.status).toBe(201)
    expect(made.data).toMatchObject({
      name: 'goal: health',
      color: '0e8a16',
      description: 'Health',
      default: false
    })

    const dup = await failure(
      gh.rest.issues.createLabel({ ...repo, name: 'Goal: Health', color: 'ffffff' })
    )
    expect(dup).toMatchObject({
      status: 422,
      data: {
        message: 'Validation Failed',
        errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }]
      }
    })
    const long = await failure(
      gh.rest.issues.createLabel({ ...repo, name: 'n'.repeat(51), color: 'ffffff' })
    )
    expect(long.data.errors).toEqual([
      {
        resource: 'Label',
        code: 'custom',
        field: 'name',
        message: 'name is too long (maximum is 50 characters)'
      }
    ])
    const got = await gh.rest.issues.getLabel({ ...repo, name: 'GOAL: HEALTH' })
    expect(got.data.name).toBe('goal: health')
    expect(await failure(gh.rest.issues.getLabel({ ...repo, name: 'missing' }))).toMatchObject({
      status: 404
    })
  })

  it('renames a label everywhere it is used and deletes it', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const { number } = emu.createIssue({ as: 'alice', title: 'Goal', labels: ['old'] })
    await gh.rest.issues.updateLabel({ ...repo, name: 'old', new_name: 'new', color: 'aabbcc' })
    expect(emu.issue(number)?.labels).toEqual(['new'])
    const listed = await gh.rest.issues.listForRepo({ ...repo, labels: 'new' })
    expect(listed.data).toHaveLength(1)
    expect((await gh.rest.issues.deleteLabel({ ...repo, name: 'new' })).status).toBe(204)
    expect(emu.issue(number)?.labels).toEqual([])
    expect(emu.labels()).toEqual([])
  })

  it('pages the label list', async () => {
    const emu = await emulator({
      labels: Array.from({ length: 35 }, (_, i) => ({ name: `l${i}` }))
    })
    const gh = octokit(emu)
    const page = await gh.rest.issues.listLabelsForRepo(repo)
    expect(page.data).toHaveLength(30)
    const all = await gh.paginate(gh.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 })
    expect(all).toHaveLength(35)
  })
})
