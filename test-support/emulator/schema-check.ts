// Checks request bodies against GitHub's official REST description (@octokit/openapi),
// strictly: a property the operation does not declare is a violation, even where the
// description leaves objects open, because GitHub may ignore it today and refuse it later.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { Ajv } from 'ajv'
import type { ValidateFunction } from 'ajv'

type Schema = Record<string, unknown>
interface Description {
  paths: Record<
    string,
    Record<string, { requestBody?: { content?: Record<string, { schema?: Schema }> } }>
  >
  components: { schemas: Record<string, Schema> }
}

let description: Description | undefined
interface Operation {
  re: RegExp
  schema: Schema | undefined
  validate?: ValidateFunction
}
const compiled = new Map<string, Operation[]>()
// Formats (uri, date-time) are not checked: the action's bodies carry none it could get wrong.
const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, logger: false })

/** The 13 MB description is parsed once per process, and only when a body is checked. */
function load(): Description {
  if (!description) {
    const require = createRequire(import.meta.url)
    const file = require.resolve('@octokit/openapi/generated/api.github.com.json')
    description = JSON.parse(readFileSync(file, 'utf8')) as Description
  }
  return description
}

/** Inlines $refs, turns OpenAPI's `nullable` into JSON Schema and closes declared objects. */
function strictSchema(node: unknown, doc: Description, seen: string[] = []): unknown {
  if (Array.isArray(node)) return node.map(n => strictSchema(n, doc, seen))
  if (!node || typeof node !== 'object') return node
  const s = node as Schema
  if (typeof s.$ref === 'string') {
    const name = s.$ref.replace('#/components/schemas/', '')
    if (seen.includes(name)) return {}
    return strictSchema(doc.components.schemas[name], doc, [...seen, name])
  }
  const out: Schema = {}
  for (const [k, v] of Object.entries(s)) {
    if (k === 'nullable' || k === 'description' || k === 'example' || k === 'examples') continue
    out[k] =
      k === 'properties'
        ? Object.fromEntries(
            Object.entries(v as Schema).map(([p, sub]) => [p, strictSchema(sub, doc, seen)])
          )
        : strictSchema(v, doc, seen)
  }
  if (out.properties && out.additionalProperties === undefined) out.additionalProperties = false
  return s.nullable === true ? { anyOf: [out, { type: 'null' }] } : out
}

function routesFor(method: string) {
  let list = compiled.get(method)
  if (list) return list
  const doc = load()
  list = [] as Operation[]
  for (const [template, ops] of Object.entries(doc.paths)) {
    const op = ops[method.toLowerCase()]
    if (!op) continue
    // {path} (contents) and {ref} (git refs) span slashes; other parameters do not.
    const source = template
      .replace(/[.*+?^$()|[\]\\]/g, '\\$&')
      .replace(/\{(path|ref)\}/g, '.+')
      .replace(/\{[^}]+\}/g, '[^/]+')
    const schema = op.requestBody?.content?.['application/json']?.schema
    list.push({
      re: new RegExp(`^${source}$`),
      schema
    })
  }
  // Literal segments first, so /issues/comments is not read as /issues/{number}.
  const params = (re: RegExp) => re.source.split('[^/]+').length + re.source.split('.+').length
  list.sort((a, b) => params(a.re) - params(b.re))
  compiled.set(method, list)
  return list
}

/** What is wrong with this request's body by GitHub's description; [] when nothing is. */
export function bodyViolations(method: string, path: string, body: unknown): string[] {
  if (method === 'GET' || method === 'HEAD') return []
  const route = routesFor(method).find(r => r.re.test(path))
  if (!route) return [`${method} ${path}: no such operation in GitHub's REST description`]
  if (!route.schema) return body === undefined ? [] : [`${method} ${path}: takes no body`]
  // Compiled on first use: the emulator meets a handful of the description's operations.
  route.validate ??= ajv.compile(strictSchema(route.schema, load()) as Schema)
  if (route.validate(body ?? {})) return []
  return (route.validate.errors ?? []).map(e => {
    const where = e.instancePath || '(body)'
    const extra =
      e.keyword === 'additionalProperties'
        ? ` "${(e.params as { additionalProperty: string }).additionalProperty}"`
        : ''
    return `${method} ${path}: ${where} ${e.message ?? e.keyword}${extra}`
  })
}
