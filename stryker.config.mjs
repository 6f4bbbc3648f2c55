// Mutation testing of the pure core against its fast unit tests (npm run mutation).
// Narrow it with: npx stryker run --mutate 'src/goals/parse.ts'
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.unit.config.ts' },
  mutate: ['src/goals/**/*.ts', 'src/sync/**/*.ts', '!src/**/*.test.ts'],
  reporters: ['clear-text', 'progress', 'html'],
  htmlReporter: { fileName: 'reports/mutation/index.html' },
  coverageAnalysis: 'perTest',
  concurrency: 2,
  thresholds: { high: 90, low: 85, break: null },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
