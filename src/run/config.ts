// The optional settings file (.github/goals-sync.yml). Every mistake is an
// error that names the file and line: a typo'd key silently ignored would leave
// people wondering why their colour never shows up.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml'

export interface LabelSettings {
  color?: string
  description?: string
}

export interface FileConfig {
  headingLevel: number
  assignees: string[]
  botLogin: string | null
  /** The common label's look. */
  label: LabelSettings
  /** Per category name. */
  categories: Map<string, LabelSettings>
}

export const DEFAULT_CONFIG: FileConfig = {
  headingLevel: 2,
  assignees: [],
  botLogin: null,
  label: {},
  categories: new Map()
}

export class ConfigError extends Error {}

const TOP_KEYS = ['heading-level', 'assignees', 'bot-login', 'label', 'categories']
const LABEL_KEYS = ['color', 'description']

/**
 * A real settings file is well under a kilobyte; this leaves room for
 * thousands of styled categories while keeping a hostile file from costing
 * the run minutes.
 */
export const MAX_CONFIG_SIZE = 64 * 1024

/** A GitHub App's login as its issues show it: the app's slug and `[bot]`. */
const BOT_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,98}[A-Za-z0-9])?\[bot\]$/

export function parseConfig(source: string, path: string): FileConfig {
  if (source.length > MAX_CONFIG_SIZE) {
    throw new ConfigError(
      `${path}: the settings file is ${source.length} characters, over the ${MAX_CONFIG_SIZE} goals-sync reads; keep only the settings you need (a few lines usually).`
    )
  }
  const lines = new LineCounter()
  // Duplicate keys are found below with a set: the parser's own check compares every pair of keys.
  const doc = parseDocument(source, { lineCounter: lines, prettyErrors: false, uniqueKeys: false })
  const at = (node: Node | null | undefined) => {
    const offset = node?.range?.[0]
    return offset === undefined ? path : `${path}:${lines.linePos(offset).line}`
  }
  const fail = (node: Node | null | undefined, message: string): never => {
    throw new ConfigError(`${at(node)}: ${message}`)
  }
  const first = doc.errors[0]
  if (first) {
    const line = lines.linePos(first.pos[0]).line
    throw new ConfigError(
      `${path}${line ? `:${line}` : ''}: not valid YAML (${first.message.split('\n')[0]}); fix the syntax or delete the file to use the defaults.`
    )
  }
  const once = (seen: Set<string>, key: string, node: Node, where: string) => {
    if (seen.has(key)) fail(node, `"${key}" appears twice in ${where}; keep one`)
    seen.add(key)
  }
  const config: FileConfig = { ...DEFAULT_CONFIG, label: {}, categories: new Map(), assignees: [] }
  const root = doc.contents
  if (root === null || (isScalar(root) && (root.value === null || root.value === ''))) return config
  if (!isMap(root))
    return fail(
      root,
      'the settings file must be a mapping of keys (heading-level, assignees, bot-login, label, categories)'
    )

  const labelSettings = (node: unknown, what: string): LabelSettings => {
    if (!isMap(node))
      return fail(node as Node, `${what} must be a mapping with color and/or description`)
    const out: LabelSettings = {}
    const seen = new Set<string>()
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : ''
      once(seen, key, pair.key as Node, what)
      const value = isScalar(pair.value) ? pair.value.value : undefined
      if (!LABEL_KEYS.includes(key))
        fail(pair.key as Node, `unknown key "${key}" in ${what}; use color or description`)
      if (key === 'color') {
        const color = String(value ?? '').replace(/^#/, '')
        if (!/^[0-9a-fA-F]{6}$/.test(color))
          fail(pair.value as Node, `color of ${what} must be six hex digits like 0e8a16`)
        out.color = color.toLowerCase()
      } else {
        const description = String(value ?? '')
        if (description.length > 100)
          fail(pair.value as Node, `description of ${what} is over GitHub's 100 characters`)
        out.description = description
      }
    }
    return out
  }

  const seenTop = new Set<string>()
  for (const pair of root.items) {
    const keyNode = pair.key as Node
    const key = isScalar(pair.key) ? String(pair.key.value) : ''
    once(seenTop, key, keyNode, 'the settings file')
    const value = pair.value as Node | null
    switch (key) {
      case 'heading-level': {
        const n = isScalar(value) ? Number(value.value) : NaN
        if (!Number.isInteger(n) || n < 1 || n > 6)
          fail(
            value ?? keyNode,
            'heading-level must be a whole number from 1 to 6 (2 means ## categories)'
          )
        config.headingLevel = n
        break
      }
      case 'assignees': {
        if (!isSeq(value))
          return fail(value ?? keyNode, 'assignees must be a list of GitHub logins')
        config.assignees = value.items.map(item => {
          const login = isScalar(item) ? String(item.value ?? '').replace(/^@/, '') : ''
          if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(login))
            fail(item as Node, `"${login}" is not a GitHub login`)
          return login
        })
        break
      }
      case 'bot-login': {
        const login = isScalar(value) ? String(value.value ?? '') : ''
        if (!BOT_LOGIN.test(login))
          fail(
            value ?? keyNode,
            `bot-login is "${login}": it must be a GitHub App's login ending in [bot], like my-app[bot]. A person's login is never trusted this way (a personal token's own login is recognised without bot-login).`
          )
        config.botLogin = login
        break
      }
      case 'label':
        config.label = labelSettings(value, 'label')
        break
      case 'categories': {
        if (!isMap(value))
          return fail(
            value ?? keyNode,
            'categories must map category names to color and description'
          )
        const seenCategories = new Set<string>()
        for (const item of value.items) {
          const name = isScalar(item.key) ? String(item.key.value) : ''
          once(seenCategories, name, item.key as Node, 'categories')
          config.categories.set(name, labelSettings(item.value, `category "${name}"`))
        }
        break
      }
      default:
        fail(keyNode, `unknown key "${key}"; the keys are ${TOP_KEYS.join(', ')}`)
    }
  }
  return config
}
