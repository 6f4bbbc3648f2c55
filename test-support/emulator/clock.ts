// GitHub stamps times to the second. Tests compare timestamps ("was this edited after
// the last sync?"), so every event gets a strictly later second than the one before,
// even when many happen within one real second.
export class Clock {
  private fixed: number | null = null
  private last = 0

  /** The time of the next event, as GitHub formats it ('2024-05-01T12:00:00Z'). */
  next(): string {
    const base = Math.floor((this.fixed ?? Date.now()) / 1000) * 1000
    this.last = Math.max(base, this.last + 1000)
    return format(this.last)
  }

  /** The current reading without consuming a tick. */
  now(): string {
    return format(Math.max(this.fixed ?? Date.now(), this.last))
  }

  /** Freezes the clock: the next event happens exactly at `iso`, later ones a second apart. */
  set(iso: string): void {
    const t = Date.parse(iso)
    if (Number.isNaN(t)) throw new Error(`setClock: not a date: ${iso}`)
    this.fixed = Math.floor(t / 1000) * 1000
    this.last = this.fixed - 1000
  }
}

function format(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
}
