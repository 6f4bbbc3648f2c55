// Benchmark of the goals engine on a large generated goals file, next to a full
// Markdown parse (remark-parse + remark-gfm) of the same text.
// Run: node scripts/bench.ts   (Node 24 runs the TypeScript directly)
import { performance } from 'node:perf_hooks'
import remarkGfm from 'remark-gfm'
import remarkParse from 'remark-parse'
import { unified } from 'unified'
import { fixCounters, staleCounters } from '../src/goals/edit.ts'
import { parseGoals } from '../src/goals/parse.ts'

const GOALS = 20_000
const CATEGORIES = 300

/** A small deterministic generator (mulberry32), so every run measures the same file. */
function random(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const adverbs = ['', 'finally ', 'properly ', 'really ']
const verbs = ['learn', 'build', 'finish', 'write', 'run', 'visit', 'teach', 'read', 'fix', 'ship']
const things = [
  'a “small” compiler',
  'the garden shed',
  'a marathon',
  'a talk at a local meetup',
  'the history of Byzantium',
  'a bread recipe that works',
  'ten kata in a new language',
  'an open source library',
  'a letter to an old friend',
  'the ‘hard’ parts of statistics'
]
const tails = [
  '',
  '',
  ' with friends',
  ' before the end of next year',
  ' (this year)',
  ' [score: 7/9]',
  ' [TOEFL: 100/120]',
  ' [3/4]',
  ' — twice, to be sure'
]

/** A seed-shaped goals file: blank lines between goals, both counter forms, some stale. */
function generate(): { text: string; stale: number } {
  const next = random(42)
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T
  const parts: string[] = ['# Goals [0/0]', '']
  let stale = 0
  for (let c = 0; c < CATEGORIES; c++) {
    const size = Math.floor(GOALS / CATEGORIES) + (c < GOALS % CATEGORIES ? 1 : 0)
    const boxes = Array.from({ length: size }, () => next() < 0.4)
    let done = boxes.filter(Boolean).length
    if (next() < 0.1) {
      done += 1
      stale++
    }
    const counter = `[${done}/${size}]`
    const name = `${pick(['Technical', 'Job', 'Travel', 'Health', 'Family'])} Goals ${c + 1}`
    if (c % 3 === 0) parts.push(`## ${name}  `, counter)
    else parts.push(`## ${name}  ${counter}`)
    parts.push('', '')
    for (const box of boxes) {
      parts.push(
        `[${box ? 'x' : ' '}] ${pick(adverbs)}${pick(verbs)} ${pick(things)}${pick(tails)}`,
        ''
      )
    }
  }
  return { text: parts.join('\n'), stale: stale + 1 /* the title counter */ }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

function time(runs: number, warmup: number, work: () => unknown): number {
  for (let i = 0; i < warmup; i++) work()
  const samples: number[] = []
  for (let i = 0; i < runs; i++) {
    const start = performance.now()
    work()
    samples.push(performance.now() - start)
  }
  return median(samples)
}

const { text, stale } = generate()
const megabytes = Buffer.byteLength(text) / (1024 * 1024)

// Sanity: the engine sees what was generated, and fixing settles every counter.
const doc = parseGoals(text)
const fixed = fixCounters(text)
if (doc.total !== GOALS || doc.categories.length !== CATEGORIES) {
  throw new Error(
    `expected ${GOALS} goals in ${CATEGORIES} categories, parsed ${doc.total} in ${doc.categories.length}`
  )
}
if (staleCounters(doc).length !== stale || staleCounters(parseGoals(fixed)).length !== 0) {
  throw new Error('fixCounters did not settle the stale counters')
}

const parseMs = time(15, 5, () => parseGoals(text))
const fixMs = time(15, 5, () => fixCounters(text))
const remark = unified().use(remarkParse).use(remarkGfm)
const remarkMs = time(3, 1, () => remark.parse(text))

const row = (label: string, ms: number) =>
  console.log(
    `${label.padEnd(28)} ${ms.toFixed(1).padStart(8)} ms  ${(ms / megabytes).toFixed(1).padStart(8)} ms/MB  ${(megabytes / (ms / 1000)).toFixed(1).padStart(7)} MB/s`
  )

console.log(
  `goals file: ${megabytes.toFixed(2)} MB, ${doc.total} goals in ${doc.categories.length} categories, ${stale} stale counters (node ${process.version})`
)
row('parse', parseMs)
row('parse + fix', fixMs)
row('remark-parse + remark-gfm', remarkMs)
console.log(`remark / (parse + fix): ${(remarkMs / fixMs).toFixed(1)}x`)
