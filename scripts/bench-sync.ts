// Request counts and wall time of whole syncs against the project's GitHub
// emulator (pacing off, so the figures show the action's own cost, not
// GitHub's recommended spacing). Run: node scripts/bench-sync.ts
import { performance } from 'node:perf_hooks'
import { createClient } from '../src/github/octokit-client.ts'
import { runSync } from '../src/run/run-sync.ts'
import { buildSettings, INPUT_DEFAULTS } from '../src/action/settings.ts'
import { startEmulator, type Emulator } from '../test-support/emulator/index.ts'
import { dispatchEvent, issuesEvent, pushEvent } from '../test-support/runner.ts'

function goalsFile(goals: number, perCategory: number): string {
  const lines = ['# Goals', '']
  for (let i = 0; i < goals; i++) {
    if (i % perCategory === 0) lines.push(`## Area ${i / perCategory + 1}`, '')
    lines.push(`[${i % 3 === 0 ? 'x' : ' '}] goal number ${i + 1}`, '')
  }
  return lines.join('\n')
}

async function run(
  emu: Emulator,
  eventName: string,
  payload: object,
  maxWrites = 100_000,
  now: () => number = Date.now
) {
  const inputs: Record<string, string> = {
    ...INPUT_DEFAULTS,
    token: emu.token,
    'max-writes': String(maxWrites)
  }
  const env = { GITHUB_REPOSITORY: `${emu.owner}/${emu.repo}`, GITHUB_API_URL: emu.url }
  const settings = buildSettings(name => inputs[name], env)
  const client = createClient({ token: TOKEN, baseUrl: emu.url, pacing: false, warn: () => {} })
  emu.resetLog()
  const started = performance.now()
  const report = await runSync({
    settings,
    client,
    eventName,
    payload: payload as Record<string, unknown>,
    log: { info: () => {}, warning: () => {} },
    lockPollMs: 50,
    lockTiming: { perWriteMs: 100, spareMs: 2_000, maxWaitMs: 10_000 },
    now
  })
  return { report, ms: performance.now() - started, reads: emu.reads(), writes: emu.writes() }
}

const row = (label: string, r: { ms: number; reads: number; writes: number }, extra = '') =>
  console.log(
    `${label.padEnd(34)} ${String(r.reads).padStart(6)} reads ${String(r.writes).padStart(6)} writes ${r.ms.toFixed(0).padStart(7)} ms ${extra}`
  )

/** A workflow-like token with a rate limit high enough that the figures measure the action, not the limit. */
const TOKEN = 'ghs_bench_token'
const start = async (files: Record<string, string>) => {
  const emu = await startEmulator({ files })
  emu.addToken(TOKEN, { login: 'github-actions[bot]', kind: 'installation', rateLimit: 1_000_000 })
  return emu
}

console.log(`sync against the emulator, pacing off (node ${process.version})`)
for (const goals of [75, 1000]) {
  const emu = await start({ 'goals.md': '# Goals\n' })
  try {
    const { before, after } = emu.commit(
      'main',
      { 'goals.md': goalsFile(goals, 25) },
      'add goals',
      'octo'
    )
    const pages = Math.ceil(goals / 100)
    const first = await run(emu, 'push', pushEvent({ before, after }))
    row(
      `${goals} goals: first sync (push)`,
      first,
      `created ${first.report.applied.created.length} (read target ${10 + 2 * pages})`
    )
    const again = await run(emu, 'workflow_dispatch', dispatchEvent())
    row(`${goals} goals: no-change reconcile`, again, `(bound ${3 + pages} reads)`)
    const text = emu.file('main', 'goals.md')!.replace('[ ] goal number 2\n', '[x] goal number 2\n')
    const tick = emu.commit('main', { 'goals.md': text }, 'tick one', 'octo')
    row(`${goals} goals: push ticking one box`, await run(emu, 'push', pushEvent(tick)))
    emu.setPermission('octo', 'admin')
    const issue = emu.issues().find(i => i.title === 'goal number 3' && i.state === 'open')!
    emu.closeIssue(issue.number, { as: 'octo' })
    const event = issuesEvent('closed', emu.issueJson(issue.number), { sender: 'octo' })
    row(
      `${goals} goals: issue closed`,
      await run(emu, 'issues', event),
      `(target ${5 + pages} reads)`
    )
  } finally {
    await emu.close()
  }
}

let emu = await start({ 'goals.md': '# Goals\n' })
try {
  let { before, after } = emu.commit(
    'main',
    { 'goals.md': goalsFile(1000, 25) },
    'add goals',
    'octo'
  )
  // Runs a day apart (a daily schedule), with the default max-writes and with 300.
  for (const maxWrites of [1000, 300]) {
    const day = 24 * 60 * 60_000
    let runs = 1
    let r = await run(emu, 'push', pushEvent({ before, after }), maxWrites)
    while (r.report.applied.deferred > 0 && runs < 20) {
      const later = Date.now() + runs * day
      r = await run(emu, 'workflow_dispatch', dispatchEvent(), maxWrites, () => later)
      runs++
    }
    console.log(
      `1000 goals, max-writes ${maxWrites}, daily runs: converged in ${runs} runs, ${emu.issues().length} issues`
    )
    if (maxWrites === 1000) {
      // The same goals again in a fresh repository for the next figure.
      await emu.close()
      emu = await start({ 'goals.md': '# Goals\n' })
      ;({ before, after } = emu.commit(
        'main',
        { 'goals.md': goalsFile(1000, 25) },
        'add goals',
        'octo'
      ))
    }
  }
} finally {
  await emu.close()
}
