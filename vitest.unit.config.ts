import { defineConfig } from 'vitest/config'

// The fast, pure tests (no emulator, no processes): what mutation testing runs against.
export default defineConfig({
  test: {
    include: ['__tests__/goals/**/*.test.ts', '__tests__/sync/**/*.test.ts', 'src/**/*.test.ts'],
    setupFiles: ['__tests__/goals/property-runs.ts'],
    testTimeout: 30_000
  }
})
