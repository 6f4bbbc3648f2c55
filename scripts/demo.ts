// The README's first command: shows goals-sync on the project's example goals
// file with no GitHub account and no token. Works on a copy in demo-out/.
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'demo-out')
mkdirSync(out, { recursive: true })
copyFileSync(join(root, 'examples/goals.md'), join(out, 'goals.md'))
const goals = 'demo-out/goals.md'

const cli = (...args: string[]): void => {
  console.log(`\n$ goals-sync ${args.join(' ')}`)
  try {
    execFileSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit', cwd: root })
  } catch (error) {
    // check exits 1 on stale counters, which is what this demo shows.
    if ((error as { status?: number }).status !== 1) throw error
  }
}

cli('check', goals)
cli('fix', goals, '--badge', 'demo-out/goals.svg')
cli('check', goals)
cli('list', goals)
