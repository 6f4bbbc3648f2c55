// A deliberately small argument parser: the command line has a handful of flags,
// and a dependency for that would be more code to audit than this.

export interface ParsedArgs {
  command: string | undefined
  positionals: string[]
  flags: Map<string, string | true>
}

export class UsageError extends Error {}

/** `valued` lists flags that take a value (`--badge PATH` or `--badge=PATH`). */
export function parseArgs(argv: readonly string[], valued: readonly string[]): ParsedArgs {
  const positionals: string[] = []
  const flags = new Map<string, string | true>()
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1))
      break
    }
    if (arg.startsWith('--') || (arg.startsWith('-') && arg.length === 2)) {
      const eq = arg.indexOf('=')
      const name = (eq === -1 ? arg : arg.slice(0, eq)).replace(/^--?/, '')
      if (valued.includes(name)) {
        const value = eq === -1 ? argv[++i] : arg.slice(eq + 1)
        if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`)
        flags.set(name, value)
      } else {
        if (eq !== -1) throw new UsageError(`--${name} takes no value`)
        flags.set(name, true)
      }
    } else {
      positionals.push(arg)
    }
  }
  return { command: positionals.shift(), positionals, flags }
}
