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
