// The hidden marker in an issue body records which goal the issue is for and
// what was last synced. It is a hint (for people, and for finding an issue
// whose creation answer was lost), never proof of ownership: anyone who can
// edit a body can type one. It is JSON inside an HTML comment; '-', '<' and
// '>' are escaped so that goal text can never close the comment early, '@' and
// '&' so that nothing in it reads as a mention, even to a tool that decodes it. Only the last marker of a body is read, and only
// when every field is valid: the action's own marker always ends its body, and
// goal text quoted above it is escaped so that it cannot open a comment.
import { identityTitle } from './text.ts'

export interface Marker {
  /** Path of the goals file the goal lives in. */
  file: string
  category: string | null
  /** The goal's title (its first MAX_IDENTITY_TITLE characters; the issue title may be cut shorter). */
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
const SUFFIX = ' -->'

export function encodeMarker(marker: Marker): string {
  const json = JSON.stringify({
    v: 1,
    file: marker.file,
    category: marker.category,
    title: identityTitle(marker.title),
    n: marker.n,
    synced: marker.synced,
    removed: marker.removed,
    ...(marker.nonce !== undefined ? { nonce: marker.nonce } : {})
  })
  const escaped = json.replace(/[-@&<>]/g, c => `\\u00${c.charCodeAt(0).toString(16)}`)
  return `${PREFIX}${escaped}${SUFFIX}`
}

/** The body's last marker, or null when there is none or it is not exactly what encodeMarker writes. */
export function decodeMarker(body: string | null | undefined): Marker | null {
  if (!body) return null
  const start = body.lastIndexOf(PREFIX)
  if (start < 0) return null
  const end = body.indexOf(SUFFIX, start + PREFIX.length)
  if (end < 0) return null
  let raw: unknown
  try {
    raw = JSON.parse(body.slice(start + PREFIX.length, end))
  } catch {
    return null
  }
  return validMarker(raw)
}

function validMarker(raw: unknown): Marker | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null
  const r = raw as Record<string, unknown>
  const valid =
    r.v === 1 &&
    typeof r.file === 'string' &&
    r.file !== '' &&
    (typeof r.category === 'string' || r.category === null) &&
    typeof r.title === 'string' &&
    r.title !== '' &&
    typeof r.n === 'number' &&
    Number.isSafeInteger(r.n) &&
    r.n >= 0 &&
    (r.synced === 'open' || r.synced === 'closed') &&
    typeof r.removed === 'boolean' &&
    (r.nonce === undefined || (typeof r.nonce === 'string' && /^[0-9a-f]{8,64}$/.test(r.nonce)))
  if (!valid) return null
  return {
    file: r.file as string,
    category: r.category as string | null,
    title: r.title as string,
    n: r.n as number,
    synced: r.synced as Marker['synced'],
    removed: r.removed as boolean,
    ...(typeof r.nonce === 'string' ? { nonce: r.nonce } : {})
  }
}

/** Identity of a goal: its category, its title and which of the same-titled goals it is. */
export function goalKey(category: string | null, title: string, n: number): string {
  return JSON.stringify([category, title, n])
}
