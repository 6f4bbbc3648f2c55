import { execFileSync } from 'node:child_process'
import { describe, expect, it } from 'vitest'
import { emulator, failure, GOALS, octokit } from './setup.ts'

function gitHashObject(text: string): string | undefined {
  try {
    return execFileSync('git', ['hash-object', '--stdin'], { input: text }).toString().trim()
  } catch {
    return undefined
  }
}

describe('contents API', () => {
  it('returns a file with wrapped base64 and the git blob sha', async () => {
    const long = `${'x'.repeat(100)}\n`
    const emu = await emulator({ files: { 'goals.md': GOALS, 'docs/long.txt': long } })
    const gh = octokit(emu)
    const { data } = await gh.rest.repos.getContent({
      owner: 'octo',
      repo: 'goals',
      path: 'goals.md'
    })
    if (Array.isArray(data) || data.type !== 'file') throw new Error('expected a file')
    expect(Buffer.from(data.content, 'base64').toString()).toBe(GOALS)
    expect(data.encoding).toBe('base64')
    expect(data.size).toBe(Buffer.byteLength(GOALS))
    const expected = gitHashObject(GOALS)
    if (expected) expect(data.sha).toBe(expected)

    const nested = await gh.rest.repos.getContent({
      owner: 'octo',
      repo: 'goals',
      path: 'docs/long.txt'
    })
    if (Array.isArray(nested.data) || nested.data.type !== 'file')
      throw new Error('expected a file')
    const lines = nested.data.content.split('\n')
    expect(lines[0]).toHaveLength(60)
    expect(nested.data.content.endsWith('\n')).toBe(true)
  })

  it('reads at a branch or commit sha and 404s on unknown refs and paths', async () => {
    const emu = await emulator()
    const first = emu.head('main')
    emu.commit('main', { 'goals.md': 'changed\n' })
    const gh = octokit(emu)
    const at = await gh.rest.repos.getContent({
      owner: 'octo',
      repo: 'goals',
      path: 'goals.md',
      ref: first
    })
    if (Array.isArray(at.data) || at.data.type !== 'file') throw new Error('expected a file')
    expect(Buffer.from(at.data.content, 'base64').toString()).toBe(GOALS)

    const badRef = await failure(
      gh.rest.repos.getContent({ owner: 'octo', repo: 'goals', path: 'goals.md', ref: 'nope' })
    )
    expect(badRef).toMatchObject({
      status: 404,
      data: { message: 'No commit found for the ref nope' }
    })
    const missing = await failure(
      gh.rest.repos.getContent({ owner: 'octo', repo: 'goals', path: 'none.md' })
    )
    expect(missing).toMatchObject({ status: 404, data: { message: 'Not Found' } })
  })

  it('lists directories and leaves large files out of the JSON', async () => {
    const big = Buffer.alloc(1024 * 1024 + 1, 'a')
    const emu = await emulator({
      files: { 'goals.md': GOALS, 'data/big.bin': big, 'data/small.txt': 's' }
    })
    const gh = octokit(emu)
    const dir = await gh.rest.repos.getContent({ owner: 'octo', repo: 'goals', path: 'data' })
    if (!Array.isArray(dir.data)) throw new Error('expected a directory')
    expect(dir.data.map(e => [e.name, e.type])).toEqual([
      ['big.bin', 'file'],
      ['small.txt', 'file']
    ])
    const root = await gh.rest.repos.getContent({ owner: 'octo', repo: 'goals', path: '' })
    if (!Array.isArray(root.data)) throw new Error('expected a directory')
    expect(root.data.map(e => e.type).sort()).toEqual(['dir', 'file'])

    const file = await gh.rest.repos.getContent({
      owner: 'octo',
      repo: 'goals',
      path: 'data/big.bin'
    })
    expect(file.data).toMatchObject({ encoding: 'none', content: '', size: big.length })
    const raw = await gh.rest.repos.getContent({
      owner: 'octo',
      repo: 'goals',
      path: 'data/small.txt',
      mediaType: { format: 'raw' }
    })
    expect(raw.data).toBe('s')
  })

  it('creates and updates files with the sha check GitHub applies', async () => {
    const emu = await emulator()
    const gh = octokit(emu)
    const put = (path: string, text: string, sha?: string) =>
      gh.rest.repos.createOrUpdateFileContents({
        owner: 'octo',
        repo: 'goals',
        path,
        message: `write ${path}`,
        content: Buffer.from(text).toString('base64'),
        ...(sha ? { sha } : {})
      })

    const created = await put('notes/new.md', 'hello\n')
    expect(created.status).toBe(201)
    expect(emu.file('main', 'notes/new.md')).toBe('hello\n')

    const noSha = await failure(put('goals.md', 'x'))
    expect(noSha.status).toBe(422)
    expect(noSha.data.message).toContain('"sha" wasn\'t supplied')
    const stale = await failure(put('goals.md', 'x', '0'.repeat(40)))
    expect(stale).toMatchObject({
      status: 409,
      data: { message: `goals.md does not match ${'0'.repeat(40)}` }
    })

    const current = emu.commits('main')[0]
    const { data } = await gh.rest.repos.getContent({
      owner: 'octo',
      repo: 'goals',
      path: 'goals.md'
    })
    if (Array.isArray(data)) throw new Error('expected a file')
    const updated = await put('goals.md', 'updated\n', data.sha)
    expect(updated.status).toBe(200)
    expect(updated.data.commit.parents?.[0]?.sha).toBe(current?.sha)
    expect(emu.commits('main')[0]).toMatchObject({
      message: 'write goals.md',
      authorLogin: 'github-actions[bot]',
      verified: true,
      files: ['goals.md']
    })

    emu.protect('main', 'protection')
    const blocked = await failure(put('goals.md', 'again\n', updated.data.content?.sha))
    expect(blocked.status).toBe(409)
  })
})
