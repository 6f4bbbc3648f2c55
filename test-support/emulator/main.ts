// Runs the emulator as a process for demos:
//   node test-support/emulator/main.ts --port 0 --file goals.md=path/to/goals.md
// prints {"url":...,"token":...} as one JSON line, then serves until SIGTERM or SIGINT.
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import { startEmulator } from './index.ts'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    file: { type: 'string', multiple: true, default: [] },
    owner: { type: 'string' },
    repo: { type: 'string' },
    branch: { type: 'string' }
  }
})

const files: Record<string, Buffer> = {}
for (const spec of values.file) {
  const eq = spec.indexOf('=')
  if (eq <= 0) throw new Error(`--file wants repoPath=localPath, got ${spec}`)
  files[spec.slice(0, eq)] = readFileSync(spec.slice(eq + 1))
}

const emu = await startEmulator({
  port: Number(values.port),
  files,
  ...(values.owner ? { owner: values.owner } : {}),
  ...(values.repo ? { repo: values.repo } : {}),
  ...(values.branch ? { defaultBranch: values.branch } : {})
})
process.stdout.write(
  `${JSON.stringify({ url: emu.url, token: emu.token, owner: emu.owner, repo: emu.repo })}\n`
)

const stop = () => {
  emu.close().then(
    () => process.exit(0),
    () => process.exit(1)
  )
}
process.once('SIGTERM', stop)
process.once('SIGINT', stop)
