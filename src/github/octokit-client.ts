// The one place that builds the Octokit client: REST methods and pagination
// from @actions/github, composed with the retry and throttling plugins.
import { getOctokit } from '@actions/github'
import { retry } from '@octokit/plugin-retry'
import { throttling } from '@octokit/plugin-throttling'

export type Client = ReturnType<typeof getOctokit>

export interface ClientOptions {
  token: string
  baseUrl: string
  /** false: no spacing between writes (tests against a local server only). */
  pacing: boolean
  warn: (message: string) => void
}

/** Longest wait for a primary rate-limit reset that a run sits out; past it the rest is deferred. */
const MAX_RATE_LIMIT_WAIT_S = 60

/** A limiter group that runs each job at once, for GOALS_SYNC_PACING=off. */
const unpaced = {
  key: () => ({
    schedule: <T>(_options: unknown, job: (...args: unknown[]) => T, ...args: unknown[]) =>
      Promise.resolve(job(...args))
  })
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
  const throttle = {
    onRateLimit: handler(
      'Rate limit reached',
      (after, count) => count < 1 && after <= MAX_RATE_LIMIT_WAIT_S
    ),
    onSecondaryRateLimit: handler('Secondary rate limit', (_after, count) => count < 3),
    ...(options.pacing ? {} : { write: unpaced, notifications: unpaced })
  }
  return getOctokit(
    options.token,
    {
      baseUrl: options.baseUrl,
      throttle: throttle as never,
      retry: { doNotRetry: [400, 401, 403, 404, 409, 410, 422, 451] }
    },
    retry,
    throttling
  )
}
