// What a user, the Marketplace and the pre-commit framework read from the
// repository: action.yml, the hook definition, the licence and the changelog.
import { readFileSync } from 'node:fs'
import { join, resolve, dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const read = (path: string) => readFileSync(join(root, path), 'utf8')
const pkg = JSON.parse(read('package.json'))

describe('action.yml', () => {
  const action = parse(read('action.yml'))

  it('fits the Marketplace: a name, a description of at most 125 characters, branding', () => {
    expect(action.name).toBe('Goals checklist sync')
    expect(action.description.length).toBeLessThanOrEqual(125)
    expect(action.branding).toEqual({ icon: 'check-square', color: 'green' })
  })

  it('runs the committed bundle on node24', () => {
    expect(action.runs).toEqual({ using: 'node24', main: 'dist/index.js' })
  })

  it('has the card input, next to the badge', () => {
    expect(action.inputs.card.default).toBe('.github/badges/goals-card.svg')
    expect(action.inputs.badge.default).toBe('.github/badges/goals.svg')
  })
})

describe('.pre-commit-hooks.yaml', () => {
  it('runs the package command "goals-sync check" on goals.md', () => {
    const [hook] = parse(read('.pre-commit-hooks.yaml'))
    expect(hook.id).toBe('goals-sync-check')
    expect(hook.language).toBe('node')
    expect(hook.entry).toBe('goals-sync check')
    expect(Object.keys(pkg.bin)).toEqual(['goals-sync'])
    expect(new RegExp(hook.files).test('goals.md')).toBe(true)
    expect(new RegExp(hook.files).test('docs/goals.md.bak')).toBe(false)
  })
})

describe('release files', () => {
  it('has the MIT licence that package.json names', () => {
    expect(pkg.license).toBe('MIT')
    expect(read('LICENSE')).toMatch(/^MIT License\n/)
  })

  it('has a CHANGELOG section for the package version', () => {
    expect(read('CHANGELOG.md')).toContain(`## [${pkg.version}]`)
  })
})
