import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { emulator, failure, octokit } from './setup.ts'

const repo = { owner: 'octo', repo: 'goals' }

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'])
    return true
  } catch {
    return false
  }
}

describe('git data API', () => {
  it('round-trips blob, tree, commit and ref update', async () => {
    const emu = await emulator({ files: { 'goals.md': 'old\n', 'stale.md': 'bye\n' } })
    const gh = octokit(emu)
    const head = emu.head('main')

    const blob = await gh.rest.git.createBlob({
      ...repo,
      content: Buffer.from('new\n').toString('base64'),
      encoding: 'base64'
    })
    expect(blob.status).toBe(201)
    const fetched = await gh.rest.git.getBlob({ ...repo, file_sha: blob.data.sha })
    expect(Buffer.from(fetched.data.content, 'base64').toString()).toBe('new\n')

    const base = await gh.rest.git.getCommit({ ...repo, commit_sha: head })
    const tree = await gh.rest.git.createTree({
      ...repo,
      base_tree: base.data.tree.sha,
      tree: [
        { path: 'goals.md', mode: '100644', type: 'blob', sha: blob.data.sha },
        { path: '.github/badges/goals.svg', mode: '100644', type: 'blob', content: '<svg/>' },
        { path: 'stale.md', mode: '100644', type: 'blob', sha: null }
      ]
    })
    const listed = await gh.rest.git.getTree({
      ...repo,
      tree_sha: tree.data.sha,
      recursive: 'true'
    })
    expect(listed.data.tree.map(e => e.path)).toEqual([
      '.github',
      '.github/badges',
      '.github/badges/goals.svg',
      'goals.md'
    ])

    const commit = await gh.rest.git.createCommit({
      ...repo,
      message: 'sync goals',
      tree: tree.data.sha,
      parents: [head]
    })
    expect(commit.data.verification).toMatchObject({ verified: true, reason: 'valid' })
    expect(commit.data.author.name).toBe('github-actions[bot]')

    const ref = await gh.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: commit.data.sha })
    expect(ref.data.object.sha).toBe(commit.data.sha)
    expect(emu.file('main', 'goals.md')).toBe('new\n')
    expect(emu.file('main', '.github/badges/goals.svg')).toBe('<svg/>')
    expect(emu.file('main', 'stale.md')).toBeUndefined()
    expect(emu.commits('main')[0]).toMatchObject({
      sha: commit.data.sha,
      verified: true,
      authorLogin: 'github-actions[bot]',
      files: ['.github/badges/goals.svg', 'goals.md', 'stale.md']
    })
    const byBranch = await gh.rest.git.getTree({ ...repo, tree_sha: 'main' })
    expect(byBranch.data.sha).toBe(tree.data.sha)
  })

  it('refuses non-fast-forward updates unless forced', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const base = emu.head('main')
    emu.commit('main', { 'goals.md': 'someone else pushed\n' })
    const { data: baseCommit } = await gh.rest.git.getCommit({ ...repo, commit_sha: base })
    const sibling = await gh.rest.git.createCommit({
      ...repo,
      message: 'mine',
      tree: baseCommit.tree.sha,
      parents: [base]
    })

    const refused = await failure(
      gh.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: sibling.data.sha })
    )
    expect(refused).toMatchObject({
      status: 422,
      data: { message: 'Update is not a fast forward' }
    })
    await gh.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: sibling.data.sha, force: true })
    expect(emu.head('main')).toBe(sibling.data.sha)
  })

  it('answers protected branches and rulesets as GitHub does', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const head = emu.head('main')
    const { data: c } = await gh.rest.git.getCommit({ ...repo, commit_sha: head })
    const next = await gh.rest.git.createCommit({
      ...repo,
      message: 'next',
      tree: c.tree.sha,
      parents: [head]
    })

    emu.protect('main', 'protection')
    const classic = await failure(
      gh.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: next.data.sha })
    )
    expect(classic).toMatchObject({
      status: 422,
      data: { message: 'Protected branch update failed for refs/heads/main.' }
    })

    emu.protect('main', 'ruleset')
    const rules = await failure(
      gh.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: next.data.sha })
    )
    expect(rules.status).toBe(422)
    expect(rules.data.message).toMatch(
      /^Repository rule violations found\n\nChanges must be made through a pull request\./
    )

    emu.protect('main', false)
    await gh.rest.git.updateRef({ ...repo, ref: 'heads/main', sha: next.data.sha })
    expect(emu.head('main')).toBe(next.data.sha)
    // A person's push is not subject to the rules the token hits.
    emu.protect('main', 'ruleset')
    expect(emu.commit('main', { 'goals.md': 'pushed\n' }).before).toBe(next.data.sha)
  })

  it('creates, reads and deletes refs', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const sha = emu.head('main')
    const created = await gh.rest.git.createRef({ ...repo, ref: 'refs/heads/goals-sync', sha })
    expect(created.status).toBe(201)
    const again = await failure(
      gh.rest.git.createRef({ ...repo, ref: 'refs/heads/goals-sync', sha })
    )
    expect(again).toMatchObject({ status: 422, data: { message: 'Reference already exists' } })
    const got = await gh.rest.git.getRef({ ...repo, ref: 'heads/goals-sync' })
    expect(got.data).toMatchObject({
      ref: 'refs/heads/goals-sync',
      object: { sha, type: 'commit' }
    })
    const matching = await gh.rest.git.listMatchingRefs({ ...repo, ref: 'heads/' })
    expect(matching.data.map(r => r.ref)).toEqual(['refs/heads/goals-sync', 'refs/heads/main'])
    expect((await gh.rest.git.deleteRef({ ...repo, ref: 'heads/goals-sync' })).status).toBe(204)
    expect(await failure(gh.rest.git.getRef({ ...repo, ref: 'heads/goals-sync' }))).toMatchObject({
      status: 404
    })
  })

  it('leaves commits with a caller-supplied author unsigned', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const head = emu.head('main')
    const { data: c } = await gh.rest.git.getCommit({ ...repo, commit_sha: head })
    const author = { name: 'Goals Bot', email: 'bot@example.com', date: '2024-01-02T03:04:05Z' }
    const made = await gh.rest.git.createCommit({
      ...repo,
      message: 'x',
      tree: c.tree.sha,
      parents: [head],
      author
    })
    expect(made.data.verification.verified).toBe(false)
    expect(made.data.author).toEqual(author)
  })

  it.skipIf(!hasGit())('hashes trees and commits exactly like git', async () => {
    const emu = await emulator({ files: { 'a.md': 'a\n', 'dir/b.md': 'b\n', 'dir-x.md': 'c\n' } })
    const gh = octokit(emu)
    const head = emu.head('main')
    const { data: c } = await gh.rest.git.getCommit({ ...repo, commit_sha: head })
    const who = { name: 'Ann', email: 'ann@example.com', date: '2024-05-06T07:08:09Z' }
    const { data: made } = await gh.rest.git.createCommit({
      ...repo,
      message: 'check\n',
      tree: c.tree.sha,
      parents: [],
      author: who,
      committer: who
    })

    const dir = mkdtempSync(join(tmpdir(), 'git-check-'))
    try {
      const git = (args: string[], input?: string, env: Record<string, string> = {}) =>
        execFileSync('git', args, { cwd: dir, input, env: { ...process.env, ...env } })
          .toString()
          .trim()
      git(['init', '-q'])
      for (const [path, text] of [
        ['a.md', 'a\n'],
        ['dir/b.md', 'b\n'],
        ['dir-x.md', 'c\n']
      ] as const) {
        const sha = git(['hash-object', '-w', '--stdin'], text)
        git(['update-index', '--add', '--cacheinfo', `100644,${sha},${path}`])
      }
      const tree = git(['write-tree'])
      expect(c.tree.sha).toBe(tree)
      const stamp = `${Date.parse(who.date) / 1000} +0000`
      const sha = git(['commit-tree', tree, '-m', 'check'], undefined, {
        GIT_AUTHOR_NAME: who.name,
        GIT_AUTHOR_EMAIL: who.email,
        GIT_AUTHOR_DATE: stamp,
        GIT_COMMITTER_NAME: who.name,
        GIT_COMMITTER_EMAIL: who.email,
        GIT_COMMITTER_DATE: stamp
      })
      expect(made.sha).toBe(sha)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  })
})
