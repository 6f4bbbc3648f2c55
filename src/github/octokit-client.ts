// The one place that builds the Octokit client: REST methods and pagination
// from @actions/github, composed with the retry and throttling plugins and a
// gate that spaces writes as GitHub asks, measured when each request is sent.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'
import { ActionError, unreachable } from './errors.ts'

export type Client = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  baseUrl: string
  /**
   * true: GitHub's intervals; false: no spacing (tests against a local server only);
   * a number: GitHub's intervals times it (time-scaled tests).
   */
  pacing: boolean | number
  warn: (message: string) => void
}

/**
 * GitHub's documented pacing, in one place: writes at least 1 s apart, content-creating
 * writes (issues, comments) at least 3 s apart, and at most 80 of those a minute and 500
 * an hour (its secondary limits; 3 s apart already keeps to 80 a minute).
 */
export const GITHUB_PACING = {
  writeGapMs: 1_000,
  createGapMs: 3_000,
  createWindows: [
    { ms: 60_000, max: 80 },
    { ms: 3_600_000, max: 500 }
  ]
} as const

/**
 * GitHub ends a request on its side after 10 s; a minute leaves room for a large upload,
 * and bounds a run against a server that accepts the connection but never answers.
 */
const REQUEST_TIMEOUT_MS = 60_000

/** Longest wait for a primary rate-limit reset that a run sits out; past it the rest is deferred. */
const MAX_RATE_LIMIT_WAIT_S = 60

/** A limiter group that runs each job at once: the send-time gate below does the spacing. */
const immediate = {
  key: () => ({
    schedule: <T>(_options: unknown, job: (...args: unknown[]) => T, ...args: unknown[]) =>
      Promise.resolve(job(...args))
  })
}

/**
 * GOALS_SYNC_PACING: unset or `on` → GitHub's pacing (1); `off` → none (false);
 * `scale:F` → GitHub's intervals times F, for time-scaled tests.
 */
export function pacingFromEnv(env: NodeJS.ProcessEnv): boolean | number {
  const value = (env.GOALS_SYNC_PACING ?? '').trim()
  if (value === '' || value === 'on') return true
  if (value === 'off') return false
  const scale = /^scale:(.+)$/.exec(value)?.[1]
  const factor = scale === undefined ? NaN : Number(scale)
  if (!(factor > 0 && factor <= 1)) {
    throw new ActionError(
      `GOALS_SYNC_PACING is "${value}": use on, off or scale:F with 0 < F ≤ 1 (e.g. scale:0.01).`
    )
  }
  return factor
}

interface RequestOptions {
  method: string
  url: string
}
type Send = (options: RequestOptions) => Promise<unknown>

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * Waits, in order, until a write may leave: one write at a time (GitHub asks for writes in
 * series), each gap counted from when the previous write was answered, so it holds at
 * GitHub's end however long a request took to get there, and a retry or a slow read in
 * between never lets the next one go early.
 */
export function sendTimeGate(scale: number, now: () => number = Date.now) {
  const writeGap = GITHUB_PACING.writeGapMs * scale
  const createGap = GITHUB_PACING.createGapMs * scale
  const windows = GITHUB_PACING.createWindows.map(w => ({ ms: w.ms * scale, max: w.max }))
  let lastWrite = -Infinity
  let lastCreate = -Infinity
  const created: number[] = []
  let turn: Promise<void> = Promise.resolve()

  const delay = (creating: boolean): number => {
    let until = lastWrite + writeGap
    if (creating) {
      until = Math.max(until, lastCreate + createGap)
      for (const w of windows) {
        const oldest = created.at(-w.max)
        if (created.length >= w.max && oldest !== undefined) until = Math.max(until, oldest + w.ms)
      }
    }
    return until - now()
  }

  return async (send: Send, options: RequestOptions) => {
    const method = options.method.toUpperCase()
    if (method === 'GET' || method === 'HEAD') return send(options)
    const creating = throttling.triggersNotification(new URL(options.url, 'http://x').pathname)
    const previous = turn
    let release = () => {}
    turn = new Promise(resolve => (release = resolve))
    await previous
    try {
      for (let wait = delay(creating); wait > 0; wait = delay(creating)) await sleep(wait)
      if (creating) {
        created.push(now())
        if (created.length > (windows.at(-1)?.max ?? 0)) created.shift()
      }
      return await send(options)
    } finally {
      lastWrite = now()
      if (creating) lastCreate = lastWrite
      release()
    }
  }
}

export function createClient(options: ClientOptions): Client {
  // Both handlers warn; a primary limit is waited out only when its reset is near.
  const handler =
    (what: string, retry: (retryAfter: number, retryCount: number) => boolean) =>
    (
      retryAfter: number,
      request: { method: string; url: string },
      _o: unknown,
      retryCount: number
    ) => {
      options.warn(`${what} for ${request.method} ${request.url}; retry after ${retryAfter}s.`)
      return retry(retryAfter, retryCount)
    }
  const scale = options.pacing === true ? 1 : options.pacing === false ? 0 : options.pacing
  const throttle = {
    onRateLimit: handler(
      'Rate limit reached',
      (after, count) => count < 1 && after <= MAX_RATE_LIMIT_WAIT_S
    ),
    onSecondaryRateLimit: handler('Secondary rate limit', (_after, count) => count < 3),
    write: immediate,
    notifications: immediate,
    // retry-after is in GitHub's seconds; a time-scaled test shrinks them like the gaps.
    ...(scale > 0 && scale < 1 ? { retryAfterBaseValue: 1000 * scale } : {})
  }
  const time = scale > 0 ? scale : 1
  // Registered first, this is the innermost request hook: it runs after the retry and
  // throttling plugins have decided to send, once per request that really leaves.
  const gate = scale > 0 ? sendTimeGate(scale) : null
  const transport = (octokit: { hook: { wrap: (name: 'request', fn: never) => void } }) => {
    const send = async (request: Send, opts: RequestOptions) => {
      try {
        return await (gate ? gate(request, opts) : request(opts))
      } catch (error) {
        // A refused connection or an unknown host does not mend within a retry's seconds:
        // without a status the retry plugin lets it through at once, and nothing was sent.
        if (unreachable(error)) delete (error as { status?: number }).status
        throw error
      }
    }
    octokit.hook.wrap('request', send as never)
    return {}
  }
  const timedFetch: typeof fetch = (url, init) => {
    const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS * time)
    const signal = init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout
    return fetch(url, { ...init, signal })
  }
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      throttle: throttle as never,
      retry: {
        doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451],
        ...(time < 1 ? { retryAfterBaseValue: 1000 * time } : {})
      },
      request: { fetch: timedFetch }
    },
    transport as never,
    retry,
    throttling
  )
}
