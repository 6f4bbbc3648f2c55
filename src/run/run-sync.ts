// The run's entry point for the action and the command line: the stages live
// in index.ts, what goes in and comes out in run-report.ts.
import type { RunInput } from './run-report.ts'

export { runSync } from './index.ts'
export type { Logger, RunInput, RunReport } from './run-report.ts'

/** GOALS_SYNC_PACING=off: a local test server, where nothing needs GitHub's spacing. */
export const unpaced = (env: NodeJS.ProcessEnv) => env.GOALS_SYNC_PACING === 'off'

/** Lock timings to go with pacing off: writes are fast, so a dead run's lock expires fast too. */
export function unpacedTimings(
  env: NodeJS.ProcessEnv
): Pick<RunInput, 'lockPollMs' | 'lockTiming'> {
  return unpaced(env)
    ? { lockPollMs: 100, lockTiming: { perWriteMs: 200, spareMs: 5_000, maxWaitMs: 10_000 } }
    : {}
}
