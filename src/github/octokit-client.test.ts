// The send-time gate at GitHub's own intervals, in fake time: what matters is when each
// write leaves, whatever was queued, retried or read in between.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { pacingFromEnv, sendTimeGate } from './octokit-client.ts'

beforeEach(() => {
  vi.useFakeTimers({ now: 0 })
})
afterEach(() => {
  vi.useRealTimers()
})

/** Sends through the gate and records when each request left (fake ms). */
function harness(scale = 1) {
  const gate = sendTimeGate(scale)
  const sent: Array<[string, number]> = []
  const send = (method: string, url: string) =>
    gate(
      async options => {
        sent.push([`${options.method} ${options.url}`, Date.now()])
        return undefined
      },
      { method, url }
    )
  return { sent, send }
}

describe('sendTimeGate', () => {
  it('spaces writes 1 s apart and creations 3 s apart, measured at send; reads pass at once', async () => {
    const { sent, send } = harness()
    const all = [
      send('POST', '/repos/{owner}/{repo}/issues'),
      send('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}'),
      send('GET', '/repos/{owner}/{repo}/issues'),
      send('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments'),
      send('POST', '/repos/{owner}/{repo}/git/blobs'),
      send('POST', '/repos/{owner}/{repo}/issues')
    ]
    await vi.runAllTimersAsync()
    await Promise.all(all)
    expect(sent).toEqual([
      ['GET /repos/{owner}/{repo}/issues', 0],
      ['POST /repos/{owner}/{repo}/issues', 0],
      ['PATCH /repos/{owner}/{repo}/issues/{issue_number}', 1000],
      ['POST /repos/{owner}/{repo}/issues/{issue_number}/comments', 3000],
      ['POST /repos/{owner}/{repo}/git/blobs', 4000],
      ['POST /repos/{owner}/{repo}/issues', 6000]
    ])
  })

  it('counts from the previous send, not from when the slot was queued', async () => {
    const { sent, send } = harness()
    await Promise.all([send('POST', '/repos/{owner}/{repo}/issues'), vi.runAllTimersAsync()])
    await vi.advanceTimersByTimeAsync(2500) // a slow read or a retry's wait in between
    const close = send('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}')
    const next = send('POST', '/repos/{owner}/{repo}/issues')
    await vi.runAllTimersAsync()
    await Promise.all([close, next])
    expect(sent.map(s => s[1])).toEqual([0, 2500, 3500])
  })

  it('counts each gap from the previous answer, so a slow request cannot bunch two at GitHub', async () => {
    const gate = sendTimeGate(1)
    const sent: number[] = []
    const slow = async () => {
      sent.push(Date.now())
      await new Promise(resolve => setTimeout(resolve, 700))
    }
    const fast = async () => {
      sent.push(Date.now())
    }
    const all = [
      gate(slow, { method: 'POST', url: '/repos/{owner}/{repo}/issues' }),
      gate(fast, { method: 'PATCH', url: '/repos/{owner}/{repo}/issues/{issue_number}' }),
      gate(fast, { method: 'POST', url: '/repos/{owner}/{repo}/issues' })
    ]
    await vi.runAllTimersAsync()
    await Promise.all(all)
    expect(sent).toEqual([0, 1700, 3700])
  })

  it('holds the 501st creation of an hour until the first is an hour old', async () => {
    const { sent, send } = harness()
    const all = Array.from({ length: 502 }, () => send('POST', '/repos/{owner}/{repo}/issues'))
    await vi.runAllTimersAsync()
    await Promise.all(all)
    expect(sent[499]?.[1]).toBe(499 * 3000)
    expect(sent[500]?.[1]).toBe(3_600_000)
    expect(sent[501]?.[1]).toBe(3_603_000)
  })

  it('scales every interval', async () => {
    const { sent, send } = harness(0.01)
    const all = [
      send('POST', '/repos/{owner}/{repo}/issues'),
      send('DELETE', '/repos/{owner}/{repo}/git/refs/{ref}'),
      send('POST', '/repos/{owner}/{repo}/issues')
    ]
    await vi.runAllTimersAsync()
    await Promise.all(all)
    expect(sent.map(s => s[1])).toEqual([0, 10, 30])
  })
})

describe('GOALS_SYNC_PACING', () => {
  it('reads on, off and scale:F, and names a value it cannot read', () => {
    expect(pacingFromEnv({})).toBe(true)
    expect(pacingFromEnv({ GOALS_SYNC_PACING: 'on' })).toBe(true)
    expect(pacingFromEnv({ GOALS_SYNC_PACING: 'off' })).toBe(false)
    expect(pacingFromEnv({ GOALS_SYNC_PACING: 'scale:0.01' })).toBe(0.01)
    expect(pacingFromEnv({ GOALS_SYNC_PACING: 'scale:1' })).toBe(1)
    for (const bad of ['fast', 'scale:0', 'scale:2', 'scale:x', 'scale:'])
      expect(() => pacingFromEnv({ GOALS_SYNC_PACING: bad })).toThrow(
        `GOALS_SYNC_PACING is "${bad}": use on, off or scale:F`
      )
  })
})
