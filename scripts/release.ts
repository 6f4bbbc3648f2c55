// Tags a release: `npm run release` (version from package.json), `--push` to
// also push the tags to origin. Refuses a dirty tree, a stale dist/, a version
// without a CHANGELOG section and a version already tagged. Creates vX.Y.Z and
// moves vX to it, the convention of GitHub's action templates, so `uses: ...@v1`
// follows every 1.x release. The major tag is the one ref ever force-moved;
// branches are never pushed by this script.
import { execFileSync, spawnSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const push = process.argv.includes('--push')

function fail(message: string): never {
  console.error(`release: ${message}`)
  process.exit(1)
}

function git(...args: string[]): string {
  return execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim()
}

const unknown = process.argv.slice(2).filter(a => a !== '--push')
if (unknown.length > 0)
  fail(`unexpected argument "${unknown[0]}"; usage: npm run release [-- --push]`)

const version = (
  JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }
).version
const match = /^(\d+)\.\d+\.\d+$/.exec(version)
if (!match) fail(`package.json version "${version}" is not X.Y.Z; set a release version first`)
const tag = `v${version}`
const major = `v${match[1]}`

const dirty = git('status', '--porcelain')
if (dirty !== '')
  fail(`the working tree has uncommitted changes; commit or stash them first:\n${dirty}`)

if (git('tag', '--list', tag) !== '')
  fail(`${tag} already exists; bump the version in package.json`)

const changelog = readFileSync(join(root, 'CHANGELOG.md'), 'utf8')
if (!changelog.includes(`## [${version}]`))
  fail(`CHANGELOG.md has no "## [${version}]" section; write what this release changes`)

// The action runs from the committed bundle, so a tag on a stale dist/ would
// ship code other than the source it names.
const check = spawnSync(process.execPath, [join(root, 'scripts/build.js'), '--check'], {
  cwd: root,
  encoding: 'utf8'
})
if (check.status !== 0)
  fail(`${(check.stderr || check.stdout).trim()}\nrelease refused: dist/ must match src/`)

git('tag', '-a', tag, '-m', tag)
git('tag', '-f', '-a', major, '-m', `${major} → ${tag}`)
console.log(`tagged ${tag} and moved ${major} to ${git('rev-parse', '--short', 'HEAD')}`)

if (push) {
  git('push', '-q', 'origin', `refs/tags/${tag}`)
  git('push', '-q', '--force', 'origin', `refs/tags/${major}`)
  console.log(`pushed ${tag} and ${major} to origin`)
} else {
  console.log(
    `to publish: git push origin ${tag} && git push --force origin ${major} (or npm run release -- --push next time)`
  )
}
