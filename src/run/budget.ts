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
