// GitHub's pacing, proven from the emulator's own arrival times: the real bundle's first
// sync with GOALS_SYNC_PACING=scale:F (GitHub's intervals times F), the real throttle
// settings against the emulator's secondary limits on the same time scale, and retry-after.
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { createClient } from '../../src/github/octokit-client.ts'
import {
  startEmulator,
  type Emulator,
  type LoggedRequest
} from '../../test-support/emulator/index.ts'
import { pushEvent, runAction } from '../../test-support/runner.ts'
import { SEEDLIKE } from '../integration/harness.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const repo = { owner: 'octo', repo: 'goals' }

const isWrite = (r: LoggedRequest) => r.method !== 'GET' && r.method !== 'HEAD'
// Issues and comments: what GitHub counts as content creation.
const creates = (r: LoggedRequest) =>
  r.method === 'POST' && /^\/repos\/[^/]+\/[^/]+\/issues(\/\d+\/comments)?$/.test(r.path)

function gaps(requests: LoggedRequest[]): number[] {
  const at = requests.map(r => r.at).sort((a, b) => a - b)
  return at.slice(1).map((t, i) => t - (at[i] ?? 0))
}

let emu: Emulator | undefined
afterEach(async () => {
  await emu?.close()
  emu = undefined
})

describe('pacing', () => {
  it('a paced first sync of the bundle keeps ≥ 1 s between writes and ≥ 3 s between creations, at send time', async () => {
    const scale = 0.02 // 1 s → 20 ms, 3 s → 60 ms; the emulator's minute is 1.2 s
    emu = await startEmulator({ files: { 'goals.md': '# Goals\n' }, timeScale: scale })
    const { before, after } = emu.commit('main', { 'goals.md': SEEDLIKE }, 'my goals', 'octo')
    const result = await runAction(join(root, 'dist/index.js'), {
      emu,
      eventName: 'push',
      event: pushEvent({ before, after }),
      actionYml: join(root, 'action.yml'),
      env: { GOALS_SYNC_PACING: `scale:${scale}` }
    })
    expect(result.code, result.stdout + result.stderr).toBe(0)
    const writes = emu.requests.filter(isWrite)
    const creations = writes.filter(creates)
    expect(creations.length).toBeGreaterThanOrEqual(15)
    expect(writes.filter(r => r.status === 403)).toEqual([])
    // Each gap counts from the previous answer, so it holds at the server's end; 1 ms
    // covers the client's clock, which counts whole milliseconds.
    const jitter = 1
    expect(Math.min(...gaps(writes))).toBeGreaterThanOrEqual(1000 * scale - jitter)
    expect(Math.min(...gaps(creations))).toBeGreaterThanOrEqual(3000 * scale - jitter)
  })

  it('without the gate the emulator refuses the 81st creation of a minute', async () => {
    emu = await startEmulator({ files: { 'goals.md': '# Goals\n' }, secondaryLimits: true })
    const gh = createClient({ token: emu.token, baseUrl: emu.url, pacing: false, warn: () => {} })
    await Promise.all(
      Array.from({ length: 80 }, (_, n) => gh.rest.issues.create({ ...repo, title: `goal ${n}` }))
    )
    const raw = await fetch(`${emu.url}/repos/octo/goals/issues`, {
      method: 'POST',
      headers: { authorization: `token ${emu.token}` },
      body: JSON.stringify({ title: 'one too many' })
    })
    expect(raw.status).toBe(403)
    expect(Number(raw.headers.get('retry-after'))).toBeGreaterThan(0)
  })

  it('honours retry-after on the same time scale', async () => {
    const scale = 0.01
    emu = await startEmulator({ files: { 'goals.md': '# Goals\n' } })
    emu.fail({
      method: 'POST',
      path: '/repos/octo/goals/issues',
      status: 403,
      headers: { 'retry-after': '50' },
      body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' }
    })
    const warnings: string[] = []
    const gh = createClient({
      token: emu.token,
      baseUrl: emu.url,
      pacing: scale,
      warn: m => warnings.push(m)
    })
    await gh.rest.issues.create({ ...repo, title: 'patient' })
    const [refused, accepted] = emu.requests
    expect([refused?.status, accepted?.status]).toEqual([403, 201])
    expect((accepted?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(50 * 1000 * scale - 2)
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toContain('Secondary rate limit for POST')
  })
})
