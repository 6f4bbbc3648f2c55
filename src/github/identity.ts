// Which issue authors count as the action itself. The workflow token acts as
// github-actions[bot], which only this repository's workflows can be, and it
// cannot ask GitHub who it is; so that login is trusted outright, and the
// token's own login (a personal or app token) is asked for only when an issue
// with a marker has another author — a synced run costs no extra request.
import type { Client } from './octokit-client.ts'

export const WORKFLOW_BOT = 'github-actions[bot]'

export class Identity {
  private self: Promise<string | null> | null = null
  private readonly client: Client
  private readonly configured: string | null

  constructor(client: Client, configured: string | null) {
    this.client = client
    this.configured = configured
  }

  async owns(login: string | undefined | null): Promise<boolean> {
    if (!login) return false
    const l = login.toLowerCase()
    if (l === WORKFLOW_BOT || l === this.configured?.toLowerCase()) return true
    this.self ??= this.client.rest.users.getAuthenticated().then(
      ({ data }) => data.login,
      () => null
    )
    return (await this.self)?.toLowerCase() === l
  }
}
