// The hidden marker in an issue body is how the action recognises its own
// issues and remembers what it last synced. It is JSON inside an HTML comment;
// '-' is escaped so that goal text can never close the comment early, and '@'
// so that nothing in it reads as a mention.

export interface Marker {
  /** Path of the goals file the goal lives in. */
  file: string
  category: string | null
  /** Full goal title (the issue title may be cut). */
  title: string
  /** Occurrence index among goals with the same title in the category. */
  n: number
  /** Box state at the last sync: lets `conflict: latest` tell which side changed. */
  synced: 'open' | 'closed'
  /** The goal was removed from the file and its issue closed as not planned. */
  removed: boolean
  /** The creating run's nonce: lets a later run adopt an issue whose creation never reached the ledger. */
  nonce?: string
}

const PREFIX = '<!-- goals-sync '
const PATTERN = /<!-- goals-sync (\{.*?\}) -->/

export function encodeMarker(marker: Marker): string {
  const json = JSON.stringify({
    v: 1,
    file: marker.file,
    category: marker.category,
    title: marker.title,
    n: marker.n,
    synced: marker.synced,
    removed: marker.removed,
    ...(marker.nonce !== undefined ? { nonce: marker.nonce } : {})
  })
  return `${PREFIX}${json.replace(/-/g, '\\u002d').replace(/@/g, '\\u0040')} -->`
}

export function decodeMarker(body: string | null | undefined): Marker | null {
  if (!body) return null
  const m = PATTERN.exec(body)
  if (!m) return null
  try {
    const raw = JSON.parse(m[1] as string) as Record<string, unknown>
    if (raw.v !== 1 || typeof raw.file !== 'string' || typeof raw.title !== 'string') return null
    return {
      file: raw.file,
      category: typeof raw.category === 'string' ? raw.category : null,
      title: raw.title,
      n: typeof raw.n === 'number' && Number.isInteger(raw.n) && raw.n >= 0 ? raw.n : 0,
      synced: raw.synced === 'closed' ? 'closed' : 'open',
      removed: raw.removed === true,
      ...(typeof raw.nonce === 'string' ? { nonce: raw.nonce } : {})
    }
  } catch {
    return null
  }
}

/** Identity of a goal: its category, its title and which of the same-titled goals it is. */
export function goalKey(category: string | null, title: string, n: number): string {
  return JSON.stringify([category, title, n])
}
