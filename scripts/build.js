// Builds dist/ (the action and the command line) from src/.
// With --check it builds in memory and fails when the committed dist/ differs,
// so a commit that changes src/ without rebuilding cannot pass CI.
import { execFileSync } from 'node:child_process'
import { mkdirSync, readFileSync, writeFileSync, existsSync, readdirSync, rmSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ncc from '@vercel/ncc'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const check = process.argv.includes('--check')
const buildDir = join(root, '.build')
const distDir = join(root, 'dist')

rmSync(buildDir, { recursive: true, force: true })
execFileSync(
  process.execPath,
  [join(root, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.build.json'],
  {
    cwd: root,
    stdio: 'inherit'
  }
)

const entries = { 'index.js': 'index.js', 'cli.js': 'cli.js' }
/** @type {Map<string, Buffer>} */
const files = new Map()
files.set('package.json', Buffer.from('{ "type": "module" }\n'))
for (const [out, entry] of Object.entries(entries)) {
  const { code, assets } = await ncc(join(buildDir, entry), {
    minify: false,
    sourceMap: false,
    license: 'licenses.txt',
    quiet: true,
    target: 'es2023'
  })
  if (code.includes('@@notfound')) {
    console.error(`bundle ${out} has unresolved modules (@@notfound): refusing to write it`)
    process.exit(1)
  }
  const body = out === 'cli.js' && !code.startsWith('#!') ? `#!/usr/bin/env node\n${code}` : code
  files.set(out, Buffer.from(body))
  for (const [name, asset] of Object.entries(assets ?? {})) {
    if (name === 'package.json') continue
    const prior = files.get(name)
    const next = Buffer.from(asset.source)
    // Both bundles share one folder, so a shared asset must be identical in both.
    if (prior && name !== 'licenses.txt' && !prior.equals(next)) {
      console.error(`asset ${name} differs between bundles`)
      process.exit(1)
    }
    files.set(name, prior && name === 'licenses.txt' ? mergeLicenses(prior, next) : next)
  }
}

function mergeLicenses(a, b) {
  const seen = new Set(a.toString().split('\n\n'))
  const extra = b
    .toString()
    .split('\n\n')
    .filter(block => !seen.has(block))
  return Buffer.from([a.toString(), ...extra].join('\n\n'))
}

if (check) {
  const stale = []
  for (const [name, content] of files) {
    const path = join(distDir, name)
    if (!existsSync(path) || !readFileSync(path).equals(content)) stale.push(name)
  }
  const extra = existsSync(distDir) ? readdirSync(distDir).filter(n => !files.has(n)) : []
  stale.push(...extra.map(n => `${n} (not produced by the build)`))
  if (stale.length > 0) {
    console.error(`dist/ is stale: ${stale.join(', ')}. Run "npm run bundle" and commit dist/.`)
    process.exit(1)
  }
  console.log('dist/ is up to date')
} else {
  rmSync(distDir, { recursive: true, force: true })
  mkdirSync(distDir, { recursive: true })
  for (const [name, content] of files) {
    mkdirSync(dirname(join(distDir, name)), { recursive: true })
    writeFileSync(join(distDir, name), content, { mode: name === 'cli.js' ? 0o755 : 0o644 })
  }
  console.log(`dist/ written: ${[...files.keys()].join(', ')}`)
}
