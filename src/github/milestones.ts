// Milestones on GitHub: the one listing a run with `milestones: true` reads,
// and the writes its plan asks for. Creation is sent once (see apply.ts): a
// lost answer is settled by listing again, not by a blind retry.
import type { ExistingMilestone } from '../sync/milestones.ts'
import { wellFormed } from '../sync/text.ts'
import { explainAccess } from './errors.ts'
import type { RepoRef } from './issues.ts'
import type { Client } from './octokit-client.ts'

interface RawMilestone {
  number: number
  title: string
  state: string
  description?: string | null
  open_issues: number
  closed_issues: number
}

const existing = (m: RawMilestone): ExistingMilestone => ({
  number: m.number,
  title: m.title,
  state: m.state === 'closed' ? 'closed' : 'open',
  description: m.description ?? null,
  openIssues: m.open_issues,
  closedIssues: m.closed_issues
})

/** Every milestone of the repository, open and closed. */
export async function listMilestones(client: Client, at: RepoRef): Promise<ExistingMilestone[]> {
  try {
    const raw = await client.paginate(client.rest.issues.listMilestones, {
      ...at,
      state: 'all',
      per_page: 100
    })
    return (raw as RawMilestone[]).map(existing)
  } catch (error) {
    throw explainAccess(error, 'list the milestones', 'issues: read')
  }
}

export async function createMilestone(
  client: Client,
  at: RepoRef,
  milestone: { title: string; description: string }
): Promise<number> {
  try {
    const { data } = await client.rest.issues.createMilestone({
      ...at,
      title: wellFormed(milestone.title),
      description: wellFormed(milestone.description),
      request: { retries: 0 }
    })
    return data.number
  } catch (error) {
    throw explainAccess(error, `create the milestone "${milestone.title}"`, 'issues: write')
  }
}

export async function updateMilestone(
  client: Client,
  at: RepoRef,
  number: number,
  patch: { title?: string; description?: string; state?: 'open' | 'closed' }
): Promise<void> {
  try {
    await client.rest.issues.updateMilestone({
      ...at,
      milestone_number: number,
      ...(patch.title !== undefined ? { title: wellFormed(patch.title) } : {}),
      ...(patch.description !== undefined ? { description: wellFormed(patch.description) } : {}),
      ...(patch.state !== undefined ? { state: patch.state } : {})
    })
  } catch (error) {
    throw explainAccess(error, `update milestone #${number}`, 'issues: write')
  }
}
