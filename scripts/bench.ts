// Benchmark of the goals engine on large generated goals files: parse + fix next
// to the floor (reading the file and testing one regular expression per line)
// and to markdown-it's token stream, in the same run on the same file; peak
// memory of the built CLI; and its start-up next to Node's own.
// Run: node scripts/bench.ts   (Node 24 runs the TypeScript directly)
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import MarkdownIt from 'markdown-it'
import { fixCounters, staleCounters } from '../src/goals/edit.ts'
import { parseGoals } from '../src/goals/parse.ts'

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
function generate(GOALS: number): { text: string; stale: number } {
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

function stats(values: number[]): { min: number; median: number; max: number } {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  const median =
    sorted.length % 2
      ? (sorted[mid] as number)
      : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
  return { min: sorted[0] as number, median, max: sorted.at(-1) as number }
}

/**
 * Times several jobs in the same process, in rounds that run each job once, so
 * that load on the machine and the state of the heap hit all alike: two rounds
 * of warm-up (compiled code, grown heap) first, then `runs` measured rounds.
 */
function race(
  runs: number,
  jobs: Record<string, () => unknown>
): Record<string, { min: number; median: number }> {
  const samples: Record<string, number[]> = {}
  for (const name of Object.keys(jobs)) samples[name] = []
  for (let round = -2; round < runs; round++) {
    for (const [name, job] of Object.entries(jobs)) {
      const start = performance.now()
      job()
      if (round >= 0) samples[name]?.push(performance.now() - start)
    }
  }
  const out: Record<string, { min: number; median: number }> = {}
  for (const [name, values] of Object.entries(samples)) out[name] = stats(values)
  return out
}

const work = mkdtempSync(join(tmpdir(), 'goals-bench-'))
const LINE = /^[ \t]*(?:[-*+][ \t]+)?\[[ xX]\][ \t]/
const markdownIt = new MarkdownIt({ html: true })
/**
 * Every job reads the file as the CLI does: its bytes, then a strict UTF-8 decode
 * that keeps a BOM (goals-commands.ts). Node's own `readFileSync(path, 'utf8')`
 * takes 8-10 ms per MB of non-ASCII text, several times the engine's whole work.
 */
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
const read = (path: string): string => strict.decode(readFileSync(path))

/** The floor: read the file, then test one regular expression per line. */
function floor(path: string): number {
  const text = read(path)
  let found = 0
  let at = 0
  while (at < text.length) {
    let end = text.indexOf('\n', at)
    if (end === -1) end = text.length
    if (LINE.test(text.slice(at, end))) found++
    at = end + 1
  }
  return found
}

const f = (n: number, digits = 1) => n.toFixed(digits).padStart(9)
console.log(`goals engine (node ${process.version}), in one process, jobs taking turns after 2 warm-up rounds:
  (each job reads the file as the CLI does: its bytes, then a strict UTF-8 decode)
  floor       read the file, test one regular expression per line
  parse       read the file, parseGoals: the whole model (every goal, warning, heading)
  fix         read the file, fixCounters: tally (no goal built, no title cut), rewrite stale counters
  markdown-it read the file, md.parse(text, {}): its token stream ({ html: true }, as the
              oracle tests use it; not run on 50 MB, seconds a run)
ms: median (min) of the measured rounds; ratios are of medians`)
console.log(
  'size       goals rounds  floor ms    parse ms (min)      fix ms (min) fix÷floor  markdown-it ms (min)  md÷parse  md÷fix'
)
for (const goals of [20_000, 200_000, 1_000_000]) {
  const { text, stale } = generate(goals)
  const path = join(work, `goals-${goals}.md`)
  writeFileSync(path, text)
  const megabytes = Buffer.byteLength(text) / (1024 * 1024)
  // Sanity: the engine sees what was generated, and fixing settles every counter.
  const doc = parseGoals(text)
  if (doc.total !== goals || doc.categories.length !== CATEGORIES) {
    throw new Error(
      `expected ${goals} goals in ${CATEGORIES} categories, parsed ${doc.total} in ${doc.categories.length}`
    )
  }
  if (
    staleCounters(doc).length !== stale ||
    staleCounters(parseGoals(fixCounters(text))).length !== 0
  ) {
    throw new Error('fixCounters did not settle the stale counters')
  }
  const runs = megabytes > 20 ? 3 : megabytes > 5 ? 8 : 40
  const jobs: Record<string, () => unknown> = {
    floor: () => floor(path),
    parse: () => parseGoals(read(path)),
    fix: () => fixCounters(read(path))
  }
  if (megabytes < 20) jobs.md = () => markdownIt.parse(read(path), {})
  const t = race(runs, jobs)
  const cell = (name: string, width: number) => {
    const m = t[name]
    return (m ? `${m.median.toFixed(0)} (${m.min.toFixed(0)})` : '-').padStart(width)
  }
  const ratio = (a: string, b: string, width: number) => {
    const x = t[a]
    const y = t[b]
    return (x && y ? `${(x.median / y.median).toFixed(1)}x` : '-').padStart(width)
  }
  console.log(
    `${megabytes.toFixed(1).padStart(5)} MB ${String(goals).padStart(8)} ${String(runs).padStart(5)} ${(t.floor as { median: number }).median.toFixed(0).padStart(9)} ${cell('parse', 17)} ${cell('fix', 17)} ${ratio('fix', 'floor', 9)} ${cell('md', 21)} ${ratio('md', 'parse', 9)} ${ratio('md', 'fix', 7)}`
  )
}

/**
 * Whole-process runs of the built CLI: peak memory and start-up. Peak memory is
 * the child's own high-water mark (VmHWM, reset by exec), not its maxRSS: Linux
 * carries maxRSS over from the forked parent, so a child of this large process
 * would show the bench's own size as its floor.
 */
const cli = join(import.meta.dirname, '..', 'dist', 'cli.js')
const rss = join(work, 'rss.mjs')
writeFileSync(
  rss,
  "import { readFileSync } from 'node:fs'\n" +
    "process.on('exit', () => process.stderr.write(`maxrss ${/VmHWM:\\s*(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? process.resourceUsage().maxRSS}\\n`))\n"
)
const peak = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', rss, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 30
  })
  return Number(/maxrss (\d+)/.exec(r.stderr)?.[1]) / 1024
}
const big = join(work, 'goals-1000000.md')
const bigMb = Buffer.byteLength(readFileSync(big)) / (1024 * 1024)
const baseline = peak(['-e', ''])
for (const command of [['check'], ['list', '--json']]) {
  const mib = peak([cli, command[0] as string, big, ...command.slice(1)])
  console.log(
    `${command.join(' ')} on ${bigMb.toFixed(0)} MB: peak ${mib.toFixed(0)} MiB = baseline ${baseline.toFixed(0)} MiB + ${((mib - baseline) / bigMb).toFixed(2)}x the file`
  )
}

const small = join(work, 'small.md')
writeFileSync(small, generate(300).text)
const rounds = 15
const node: number[] = []
const runs: Record<string, number[]> = { list: [], check: [], fix: [] }
for (let i = 0; i < rounds; i++) {
  // Side by side, interleaved, so that load on the machine hits both alike.
  for (const [name, args] of [
    ['node', ['-e', '']],
    ['list', [cli, 'list', small]],
    ['check', [cli, 'check', small]],
    ['fix', [cli, 'fix', small]]
  ] as const) {
    const start = performance.now()
    spawnSync(process.execPath, args as readonly string[])
    ;(name === 'node' ? node : (runs[name] as number[])).push(performance.now() - start)
  }
}
const n = stats(node)
const show = (s: { min: number; median: number; max: number }) =>
  `${f(s.min, 0)} ${f(s.median, 0)} ${f(s.max, 0)}`
console.log(`start-up over ${rounds} whole-process runs (min / median / max ms):`)
console.log(`node -e ''   ${show(n)}`)
for (const [name, samples] of Object.entries(runs)) {
  const s = stats(samples)
  console.log(`${name.padEnd(12)} ${show(s)}   ${(s.median / n.median).toFixed(2)}x node`)
}
rmSync(work, { recursive: true, force: true })
