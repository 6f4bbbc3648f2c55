// GitHub's secondary limits on content creation (issues, comments, pull requests): at most
// 80 a minute and 500 an hour per account, answered with 403 and retry-after past either.
// Emulated time can run faster than real time so that tests reach the limits quickly.
import type { Reply } from './http.ts'

const WINDOWS = [
  { seconds: 60, max: 80 },
  { seconds: 3600, max: 500 }
]
const DOCS =
  'https://docs.github.com/rest/using-the-rest-api/rate-limits-for-the-rest-api#about-secondary-rate-limits'

export class SecondaryLimits {
  private readonly created = new Map<string, number[]>()
  private readonly timeScale: number

  /** `timeScale` 0.01: an emulated second lasts 10 real ms. */
  constructor(timeScale: number) {
    this.timeScale = timeScale
  }

  /** A 403 with retry-after (emulated seconds) when `who` may not create now; else undefined. */
  refuse(who: string, now = Date.now()): Reply | undefined {
    const times = this.created.get(who) ?? []
    let waitMs = 0
    for (const w of WINDOWS) {
      const span = w.seconds * 1000 * this.timeScale
      const recent = times.filter(t => t > now - span)
      const oldest = recent[recent.length - w.max]
      if (recent.length >= w.max && oldest !== undefined)
        waitMs = Math.max(waitMs, oldest + span - now)
    }
    if (waitMs <= 0) return undefined
    const retryAfter = Math.max(1, Math.ceil(waitMs / 1000 / this.timeScale))
    return {
      status: 403,
      headers: { 'retry-after': String(retryAfter) },
      body: {
        message:
          'You have exceeded a secondary rate limit and have been temporarily blocked from content creation. Please retry your request again later.',
        documentation_url: DOCS,
        status: '403'
      }
    }
  }

  count(who: string, now = Date.now()): void {
    const times = this.created.get(who) ?? []
    times.push(now)
    const hour = 3600 * 1000 * this.timeScale
    this.created.set(
      who,
      times.filter(t => t > now - hour)
    )
  }
}
