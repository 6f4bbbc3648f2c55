// The write budget of one run (input max-writes): every write request counts,
// the lock and the commit included, so the cap is what it says.

export class WriteBudget {
  readonly limit: number
  used = 0

  constructor(limit: number) {
    this.limit = limit
  }

  left(): number {
    return this.limit - this.used
  }

  /** Records writes that had to happen (taking over a dead run's lock). */
  force(n: number): void {
    this.used += n
  }

  /** Spends n writes if they fit, keeping `reserve` back for what must follow. */
  take(n: number, reserve = 0): boolean {
    if (this.used + n + reserve > this.limit) return false
    this.used += n
    return true
  }
}

/** Writes of the ledger on its own ref: tree, commit, ref. */
export const LEDGER_REF_COST = 3

/**
 * Writes the commit stage may make: tree, commit and ref (a pull request's one
 * more); the ledger is in that commit with `push`, on its own ref otherwise.
 */
export function commitCost(mode: 'push' | 'pull-request' | 'none'): number {
  return mode === 'push' ? 3 : mode === 'pull-request' ? 4 + LEDGER_REF_COST : LEDGER_REF_COST
}
