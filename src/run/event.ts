// What a run has to do, decided from the event alone (no requests).

export type RunKind =
  | {
      kind: 'push'
      before: string | null
      after: string
      /** The paths its commits added, changed or removed; null when the event does not list them all. */
      changed: string[] | null
    }
  | { kind: 'reconcile' }
  | {
      kind: 'issue'
      action: 'closed' | 'reopened' | 'edited' | 'opened' | 'labeled'
      number: number
      sender: string
      titleChanged: boolean
      /** The label added (labeled events). */
      label?: string
    }
  | { kind: 'skip'; reason: string }

interface Payload {
  ref?: string
  commits?: { added?: unknown; modified?: unknown; removed?: unknown }[]
  size?: unknown
  forced?: unknown
  before?: string
  after?: string
  deleted?: boolean
  action?: string
  issue?: { number?: number; pull_request?: unknown }
  sender?: { login?: string }
  changes?: { title?: unknown }
  label?: { name?: string }
}

const HANDLED = ['closed', 'reopened', 'edited', 'opened', 'labeled'] as const
type Handled = (typeof HANDLED)[number]
const handled = (action: string | undefined): action is Handled =>
  (HANDLED as readonly (string | undefined)[]).includes(action)

const ZERO_SHA = /^0+$/

/** `commonLabel`: a labeled event for any other label is skipped before any read. */
export function classifyEvent(
  eventName: string,
  payload: Payload,
  branch: string,
  commonLabel?: string
): RunKind {
  switch (eventName) {
    case 'push': {
      if (payload.ref !== `refs/heads/${branch}`) {
        return {
          kind: 'skip',
          reason: `push to ${payload.ref ?? 'an unknown ref'} is not to the branch "${branch}"; nothing to sync`
        }
      }
      if (payload.deleted)
        return { kind: 'skip', reason: `the push deleted ${payload.ref}; nothing to sync` }
      const before = payload.before && !ZERO_SHA.test(payload.before) ? payload.before : null
      return {
        kind: 'push',
        before,
        after: payload.after ?? `refs/heads/${branch}`,
        changed: changedPaths(payload)
      }
    }
    case 'issues': {
      const action = payload.action
      const number = payload.issue?.number
      if (payload.issue?.pull_request)
        return { kind: 'skip', reason: 'the event is about a pull request, not an issue' }
      if (!handled(action)) {
        return {
          kind: 'skip',
          reason: `issues "${action ?? 'unknown'}" events are not handled (only ${HANDLED.join(', ')})`
        }
      }
      if (typeof number !== 'number')
        return { kind: 'skip', reason: 'the issues event has no issue number' }
      const label = payload.label?.name
      if (
        action === 'labeled' &&
        commonLabel !== undefined &&
        label?.toLowerCase() !== commonLabel.toLowerCase()
      ) {
        return {
          kind: 'skip',
          reason: `issue #${number} was labelled "${label ?? ''}", not "${commonLabel}"; only adding "${commonLabel}" makes an issue a goal`
        }
      }
      return {
        kind: 'issue',
        action,
        number,
        sender: payload.sender?.login ?? '',
        titleChanged: payload.changes?.title !== undefined,
        ...(label !== undefined ? { label } : {})
      }
    }
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'reconcile' }
    default:
      return {
        kind: 'skip',
        reason: `the "${eventName}" event is not handled; goals-sync runs on push, issues (${HANDLED.join(', ')}), schedule and workflow_dispatch`
      }
  }
}

/** The paths a push event lists as changed, or null when it does not list them all. */
function changedPaths(payload: Payload): string[] | null {
  const commits = payload.commits
  const size = typeof payload.size === 'number' ? payload.size : commits?.length
  if (!Array.isArray(commits) || commits.length === 0 || payload.forced === true) return null
  // GitHub lists at most 20 commits; the rest of a larger push is not in the event.
  if (size !== undefined && size > commits.length) return null
  const changed: string[] = []
  for (const c of commits) {
    for (const list of [c.added, c.modified, c.removed]) {
      if (!Array.isArray(list)) return null
      for (const p of list) if (typeof p === 'string') changed.push(p)
    }
  }
  return changed
}
