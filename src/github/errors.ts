// Turns GitHub's failures into errors that say what went wrong and what to do.

export class ActionError extends Error {}

interface HttpError {
  status?: number
  message?: string
  cause?: unknown
  response?: {
    data?: { message?: string; errors?: Array<{ field?: string; value?: unknown }> }
    headers?: Record<string, string | undefined>
  }
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
  // The cause stays attached, so the command line can give its own advice for a 401.
  if (status === 401) {
    return new ActionError(
      `Could not ${doing}: the token was refused (401 ${message}). Fix: pass a valid token in the "token" input.`,
      { cause: error }
    )
  }
  if (status === 403 && !isRateLimit(error)) {
    return new ActionError(
      `Could not ${doing}: 403 ${message}. Fix: give the workflow "permissions: ${permission}" ` +
        '(goals-sync needs issues: write and contents: write; pull-requests: write with commit: pull-request).',
      { cause: error }
    )
  }
  return error instanceof Error ? error : new Error(String(error))
}

/**
 * Any other answer from GitHub, said plainly with what to do about it, for
 * errors that reach the top of a run (no stack trace: it is not our bug).
 */
export function describeHttpError(
  error: unknown,
  context: 'workflow' | 'terminal' = 'workflow'
): string | null {
  const e = error as HttpError & { request?: { method?: string; url?: string } }
  const status = statusOf(error)
  if (!e?.request || (status === undefined && networkCause(error) === null)) return null
  const where =
    `${e.request.method ?? ''} ${(e.request.url ?? '').replace(/^https?:\/\/[^/]+/, '')}`.trim()
  const message = messageOf(error)
  if (status === 410) {
    return `GitHub answered 410 (${message}) to ${where}: issues are turned off in this repository. Fix: turn Issues on in the repository's settings.`
  }
  const network = networkCause(error)
  if (network) {
    const again = context === 'terminal' ? 'run the command again' : 'run the workflow again'
    return `Could not reach ${hostOf(e.request.url)} for ${where}: ${network}. Fix: ${networkFix(network, context)}, then ${again}.`
  }
  if (status === 401 && context === 'terminal') return badTokenInTerminal(message)
  if (status !== undefined && status >= 500) {
    const again = context === 'terminal' ? 'Run the command again' : 'Run the workflow again'
    return `GitHub answered ${status} (${message}) to ${where}, also on retrying. ${again}: nothing is lost, the next run carries on.`
  }
  const assignee = refusedAssignee(error)
  if (status === 422 && assignee !== null) {
    return (
      `GitHub refused to assign ${assignee} (422 ${message}) to ${where}. Fix: in the settings file ` +
      `(.github/goals-sync.yml, or the file the input "config" names), list under "assignees" only ` +
      'people who can be assigned in this repository (collaborators with triage access or more), or remove them.'
    )
  }
  return `GitHub answered ${status} (${message}) to ${where}.`
}

/** The login GitHub's 422 names as not assignable, or null when the 422 is about something else. */
function refusedAssignee(error: unknown): string | null {
  const e = error as HttpError | undefined
  const field = e?.response?.data?.errors?.find(
    x => x.field === 'assignees' || x.field === 'assignee'
  )
  if (field) return field.value === undefined ? 'an assignee' : JSON.stringify(field.value)
  return /assignee/i.test(messageOf(error)) ? 'an assignee' : null
}

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').origin
  } catch {
    return 'the API server'
  }
}

// Node's fetch puts the system's reason (ECONNREFUSED, ENOTFOUND, ...) a cause or two deep.
function causeCode(error: unknown): string | undefined {
  for (
    let e = error as HttpError & { code?: unknown; name?: string }, depth = 0;
    e && depth < 5;
    depth++
  ) {
    if (typeof e.code === 'string') return e.code
    if (e.name === 'TimeoutError') return 'TIMEOUT'
    if (e.message === 'bad port') return 'BAD_PORT'
    e = e.cause as typeof e
  }
  return undefined
}

const NETWORK_CAUSES: Record<string, string> = {
  ECONNREFUSED: 'the connection was refused (ECONNREFUSED): nothing listens there',
  ENOTFOUND: 'its host name does not resolve (ENOTFOUND)',
  EAI_AGAIN: 'its host name could not be looked up (EAI_AGAIN): DNS did not answer',
  ECONNRESET: 'the connection was reset (ECONNRESET)',
  ETIMEDOUT: 'the connection timed out (ETIMEDOUT)',
  EHOSTUNREACH: 'the host is unreachable (EHOSTUNREACH)',
  ENETUNREACH: 'the network is unreachable (ENETUNREACH)',
  UND_ERR_CONNECT_TIMEOUT: 'the connection timed out',
  UND_ERR_HEADERS_TIMEOUT: 'the server did not answer in time',
  UND_ERR_SOCKET: 'the connection broke',
  TIMEOUT: 'the server did not answer in time',
  BAD_PORT: 'its port is one that fetch refuses to use (bad port)'
}

/** A refused connection or a host name that does not exist: retrying in seconds will not help. */
export function unreachable(error: unknown): boolean {
  if ((error as HttpError | undefined)?.response) return false
  const code = causeCode(error)
  return code === 'ECONNREFUSED' || code === 'ENOTFOUND' || code === 'BAD_PORT'
}

/** Why no answer came at all (refused, DNS, timeout), or null when the server did answer. */
export function networkCause(error: unknown): string | null {
  if ((error as HttpError | undefined)?.response) return null
  const code = causeCode(error)
  return code === undefined ? null : (NETWORK_CAUSES[code] ?? `the request failed (${code})`)
}

function networkFix(cause: string, context: 'workflow' | 'terminal'): string {
  const setting = context === 'terminal' ? 'GITHUB_API_URL' : 'GITHUB_API_URL (the runner sets it)'
  if (/ENOTFOUND|EAI_AGAIN/.test(cause)) return `check the host name in ${setting} and your DNS`
  if (/ECONNREFUSED|bad port/.test(cause))
    return `check that ${setting} names the right server and port`
  return 'check your network connection and any proxy'
}

function badTokenInTerminal(message: string): string {
  return (
    `GitHub refused the token (401 ${message}). Fix: set GITHUB_TOKEN to a valid token ` +
    'that can read (plan) or write (sync) the repository, e.g. GITHUB_TOKEN=$(gh auth token).'
  )
}

/**
 * A failure said for a terminal: network causes and a refused token get terminal advice
 * (environment variables, the command) rather than the workflow's inputs.
 */
export function describeForTerminal(error: unknown): string | null {
  const cause = error instanceof ActionError ? error.cause : undefined
  if (cause !== undefined && statusOf(cause) === 401) return badTokenInTerminal(messageOf(cause))
  if (error instanceof ActionError) return error.message
  return describeHttpError(error, 'terminal')
}
