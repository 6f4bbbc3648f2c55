// Who the action is, as an issue author. Ownership is the ledger's alone (see
// src/sync/ownership.ts); the author only matters when there is no ledger entry
// to go by: rebuilding a missing ledger, adopting an issue whose creation never
// reached the ledger, finding one whose creation answer was lost. The workflow
// token acts as github-actions[bot]; a personal token is known by its login
// (asked once); a token that cannot say (a GitHub App's installation token)
// is known only through `bot-login` in the settings file. Other apps post as
// `name[bot]` too, so a "[bot]" suffix alone is never taken for the action.
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
    const self = await this.whoAmI()
    return self !== null && self.toLowerCase() === l
  }

  /** The token's own login, asked once; null for tokens that cannot say (installation tokens). */
  private whoAmI(): Promise<string | null> {
    this.self ??= this.client.rest.users.getAuthenticated().then(
      ({ data }) => data.login,
      () => null
    )
    return this.self
  }

  /** Logins the action's issues may have been opened by, as far as they can be named. */
  async creators(): Promise<string[]> {
    const self = await this.whoAmI()
    return [...new Set([WORKFLOW_BOT, this.configured, self].filter((l): l is string => !!l))]
  }
}
