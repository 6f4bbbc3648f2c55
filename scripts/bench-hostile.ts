// Costs of hostile sizes, as figures: similarity pairing of many edited goals,
// the settings file at and far over its size limit, and the body of a huge
// goal. Run: node scripts/bench-hostile.ts
import { performance } from 'node:perf_hooks'
import { parseGoals } from '../src/goals/parse.ts'
import { ConfigError, parseConfig } from '../src/run/config.ts'
import { issueBody } from '../src/sync/body.ts'
import { matchGoals } from '../src/sync/match.ts'
import type { TrackedIssue } from '../src/sync/tracked-issue.ts'

function time<T>(fn: () => T): { ms: number; value: T } {
  const started = performance.now()
  const value = fn()
  return { ms: performance.now() - started, value }
}

const WORDS = ['learn', 'write', 'build', 'read', 'visit', 'run', 'paint', 'bake', 'plant', 'fix']
const title = (i: number) => `${WORDS[i % 10]} the project number ${i} with care ${i * 7919}`

/** `count` goals whose text was edited while the action was not running: only similarity pairs them. */
function retitled(count: number) {
  const doc = parseGoals(
    `## Area\n${Array.from({ length: count }, (_, i) => `- [ ] ${title(i)} soon`).join('\n')}\n`
  )
  const issues: TrackedIssue[] = Array.from({ length: count }, (_, i) => ({
    number: i + 1,
    title: title(i),
    state: 'open',
    stateReason: null,
    labels: ['goal', 'Area'],
    body: '',
    marker: {
      file: 'goals.md',
      category: 'Area',
      title: title(i),
      n: 0,
      synced: 'open',
      removed: false
    },
    htmlUrl: '',
    updatedAt: ''
  }))
  return { doc, issues }
}

const rows: [string, string][] = []
for (const count of [1_000, 5_000]) {
  const { doc, issues } = retitled(count)
  const { ms, value } = time(() => matchGoals(doc, [], issues, null))
  const paired = value.via.filter(v => v === 'similar').length
  rows.push([
    `similarity pairing, ${count.toLocaleString('en')} retitled goals`,
    `${ms.toFixed(0)} ms (${paired} paired)`
  ])
}

const styled = (n: number) =>
  `categories:\n${Array.from({ length: n }, (_, i) => `  Category ${i}:\n    color: "0e8a16"\n`).join('')}`
const big = styled(30_000)
const refused = time(() => {
  try {
    parseConfig(big, '.github/goals-sync.yml')
    return 'parsed'
  } catch (error) {
    return error instanceof ConfigError ? 'refused' : 'crashed'
  }
})
rows.push([
  `settings file of ${(big.length / 1e6).toFixed(1)} MB`,
  `${refused.ms.toFixed(1)} ms (${refused.value})`
])
const atLimit = styled(1_750)
const parsed = time(() => parseConfig(atLimit, '.github/goals-sync.yml'))
rows.push([
  `settings file of ${(atLimit.length / 1024).toFixed(0)} KB (${parsed.value.categories.size} categories)`,
  `${parsed.ms.toFixed(0)} ms`
])

const huge = 'the longest goal ever written '.repeat(2_400)
const body = time(() =>
  issueBody(
    { file: 'goals.md', category: 'Big', title: huge, n: 0, synced: 'open', removed: false },
    { fileUrl: 'https://example.test/o/r/blob/main/goals.md' }
  )
)
rows.push([
  `body of a ${huge.length.toLocaleString('en')}-character goal`,
  `${body.ms.toFixed(1)} ms, ${body.value.length.toLocaleString('en')} characters`
])

const width = Math.max(...rows.map(r => r[0].length))
console.log('hostile sizes')
for (const [what, figure] of rows) console.log(`  ${what.padEnd(width)}  ${figure}`)
