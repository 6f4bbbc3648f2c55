// Regenerates examples/goals-card.svg, the card the README shows, from
// examples/goals.md: `npm run example-card`. A test fails when it is stale.
import { readFileSync, writeFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseGoals } from '../src/goals/parse.ts'
import { renderCardOf } from '../src/render/card-model.ts'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
export const exampleCardPath = join(root, 'examples', 'goals-card.svg')

export function exampleCard(): string {
  const doc = parseGoals(readFileSync(join(root, 'examples', 'goals.md'), 'utf8'))
  return renderCardOf([{ title: null, doc }])
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  writeFileSync(exampleCardPath, exampleCard())
  console.log(`written ${exampleCardPath}`)
}
