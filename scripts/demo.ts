// The README's first command. Runs the real action bundle (dist/index.js) as a
// GitHub runner would, against the project's GitHub emulator on 127.0.0.1 with
// the example goals file: no GitHub account and no token needed. Then shows
// the other direction (an issue closed on "GitHub" ticks its box) and the
// command line on a local copy. What it writes lands in demo-out/.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startEmulator } from '../test-support/emulator/index.ts'
import { issuesEvent, pushEvent, runAction } from '../test-support/runner.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'demo-out')
mkdirSync(out, { recursive: true })
const example = readFileSync(join(root, 'examples/goals.md'), 'utf8')
const bundle = join(root, 'dist/index.js')
const actionYml = join(root, 'action.yml')

const title = (text: string) => console.log(`\n=== ${text} ===`)
const emu = await startEmulator({
  owner: 'octo',
  repo: 'goals',
  defaultBranch: 'main',
  files: { 'README.md': '# octo/goals\n' }
})
try {
  title(`A local GitHub emulator serves octo/goals at ${emu.url}`)
  const { before, after } = emu.commit('main', { 'goals.md': example }, 'Add my goals', 'octo')
  console.log(
    'octo pushes examples/goals.md as goals.md; the workflow runs goals-sync for the push.'
  )

  const first = await runAction(bundle, {
    emu,
    eventName: 'push',
    event: pushEvent({ before, after }),
    actionYml
  })
  if (first.code !== 0) throw new Error(`the action failed:\n${first.stdout}\n${first.stderr}`)
  title('Outputs of the push run')
  for (const name of ['total', 'done', 'percent', 'created', 'closed', 'commit-sha'])
    console.log(`${name}: ${first.outputs[name]}`)
  title('Issues on the emulator')
  for (const i of emu.issues())
    console.log(`#${i.number} [${i.state}] ${i.title}  {${i.labels.join(', ')}}`)
  title('goals.md as committed back by the action (counters fixed)')
  console.log(emu.file('main', 'goals.md'))

  const issue = emu.issues().find(i => i.state === 'open')!
  emu.setPermission('octo', 'admin')
  emu.closeIssue(issue.number, { as: 'octo' })
  title(`octo closes issue #${issue.number} ("${issue.title}") on GitHub`)
  const second = await runAction(bundle, {
    emu,
    eventName: 'issues',
    event: issuesEvent('closed', emu.issueJson(issue.number), { sender: 'octo' }),
    actionYml
  })
  if (second.code !== 0) throw new Error(`the action failed:\n${second.stdout}\n${second.stderr}`)
  const line = emu
    .file('main', 'goals.md')!
    .split('\n')
    .find(l => l.includes(issue.title))
  console.log(`The action ticked the box and committed ${second.outputs['commit-sha']}:\n  ${line}`)
  console.log(
    `Progress now: ${second.outputs.done}/${second.outputs.total} (${second.outputs.percent}%)`
  )

  writeFileSync(join(out, 'goals.md'), emu.file('main', 'goals.md')!)
  writeFileSync(join(out, 'goals.svg'), emu.file('main', '.github/badges/goals.svg')!)
  title('Job summary of that run')
  console.log(second.summary)
} finally {
  await emu.close()
}

title('The command line on a local copy (demo-out/example.md)')
writeFileSync(join(out, 'example.md'), example)
for (const args of [
  ['check', 'demo-out/example.md'],
  ['fix', 'demo-out/example.md'],
  ['check', 'demo-out/example.md']
]) {
  console.log(`$ goals-sync ${args.join(' ')}`)
  try {
    execFileSync(process.execPath, ['dist/cli.js', ...args], { stdio: 'inherit', cwd: root })
  } catch (error) {
    // check exits 1 on stale counters, which is what this shows.
    if ((error as { status?: number }).status !== 1) throw error
  }
}
console.log('\nDone: demo-out/ holds the synced goals.md and its badge goals.svg.')
