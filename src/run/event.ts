// What a run has to do, decided from the event alone (no requests).

export type RunKind =
  | { kind: 'push'; before: string | null; after: string }
  | { kind: 'reconcile' }
  | {
      kind: 'issue'
      action: 'closed' | 'reopened' | 'edited'
      number: number
      sender: string
      titleChanged: boolean
    }
  | { kind: 'skip'; reason: string }

interface Payload {
  ref?: string
  before?: string
  after?: string
  deleted?: boolean
  action?: string
  issue?: { number?: number; pull_request?: unknown }
  sender?: { login?: string }
  changes?: { title?: unknown }
}

const ZERO_SHA = /^0+$/

export function classifyEvent(eventName: string, payload: Payload, branch: string): RunKind {
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
      return { kind: 'push', before, after: payload.after ?? `refs/heads/${branch}` }
    }
    case 'issues': {
      const action = payload.action
      const number = payload.issue?.number
      if (payload.issue?.pull_request)
        return { kind: 'skip', reason: 'the event is about a pull request, not an issue' }
      if (action !== 'closed' && action !== 'reopened' && action !== 'edited') {
        return {
          kind: 'skip',
          reason: `issues "${action ?? 'unknown'}" events are not handled (only closed, reopened and edited)`
        }
      }
      if (typeof number !== 'number')
        return { kind: 'skip', reason: 'the issues event has no issue number' }
      return {
        kind: 'issue',
        action,
        number,
        sender: payload.sender?.login ?? '',
        titleChanged: payload.changes?.title !== undefined
      }
    }
    case 'schedule':
    case 'workflow_dispatch':
      return { kind: 'reconcile' }
    default:
      return {
        kind: 'skip',
        reason: `the "${eventName}" event is not handled; goals-sync runs on push, issues (closed, reopened, edited), schedule and workflow_dispatch`
      }
  }
}
