// The card the README shows is the card of examples/goals.md as it is now.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { exampleCard, exampleCardPath } from '../../scripts/example-card.ts'

describe('examples/goals-card.svg', () => {
  const committed = readFileSync(exampleCardPath, 'utf8')

  it('shows the example goals file: three categories and the total', () => {
    const rows = [...committed.matchAll(/<g>\n<title>([^<]*)<\/title>/g)].map(m => m[1])
    expect(rows).toEqual(['Learning: 1/3', 'Open source: 2/4', 'Career: 0/2', 'Total: 3/9'])
  })

  it('is fresh: run "npm run example-card" after changing examples/goals.md or the card', () => {
    expect(committed).toBe(exampleCard())
  })
})
