// Mutation testing of the pure core against its fast unit tests (npm run mutation).
// Narrow it with: npx stryker run --mutate 'src/goals/parse.ts'
// Feasible on a small machine: each mutant runs only the tests that cover it
// (perTest), static mutants (run once at import, so every test would cover
// them) are skipped, and generated properties run a few dozen cases each.
process.env.GOALS_PROPERTY_RUNS ??= '25'

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  mutate: ['src/goals/**/*.ts', 'src/sync/**/*.ts', '!src/**/*.test.ts'],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  coverageAnalysis: 'perTest',
  ignoreStatic: true,
  concurrency: 1,
  timeoutMS: 10_000,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
