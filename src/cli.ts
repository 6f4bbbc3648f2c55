// The goals-sync command line. Exit codes: 0 fine, 1 `check` found stale
// counters (or a sync failed), 2 the call or a file was wrong.
// Only what every command needs is imported here: plan and sync (Octokit) and
// the renderers (font tables) are loaded when asked for, so that list, check
// and fix start about as fast as Node itself.
import { createRequire } from 'node:module'
import { parseArgs, UsageError } from './cli/args.ts'
import {
  checkCommand,
  FileError,
  fixCommand,
  listCommand,
  PICTURES,
  type Io
} from './cli/goals-commands.ts'
import { SYNC_FLAGS } from './cli/sync-flags.ts'

export const HELP = `goals-sync — keep a goals checklist and GitHub issues in step

Usage:
  goals-sync list FILE [--json]        categories and goals as the action sees them
  goals-sync check FILE                exit 1 naming each stale counter, else 0
  goals-sync fix FILE [--badge PATH] [--card PATH]
                                       rewrite stale counters in place; write the badge and card
  goals-sync plan --repo OWNER/NAME    what a sync would do (reads only)
  goals-sync sync --repo OWNER/NAME    sync the repository's goals file and issues both ways
  goals-sync --help | --version

Options:
  --level N     heading level of categories (default 2)
  --json        with list: JSON; with plan/sync: also print the plan as JSON

plan and sync read the token from GITHUB_TOKEN and the API address from
GITHUB_API_URL (GitHub Enterprise Server). They take the action's inputs as
flags: --path, --badge, --label, --branch, --conflict, --commit-message,
--commit, --sync-titles, --milestones, --max-writes, --config.
`

/** The flags each command takes; anything else is a mistake worth saying so. */
const ALLOWED_FLAGS: Record<string, string[]> = {
  list: ['json', 'level'],
  check: ['level'],
  fix: [...Object.keys(PICTURES), 'level'],
  plan: ['json', ...SYNC_FLAGS],
  sync: ['json', ...SYNC_FLAGS]
}

export async function runCli(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv, ['level', 'card', ...SYNC_FLAGS])
    if (args.flags.has('help') || args.flags.has('h') || args.command === 'help') {
      io.out(HELP)
      return 0
    }
    if (args.flags.has('version') || args.flags.has('v') || args.command === 'version') {
      io.out(version())
      return 0
    }
    const allowed = ALLOWED_FLAGS[args.command ?? '']
    for (const flag of args.flags.keys()) {
      if (allowed && !allowed.includes(flag)) {
        throw new UsageError(`"${args.command}" does not take --${flag}`)
      }
    }
    const extra = args.positionals.slice(args.command === 'plan' || args.command === 'sync' ? 0 : 1)
    if (allowed && extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"`)
    const level = levelFlag(args.flags.get('level'))
    const file = args.positionals[0]
    const needFile = () => {
      if (file === undefined)
        throw new UsageError(
          `"${args.command}" needs a goals file: goals-sync ${args.command} FILE`
        )
      return file
    }
    switch (args.command) {
      case 'list':
        return await listCommand(needFile(), args.flags.has('json'), level, io)
      case 'check':
        return await checkCommand(needFile(), level, io)
      case 'fix': {
        const pictures = new Map<string, string>()
        for (const kind of Object.keys(PICTURES)) {
          const target = args.flags.get(kind)
          if (typeof target === 'string') pictures.set(kind, target)
        }
        return await fixCommand(needFile(), pictures, level, io)
      }
      case 'plan':
      case 'sync':
        return await (
          await import('./cli/sync-commands.ts')
        ).syncCommand(args.command === 'sync', args.flags, process.env, io)
      case undefined:
        throw new UsageError('no command given')
      default:
        throw new UsageError(`unknown command "${args.command}"`)
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`goals-sync: ${error.message}\n\n${HELP}`)
      return 2
    }
    if (error instanceof FileError) {
      io.err(`goals-sync: ${error.message}`)
      return 2
    }
    throw error
  }
}

/** The bundler inlines package.json here, so the version is the one dist/ was built from. */
function version(): string {
  return (createRequire(import.meta.url)('../package.json') as { version: string }).version
}

function levelFlag(value: string | true | undefined): number {
  if (value === undefined) return 2
  const n = Number(value)
  if (!Number.isInteger(n) || n < 1 || n > 6)
    throw new UsageError('--level takes a heading level from 1 to 6')
  return n
}

const io: Io = {
  out: text => process.stdout.write(`${text}\n`),
  err: text => process.stderr.write(`${text}\n`),
  write: chunk => paced(process.stdout, chunk),
  writeErr: chunk => paced(process.stderr, chunk)
}

function paced(stream: NodeJS.WriteStream, chunk: string): Promise<void> {
  return new Promise(resolve => {
    if (stream.write(chunk)) resolve()
    else stream.once('drain', resolve)
  })
}

runCli(process.argv.slice(2), io).then(
  code => {
    process.exitCode = code
  },
  (error: unknown) => {
    io.err(
      `goals-sync: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`
    )
    process.exitCode = 2
  }
)
