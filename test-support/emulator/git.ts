// A small content-addressed git object store. Objects are hashed exactly as git hashes
// them, so a blob sha from the emulator equals `git hash-object` for the same bytes and
// the action can compare shas it computed itself with the ones the API reports.
import { createHash } from 'node:crypto'

export interface Blob {
  type: 'blob'
  data: Buffer
}
export interface TreeEntry {
  name: string
  mode: string
  type: 'blob' | 'tree' | 'commit'
  sha: string
}
export interface Tree {
  type: 'tree'
  entries: TreeEntry[]
}
export interface Person {
  name: string
  email: string
  date: string
}
export interface Commit {
  type: 'commit'
  tree: string
  parents: string[]
  message: string
  author: Person
  committer: Person
  /** The GitHub account the author email maps to, if any (commit.author on the API). */
  authorLogin: string | null
  verified: boolean
}
export type GitObject = Blob | Tree | Commit
export type ObjectStore = Map<string, GitObject>

/** One file in a flattened tree, keyed by its full path. */
export interface FlatEntry {
  mode: string
  type: 'blob' | 'commit'
  sha: string
}
export type FlatTree = Map<string, FlatEntry>

function hash(type: string, body: Buffer): string {
  const header = Buffer.from(`${type} ${body.length}\0`)
  return createHash('sha1').update(header).update(body).digest('hex')
}

export function writeBlob(store: ObjectStore, data: Buffer): string {
  const sha = hash('blob', data)
  store.set(sha, { type: 'blob', data })
  return sha
}

// Git orders tree entries by name, comparing a subtree as if its name ended in '/'.
function treeOrder(a: TreeEntry, b: TreeEntry): number {
  const ka = a.type === 'tree' ? `${a.name}/` : a.name
  const kb = b.type === 'tree' ? `${b.name}/` : b.name
  return Buffer.compare(Buffer.from(ka), Buffer.from(kb))
}

export function writeTree(store: ObjectStore, entries: TreeEntry[]): string {
  const sorted = [...entries].sort(treeOrder)
  const parts = sorted.map(e =>
    Buffer.concat([
      // Git writes '40000' for trees although the API shows '040000'.
      Buffer.from(`${e.type === 'tree' ? '40000' : e.mode} ${e.name}\0`),
      Buffer.from(e.sha, 'hex')
    ])
  )
  const sha = hash('tree', Buffer.concat(parts))
  store.set(sha, { type: 'tree', entries: sorted })
  return sha
}

function signature(p: Person): string {
  return `${p.name} <${p.email}> ${Math.floor(Date.parse(p.date) / 1000)} +0000`
}

export function writeCommit(store: ObjectStore, c: Omit<Commit, 'type'>): string {
  const lines = [`tree ${c.tree}`, ...c.parents.map(p => `parent ${p}`)]
  lines.push(`author ${signature(c.author)}`, `committer ${signature(c.committer)}`)
  const sha = hash('commit', Buffer.from(`${lines.join('\n')}\n\n${c.message}`))
  store.set(sha, { type: 'commit', ...c })
  return sha
}

export function getBlob(store: ObjectStore, sha: string): Blob | undefined {
  const o = store.get(sha)
  return o?.type === 'blob' ? o : undefined
}
export function getTree(store: ObjectStore, sha: string): Tree | undefined {
  const o = store.get(sha)
  return o?.type === 'tree' ? o : undefined
}
export function getCommit(store: ObjectStore, sha: string): Commit | undefined {
  const o = store.get(sha)
  return o?.type === 'commit' ? o : undefined
}

export function flatten(
  store: ObjectStore,
  treeSha: string,
  prefix = '',
  out: FlatTree = new Map()
) {
  for (const e of getTree(store, treeSha)?.entries ?? []) {
    const path = prefix + e.name
    if (e.type === 'tree') flatten(store, e.sha, `${path}/`, out)
    else out.set(path, { mode: e.mode, type: e.type, sha: e.sha })
  }
  return out
}

/** Rebuilds nested trees from a flat path map; git has no empty directories, so none appear. */
export function buildTree(store: ObjectStore, flat: FlatTree): string {
  const files: TreeEntry[] = []
  const dirs = new Map<string, FlatTree>()
  for (const [path, e] of flat) {
    const slash = path.indexOf('/')
    if (slash < 0) {
      files.push({ name: path, ...e })
      continue
    }
    const dir = path.slice(0, slash)
    if (!dirs.has(dir)) dirs.set(dir, new Map())
    dirs.get(dir)?.set(path.slice(slash + 1), e)
  }
  const subtrees = [...dirs].map(([name, sub]): TreeEntry => {
    return { name, mode: '040000', type: 'tree', sha: buildTree(store, sub) }
  })
  return writeTree(store, [...files, ...subtrees])
}

/** What a path names inside a tree: '' is the tree itself. */
export function lookup(store: ObjectStore, treeSha: string, path: string): TreeEntry | undefined {
  let current: TreeEntry = { name: '', mode: '040000', type: 'tree', sha: treeSha }
  for (const part of path.split('/').filter(Boolean)) {
    if (current.type !== 'tree') return undefined
    const next = getTree(store, current.sha)?.entries.find(e => e.name === part)
    if (!next) return undefined
    current = next
  }
  return current
}

/** All commits reachable from `head`, each listed once, children before parents. */
export function history(store: ObjectStore, head: string): string[] {
  const seen = new Set<string>()
  const order: string[] = []
  const queue = [head]
  while (queue.length > 0) {
    const sha = queue.shift() as string
    if (seen.has(sha)) continue
    seen.add(sha)
    order.push(sha)
    queue.push(...(getCommit(store, sha)?.parents ?? []))
  }
  return order
}

export function firstParentLog(store: ObjectStore, head: string): string[] {
  const out: string[] = []
  for (let sha: string | undefined = head; sha; sha = getCommit(store, sha)?.parents[0]) {
    out.push(sha)
  }
  return out
}

export function isAncestor(store: ObjectStore, ancestor: string, descendant: string): boolean {
  return history(store, descendant).includes(ancestor)
}

export interface Change {
  path: string
  status: 'added' | 'removed' | 'modified'
  before?: FlatEntry
  after?: FlatEntry
}

export function diffTrees(store: ObjectStore, from: string | null, to: string): Change[] {
  const a = from ? flatten(store, from) : new Map<string, FlatEntry>()
  const b = flatten(store, to)
  const changes: Change[] = []
  for (const [path, after] of b) {
    const before = a.get(path)
    if (!before) changes.push({ path, status: 'added', after })
    else if (before.sha !== after.sha || before.mode !== after.mode)
      changes.push({ path, status: 'modified', before, after })
  }
  for (const [path, before] of a) {
    if (!b.has(path)) changes.push({ path, status: 'removed', before })
  }
  return changes.sort((x, y) => (x.path < y.path ? -1 : 1))
}

/** What a commit changed relative to its first parent (everything, for a root commit). */
export function commitChanges(store: ObjectStore, sha: string): Change[] {
  const c = getCommit(store, sha)
  if (!c) return []
  const parent = c.parents[0] ? getCommit(store, c.parents[0]) : undefined
  return diffTrees(store, parent?.tree ?? null, c.tree)
}

/** Applies file writes (Buffer) and deletions (null) to a tree and returns the new tree sha. */
export function editTree(
  store: ObjectStore,
  base: string | null,
  files: Record<string, Buffer | null>
): string {
  const flat = base ? flatten(store, base) : new Map<string, FlatEntry>()
  for (const [path, data] of Object.entries(files)) {
    if (data === null) flat.delete(path)
    else
      flat.set(path, {
        mode: flat.get(path)?.mode ?? '100644',
        type: 'blob',
        sha: writeBlob(store, data)
      })
  }
  return buildTree(store, flat)
}

/** Wraps base64 at 60 characters per line, each line ending in '\n', as the contents API does. */
export function wrapBase64(data: Buffer): string {
  const b64 = data.toString('base64')
  let out = ''
  for (let i = 0; i < b64.length; i += 60) out += `${b64.slice(i, i + 60)}\n`
  return out
}
