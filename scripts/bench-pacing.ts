// A paced first sync of a seed-shaped goals file against the emulator, with the client's
// real pacing time-scaled, reported as a ratio to GitHub's documented floor: the shortest
// time in which those same writes may be sent (≥ 1 s apart, creations ≥ 3 s apart).
// Run: node scripts/bench-pacing.ts [scale]   (default 0.1; 1 is GitHub's own pace)
import { existsSync, readFileSync } from 'node:fs'
import { GITHUB_PACING, createClient } from '../src/github/octokit-client.ts'
import { runSync } from '../src/run/run-sync.ts'
import { buildSettings, INPUT_DEFAULTS } from '../src/action/settings.ts'
import { startEmulator, type LoggedRequest } from '../test-support/emulator/index.ts'
import { pushEvent } from '../test-support/runner.ts'

const scale = Number(process.argv[2] ?? '0.1')
const seedPath = new URL('../../shared/seed/goals.md', import.meta.url)

/** The seed's shape when the seed itself is not beside the repository: 74 goals, 27 ticked, 7 categories. */
function seedShaped(): string {
  const lines = ['# Goals', '']
  for (let i = 0; i < 74; i++) {
    if (i % 11 === 0) lines.push(`## Category ${i / 11 + 1}`, '')
    lines.push(`[${i % 11 < 4 ? 'x' : ' '}] goal number ${i + 1}`, '')
  }
  return lines.join('\n')
}
const [text, what] = existsSync(seedPath)
  ? [readFileSync(seedPath, 'utf8'), 'the seed']
  : [seedShaped(), 'a seed-shaped file']

const creates = (r: LoggedRequest) =>
  r.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues(\/\d+\/comments)?$/.test(r.path)

/** GitHub's floor for these writes in this order, in seconds. */
function floorSeconds(writes: LoggedRequest[]): number {
  let t = 0
  let lastCreate = -Infinity
  writes.forEach((w, i) => {
    if (i > 0) t += GITHUB_PACING.writeGapMs / 1000
    if (creates(w)) {
      t = Math.max(t, lastCreate + GITHUB_PACING.createGapMs / 1000)
      lastCreate = t
    }
  })
  return t
}

const emu = await startEmulator({ files: { 'goals.md': '# Goals\n' }, timeScale: scale })
try {
  const { before, after } = emu.commit('main', { 'goals.md': text }, 'my goals', 'octo')
  const inputs: Record<string, string> = { ...INPUT_DEFAULTS, token: emu.token }
  const env = { GITHUB_REPOSITORY: `${emu.owner}/${emu.repo}`, GITHUB_API_URL: emu.url }
  const settings = buildSettings(name => inputs[name], env)
  const client = createClient({ token: emu.token, baseUrl: emu.url, pacing: scale, warn: () => {} })
  emu.resetLog()
  await runSync({
    settings,
    client,
    eventName: 'push',
    payload: pushEvent({ before, after }),
    log: { info: () => {}, warning: () => {} }
  })
  const writes = emu.requests.filter(r => r.method !== 'GET' && r.method !== 'HEAD')
  const span = ((writes.at(-1)?.at ?? 0) - (writes[0]?.at ?? 0)) / 1000 / scale
  const floor = floorSeconds(writes)
  console.log(`paced first sync of ${what} (pacing scale ${scale}, node ${process.version})`)
  console.log(
    `${writes.length} writes (${writes.filter(creates).length} creations): ` +
      `${span.toFixed(0)} s at GitHub's pace, floor ${floor.toFixed(0)} s, ratio ${(span / floor).toFixed(2)}`
  )
  if (scale < 1)
    console.log(
      `(the emulator's own time per request is not scaled: it weighs 1/${scale} times more here)`
    )
} finally {
  await emu.close()
}
