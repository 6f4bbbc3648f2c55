// Setup for the fast tests: properties without an explicit count run
// GOALS_PROPERTY_RUNS cases when it is set (mutation testing sets it low, since
// every covering test runs again for each mutant).
import fc from 'fast-check'
import { propertyRuns } from './support.ts'

const runs = propertyRuns(100)
if (runs !== 100) fc.configureGlobal({ numRuns: runs })
