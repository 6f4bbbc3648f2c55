// The crash sweep: a push's sync is killed at its k-th write (for every k), rerun, and
// the outcome compared with a clean run's (SPEC §3: failed runs never leave two open
// issues for one goal; nothing is lost).
import type { Emulator } from '../../test-support/emulator/index.ts'
import { emulatorWith, goalIssues, SEEDLIKE, sync } from '../integration/harness.ts'
import {
  duplicatedTitles,
  landPush,
  openDuplicates,
  snapshot,
  within,
  writeRequests
} from './support.ts'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/** A later push that does a bit of everything: tick, untick, retitle, move, rename, remove, add. */
export const EDITED = SEEDLIKE.replace('[ ] contribute a patch', '[x] contribute a patch')
  .replace('[x] ship a side project', '[ ] ship a side project')
  .replace('negotiate a four-day week', 'negotiate a 32-hour week')
  .replace('[ ] organise a local meetup\n\n', '')
  .replace(
    '[ ] mentor two junior engineers\n',
    '[ ] mentor two junior engineers\n\n[ ] organise a local meetup\n'
  )
  .replace('## Life Goals', '## Outdoor Goals')
  .replace('[ ] learn to sail\n\n', '')
  .replace(
    '[x] run 10 km without stopping\n',
    '[x] run 10 km without stopping\n\n[ ] climb a via ferrata\n'
  )
  .concat('\n## Music Goals\n\n[ ] learn the cello\n')

export interface Scenario {
  /** A repository in the state the push starts from. */
  prepare: () => Promise<Emulator>
  /** The goals file the push lands. */
  text: string
}

export const FIRST_SYNC: Scenario = {
  prepare: () => emulatorWith({ 'goals.md': '# Goals\n' }),
  text: SEEDLIKE
}

export const LATER_PUSH: Scenario = {
  async prepare() {
    const emu = await emulatorWith({ 'goals.md': '# Goals\n' })
    await sync(emu, 'push', landPush(emu, SEEDLIKE))
    return emu
  },
  text: EDITED
}

/** Kills the push's sync at its k-th write, reruns it, and lists how the outcome differs from a clean run's. */
async function sweepOne(
  emu: Emulator,
  scenario: Scenario,
  k: number,
  expected: ReturnType<typeof snapshot>
) {
  const problems: string[] = []
  const event = landPush(emu, scenario.text)
  // 400 is in the client's doNotRetry list: the k-th write is refused and not applied. The run
  // dies there (or, for a write it can do without, such as releasing its lock, carries on).
  emu.resetLog()
  emu.failWrite(k, 400)
  try {
    await sync(emu, 'push', event)
  } catch {
    // expected for nearly every k
  }
  const refused = writeRequests(emu)[k - 1]
  const at = `k=${k} (${refused ? `${refused.method} ${refused.path}` : 'no such write'})`
  if (openDuplicates(emu).length > 0) {
    problems.push(`${at}: after the failed run, two open issues for ${openDuplicates(emu)}`)
  }

  try {
    await sync(emu, 'push', event)
  } catch (error) {
    problems.push(`${at}: the rerun failed: ${(error as Error).message}`)
    return problems
  }
  const got = snapshot(emu)
  const dups = duplicatedTitles(emu)
  if (dups.length > 0) problems.push(`${at}: duplicate issues for ${dups.join('; ')}`)
  if (!same(got.issues, expected.issues)) {
    const odd = got.issues.filter(i => !expected.issues.some(e => same(e, i)))
    problems.push(`${at}: issues differ from a clean run's: ${JSON.stringify(odd)}`)
  }
  if (!same(got.labels, expected.labels)) {
    problems.push(`${at}: labels ${got.labels.join(',')} ≠ ${expected.labels.join(',')}`)
  }
  if (got.file !== expected.file) problems.push(`${at}: goals.md at head ≠ a clean run's`)
  if (got.badge !== expected.badge) problems.push(`${at}: the badge at head ≠ a clean run's`)

  // A further rerun has nothing left to do.
  emu.resetLog()
  await sync(emu, 'push', event)
  if (emu.writes() > 0) {
    const what = writeRequests(emu).map(w => `${w.method} ${w.path}`)
    problems.push(`${at}: a second rerun still wrote: ${what.join(', ')}`)
  }

  // The failed run does not stand in the way of the next edit.
  const ticked = emu.file('main', 'goals.md')!.replace('[ ] mentor two', '[x] mentor two')
  const next = await within(15_000, sync(emu, 'push', landPush(emu, ticked)))
  if (next === 'timeout') {
    problems.push(`${at}: the next push's run was still waiting after 15 s`)
  } else if (next instanceof Error) {
    problems.push(`${at}: the next push's run failed: ${next.message}`)
  } else if (goalIssues(emu).find(i => i.title.startsWith('mentor two'))?.state !== 'closed') {
    problems.push(`${at}: the next push's run did not close the ticked goal's issue`)
  }
  return problems
}

export async function sweep(scenario: Scenario) {
  // A clean run of the push: what every interrupted one must end as, and how many writes it makes.
  const clean = await scenario.prepare()
  let writes: number
  let expected: ReturnType<typeof snapshot>
  try {
    const event = landPush(clean, scenario.text)
    clean.resetLog()
    await sync(clean, 'push', event)
    writes = clean.writes()
    expected = snapshot(clean)
  } finally {
    await clean.close()
  }

  const problems: string[] = []
  for (let k = 1; k <= writes; k++) {
    const emu = await scenario.prepare()
    try {
      problems.push(...(await sweepOne(emu, scenario, k, expected)))
    } finally {
      await emu.close()
    }
  }
  return { writes, expected, problems }
}
