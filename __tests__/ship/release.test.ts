// The release script, run for real in a throwaway copy of this repository with
// a bare repository as its origin: what it refuses, which tags it makes, and
// that it pushes tags only (the major one forced), never a branch.
import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const env = {
  ...process.env,
  GIT_AUTHOR_NAME: 'Release Test',
  GIT_AUTHOR_EMAIL: 'release@example.invalid',
  GIT_COMMITTER_NAME: 'Release Test',
  GIT_COMMITTER_EMAIL: 'release@example.invalid',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null'
}

let work: string
let repo: string
let origin: string

function git(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' }).trim()
}

function release(...args: string[]) {
  const r = spawnSync(process.execPath, ['scripts/release.ts', ...args], {
    cwd: repo,
    env,
    encoding: 'utf8',
    timeout: 120_000
  })
  return { code: r.status, out: r.stdout, err: r.stderr }
}

function commitAll(message: string): string {
  git(repo, 'add', '-A')
  git(repo, 'commit', '-q', '-m', message)
  return git(repo, 'rev-parse', 'HEAD')
}

function tagTarget(cwd: string, tag: string): string {
  return git(cwd, 'rev-parse', `refs/tags/${tag}^{commit}`)
}

function setVersion(version: string): void {
  const path = join(repo, 'package.json')
  writeFileSync(
    path,
    readFileSync(path, 'utf8').replace(/"version": "[^"]*"/, `"version": "${version}"`)
  )
}

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'goals-sync-release-'))
  repo = join(work, 'repo')
  origin = join(work, 'origin.git')
  mkdirSync(repo)
  const files = git(root, 'ls-files', '--cached', '--others', '--exclude-standard', '-z')
    .split('\0')
    .filter(f => f !== '' && !f.startsWith('dist/'))
  for (const f of files) {
    try {
      cpSync(join(root, f), join(repo, f), { recursive: false })
    } catch (error) {
      // A tracked file deleted in the working tree is simply not part of the copy.
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  symlinkSync(join(root, 'node_modules'), join(repo, 'node_modules'))
  git(repo, 'init', '-q', '-b', 'main')
  writeFileSync(join(repo, '.git', 'info', 'exclude'), 'node_modules\n')
  commitAll('sources without a built dist/')
  git(work, 'init', '-q', '--bare', origin)
  git(repo, 'remote', 'add', 'origin', origin)
  git(repo, 'push', '-q', 'origin', 'main')
}, 180_000)

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true })
})

describe('npm run release', () => {
  it('refuses a dirty working tree, naming the changed file', () => {
    writeFileSync(join(repo, 'README.md'), 'edited\n')
    const r = release()
    git(repo, 'checkout', '--', 'README.md')
    expect(r.code).toBe(1)
    expect(r.err).toContain('uncommitted changes')
    expect(r.err).toContain('README.md')
    expect(git(repo, 'tag', '--list')).toBe('')
  })

  it('refuses a dist/ that does not match src/', () => {
    const r = release()
    expect(r.code).toBe(1)
    expect(r.err).toContain('dist/ is stale')
    expect(r.err).toContain('release refused')
    expect(git(repo, 'tag', '--list')).toBe('')
  }, 120_000)

  it('tags vX.Y.Z and vX at HEAD and pushes both tags, not the branch', () => {
    execFileSync(process.execPath, ['scripts/build.js'], { cwd: repo, env, stdio: 'ignore' })
    const head = commitAll('a release candidate, dist/ built')
    git(repo, 'push', '-q', 'origin', 'main')
    const version = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')).version as string
    const major = `v${version.split('.')[0]}`
    const r = release('--push')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(tagTarget(repo, `v${version}`)).toBe(head)
    expect(tagTarget(repo, major)).toBe(head)
    expect(tagTarget(origin, `v${version}`)).toBe(head)
    expect(tagTarget(origin, major)).toBe(head)
  }, 180_000)

  it('refuses a version already tagged', () => {
    const r = release()
    expect(r.code).toBe(1)
    expect(r.err).toMatch(/v\d+\.\d+\.\d+ already exists; bump the version/)
  })

  it('refuses a version without a CHANGELOG section', () => {
    setVersion('1.0.1')
    commitAll('bump without notes')
    const r = release()
    expect(r.code).toBe(1)
    expect(r.err).toContain('CHANGELOG.md has no "## [1.0.1]" section')
  })

  it('moves the major tag to the next release and leaves the earlier tag where it was', () => {
    const first = tagTarget(repo, 'v1.0.0')
    const changelog = join(repo, 'CHANGELOG.md')
    writeFileSync(changelog, `${readFileSync(changelog, 'utf8')}\n## [1.0.1] - later\n\n- a fix\n`)
    const head = commitAll('notes for 1.0.1')
    git(repo, 'push', '-q', 'origin', 'main')
    const r = release('--push')
    expect(r.err).toBe('')
    expect(r.code).toBe(0)
    expect(tagTarget(origin, 'v1.0.1')).toBe(head)
    expect(tagTarget(origin, 'v1')).toBe(head)
    expect(tagTarget(origin, 'v1.0.0')).toBe(first)
    expect(first).not.toBe(head)
    // The branch on origin is where this test pushed it, not touched by the script.
    expect(git(origin, 'rev-parse', 'refs/heads/main')).toBe(head)
  }, 180_000)
})
