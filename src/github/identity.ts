// Which issue authors count as the action itself. The workflow token acts as
// github-actions[bot], which only this repository's workflows can be, so that
// login is trusted outright. Other authors of issues with a marker cost one
// request, once: a personal token is then known by its login; a token that
// cannot say who it is (a GitHub App's installation token) is an app, and only
// apps installed on the repository by its admins can author issues as a
// "[bot]", so those are trusted too. `bot-login` in the settings file names one
// explicitly. People's logins never count unless they are the token's owner.
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
    return self === null ? l.endsWith('[bot]') : self.toLowerCase() === l
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
