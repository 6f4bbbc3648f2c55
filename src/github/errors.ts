// Turns GitHub's failures into errors that say what went wrong and what to do.

export class ActionError extends Error {}

interface HttpError {
  status?: number
  message?: string
  response?: { data?: { message?: string }; headers?: Record<string, string | undefined> }
}

export function statusOf(error: unknown): number | undefined {
  return (error as HttpError | undefined)?.status
}

export function messageOf(error: unknown): string {
  const e = error as HttpError | undefined
  return e?.response?.data?.message ?? e?.message ?? String(error)
}

export function isRateLimit(error: unknown): boolean {
  const e = error as HttpError | undefined
  const status = statusOf(error)
  if (status === 429) return true
  if (status !== 403) return false
  return (
    /rate limit/i.test(messageOf(error)) || e?.response?.headers?.['x-ratelimit-remaining'] === '0'
  )
}

/** Explains a 401/403 on a request the action needs, naming the permission to grant. */
export function explainAccess(error: unknown, doing: string, permission: string): Error {
  const status = statusOf(error)
  const message = messageOf(error)
  if (status === 401) {
    return new ActionError(
      `Could not ${doing}: the token was refused (401 ${message}). Fix: pass a valid token in the "token" input.`
    )
  }
  if (status === 403 && !isRateLimit(error)) {
    return new ActionError(
      `Could not ${doing}: 403 ${message}. Fix: give the workflow "permissions: ${permission}" ` +
        '(goals-sync needs issues: write and contents: write; pull-requests: write with commit: pull-request).'
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

/**
 * Any other answer from GitHub, said plainly with what to do about it, for
 * errors that reach the top of a run (no stack trace: it is not our bug).
 */
export function describeHttpError(error: unknown): string | null {
  const e = error as HttpError & { request?: { method?: string; url?: string } }
  const status = statusOf(error)
  if (status === undefined || !e?.request) return null
  const where =
    `${e.request.method ?? ''} ${(e.request.url ?? '').replace(/^https?:\/\/[^/]+/, '')}`.trim()
  const message = messageOf(error)
  if (status === 410) {
    return `GitHub answered 410 (${message}) to ${where}: issues are turned off in this repository. Fix: turn Issues on in the repository's settings.`
  }
  if (status >= 500) {
    return `GitHub answered ${status} (${message}) to ${where}, also on retrying. Run the workflow again: nothing is lost, the next run carries on.`
  }
  if (status === 422 && /assignee/i.test(message)) {
    return `GitHub refused an assignee (${message}) for ${where}. Fix: list in "assignees" of the settings file only people who can be assigned in this repository.`
  }
  return `GitHub answered ${status} (${message}) to ${where}.`
}
