// GitHub sometimes answers 502 to a POST it has carried out. When that POST created an
// issue, a blind retry creates a second one: SPEC §3 says no run may leave two open
// issues for one goal.
import { afterEach, describe, expect, it } from 'vitest'
import type { Emulator } from '../../test-support/emulator/index.ts'
import { parseGoals } from '../../src/goals/parse.ts'
import { decodeMarker } from '../../src/sync/marker.ts'
import { emulatorWith, goalIssues, SEEDLIKE, sync } from '../integration/harness.ts'
import { landPush, openDuplicates } from './support.ts'

let emu: Emulator
afterEach(async () => {
  await emu?.close()
})

describe('lost responses: an issue created on GitHub whose response never arrives', () => {
  // GitHub sometimes answers 502 to a POST it has carried out. Here the emulator makes the
  // issue (as the bot, with the request's fields) and then answers 502.
  function loseCreation(target: Emulator, k: number, as = 'github-actions[bot]') {
    const path = `/repos/${target.owner}/${target.repo}/issues`
    let seen = 0
    target.onRequest(req => {
      if (req.method !== 'POST' || req.path !== path || ++seen !== k) return
      const body = req.body as { title: string; body: string; labels?: string[] }
      target.createIssue({
        as,
        title: body.title,
        body: body.body,
        labels: body.labels ?? []
      })
    })
    target.fail({ method: 'POST', path, nth: k, status: 502 })
    return () => seen >= k
  }

  // 1: an open goal; 2: a ticked goal (created, then closed); 15: the last goal, ticked.
  for (const k of [1, 2, 15]) {
    it(`never leaves two open issues for one goal (creation #${k} lost)`, async () => {
      emu = await emulatorWith({ 'goals.md': '# Goals\n' })
      const event = landPush(emu, SEEDLIKE)
      const lost = loseCreation(emu, k)
      try {
        await sync(emu, 'push', event)
      } catch {
        // Failing is fine; what the run leaves behind is what matters.
      }
      expect(lost(), 'the lost creation happened').toBe(true)
      expect(openDuplicates(emu), 'after the run that lost a response').toEqual([])

      await sync(emu, 'push', event)
      expect(openDuplicates(emu), 'after a rerun').toEqual([])
      // One issue per goal still speaks for it; a spare may only remain closed and marked removed.
      for (const goal of parseGoals(SEEDLIKE).goals) {
        const live = goalIssues(emu).filter(
          i => i.title === goal.title && decodeMarker(i.body)?.removed === false
        )
        expect(live, goal.title).toHaveLength(1)
        expect(live[0]!.state, goal.title).toBe(goal.checked ? 'closed' : 'open')
      }
    }, 30_000)
  }

  // A GitHub App's installation token cannot ask who it is (GET /user is refused).
  const APP = 'goals-app[bot]'
  const SETTINGS = { '.github/goals-sync.yml': `bot-login: ${APP}\n` }
  async function withAppToken(files: Record<string, string>) {
    emu = await emulatorWith({ 'goals.md': '# Goals\n', ...files })
    emu.addToken('ghs_goals_app', { login: APP, kind: 'installation' })
    return { token: 'ghs_goals_app' }
  }

  it('with an app token and bot-login, the lost creation is recognised: one issue per goal', async () => {
    const call = await withAppToken(SETTINGS)
    const event = landPush(emu, SEEDLIKE)
    const lost = loseCreation(emu, 1, APP)
    await sync(emu, 'push', event, call).catch(() => undefined)
    expect(lost(), 'the lost creation happened').toBe(true)
    await sync(emu, 'push', event, call)
    const doc = parseGoals(SEEDLIKE)
    const mine = emu.issues().filter(i => i.user === APP)
    expect(mine).toHaveLength(doc.total)
    expect(new Set(mine.map(i => i.title)).size).toBe(doc.total)
  }, 30_000)

  it('another app posting the same marker (nonce included) is never taken for the action', async () => {
    const call = await withAppToken(SETTINGS)
    const event = landPush(emu, SEEDLIKE)
    const lost = loseCreation(emu, 1, 'other-app[bot]')
    await sync(emu, 'push', event, call).catch(() => undefined)
    expect(lost(), 'the other app posted').toBe(true)
    const foreign = emu.issues().find(i => i.user === 'other-app[bot]')!
    const before = JSON.stringify(emu.issueJson(foreign.number))
    emu.resetLog()
    await sync(emu, 'push', event, call)
    // Its goal got an issue of the action's own; the other app's issue was not written to.
    const title = parseGoals(SEEDLIKE).goals[0]!.title
    expect(emu.issues().filter(i => i.title === title && i.user === APP)).toHaveLength(1)
    const path = new RegExp(`/issues/${foreign.number}(/|$)`)
    expect(emu.requests.filter(r => r.method !== 'GET' && path.test(r.path))).toEqual([])
    expect(JSON.stringify(emu.issueJson(foreign.number))).toBe(before)
  }, 30_000)
})
