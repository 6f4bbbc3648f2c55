// What a run tells the world: the action's outputs, the job summary and the
// plan as JSON, and the log's line per issue. Pure formatting, shared by the
// action and the command line. Goal and issue text in the summary is inert
// (HTML and Markdown escaped, mentions broken): it is data, not markup.
import type { RunReport } from '../run/run-sync.ts'
import { decodeMarker } from '../sync/marker.ts'
import type { MilestoneOp } from '../sync/milestones.ts'
import type { Op } from '../sync/ops.ts'
import { inertSummaryText, issueTitle } from '../sync/text.ts'

export function outputsOf(report: RunReport): Record<string, string> {
  const list = (n: number[]) => n.join(',')
  return {
    total: String(report.total),
    done: String(report.done),
    percent: String(report.percent),
    created: list(report.applied.created),
    closed: list(report.applied.closed),
    reopened: list(report.applied.reopened),
    updated: list(report.applied.updated),
    deferred: String(report.applied.deferred),
    'commit-sha': report.commit?.sha ?? '',
    plan: JSON.stringify(planJson(report))
  }
}

function describe(op: Op): Record<string, unknown> {
  switch (op.kind) {
    case 'create-label':
      return { op: 'create-label', label: op.name }
    case 'rename-label':
      return { op: 'rename-label', from: op.from, to: op.to }
    case 'create-issue':
      return {
        op: 'create-issue',
        title: op.title,
        line: op.line,
        labels: op.labels,
        close: op.close !== null
      }
    case 'update-issue':
      return {
        op:
          op.effect === 'closed'
            ? 'close-issue'
            : op.effect === 'reopened'
              ? 'reopen-issue'
              : 'update-issue',
        issue: op.number,
        why: op.why,
        ...(op.title !== undefined ? { title: op.title } : {}),
        ...(op.labels !== undefined ? { labels: op.labels } : {}),
        ...(op.stateReason !== undefined ? { reason: op.stateReason } : {})
      }
  }
}

function describeMilestone(op: MilestoneOp) {
  if (op.kind === 'create-milestone') return { op: 'create', title: op.title }
  if (op.kind === 'set-milestone') return { op: 'set', issue: op.issue, why: op.why }
  const { number, title, state, why } = op
  return {
    op: 'update',
    number,
    ...(title !== undefined ? { title } : {}),
    ...(state !== undefined ? { state } : {}),
    why
  }
}

export function planJson(report: RunReport) {
  return {
    dryRun: report.dryRun,
    skipped: report.skipped,
    branch: report.branch,
    issues: report.ops.map(describe),
    ...(report.milestones ? { milestones: report.milestones.map(describeMilestone) } : {}),
    file: report.edits.map(e => ({
      issue: e.issue,
      why: e.why,
      ...(e.checked !== undefined ? { checked: e.checked } : {}),
      ...(e.title !== undefined ? { title: e.title } : {}),
      ...(e.append ? { added: e.append } : {})
    })),
    deferred: report.applied.deferred,
    warnings: report.warnings
  }
}

/** One issue the run wrote, as people name it: by its goal's title. */
export interface TouchedIssue {
  number: number
  /** The goal's title as the issue carries it; null when the run's report does not say. */
  title: string | null
  /** created, closed, reopened, closed as not planned, updated. */
  effect: string
  why: string
}

type UpdateOp = Extract<Op, { kind: 'update-issue' }>

function updateEffect(op: UpdateOp): string {
  if (op.effect === 'closed')
    return op.stateReason === 'not_planned' ? 'closed as not planned' : 'closed'
  return op.effect
}

/** The issues this run wrote, in the order it wrote them, from its plan and what was applied. */
export function touchedIssues(report: RunReport): TouchedIssue[] {
  const creates = report.ops.filter(o => o.kind === 'create-issue')
  const updates = report.ops.filter((o): o is UpdateOp => o.kind === 'update-issue')
  const created = report.applied.created
  const out: TouchedIssue[] = []
  let made = 0
  for (const t of report.applied.touched) {
    const op = updates.find(o => o.number === t.number && o.why === t.what)
    if (op) {
      const title = op.title ?? decodeMarker(op.body)?.title ?? null
      out.push({
        number: t.number,
        title: title === null ? null : issueTitle(title),
        effect: updateEffect(op),
        why: op.why
      })
    } else if (created.includes(t.number)) {
      const create = creates[made++]
      const closed = report.applied.closed.includes(t.number)
      out.push({
        number: t.number,
        title: create?.title ?? null,
        effect: closed ? 'created and closed' : 'created',
        why: closed ? 'new goal, already ticked' : 'new goal'
      })
    } else {
      out.push({ number: t.number, title: null, effect: 'updated', why: t.what })
    }
  }
  return out
}

/** One log line per issue written: `#12 closed: learn Rust`. The logger makes it inert. */
export function issueLogLines(report: RunReport): string[] {
  return touchedIssues(report).map(t => `#${t.number} ${t.effect}: ${t.title ?? `(${t.why})`}`)
}

const BAR_CELLS = 10

/** A text bar of ten cells and the whole percentage: `█████░░░░░ 50%`. */
export function progressBar(done: number, total: number): string {
  const percent = total === 0 ? 0 : Math.floor((done * 100) / total)
  const full = total === 0 ? 0 : Math.floor((done * BAR_CELLS) / total)
  return `${'█'.repeat(full)}${'░'.repeat(BAR_CELLS - full)} ${percent}%`
}

const inert = inertSummaryText

function describePlanned(op: Op): string {
  switch (op.kind) {
    case 'create-label':
      return `create label "${inert(op.name)}"`
    case 'rename-label':
      return `rename label "${inert(op.from)}" to "${inert(op.to)}"`
    case 'create-issue':
      return `create an issue${op.close ? ' (then close it, ticked)' : ''}: ${inert(op.title)}`
    case 'update-issue': {
      const title = op.title ?? decodeMarker(op.body)?.title
      return `${updateEffect(op).replace('updated', 'update')} #${op.number}${title ? `: ${inert(issueTitle(title))}` : ''} (${inert(op.why)})`
    }
  }
}

export function summaryMarkdown(report: RunReport, issueUrl: (n: number) => string): string {
  const out: string[] = ['## Goals progress', '']
  if (report.skipped) {
    out.push(`Nothing to sync: ${inert(report.skipped)}.`)
    return out.join('\n')
  }
  out.push(
    `**${report.done}/${report.total}** goals done (${report.percent}%)${report.dryRun ? ' — dry run, nothing was written' : ''}.`,
    ''
  )
  out.push('| Category | Progress | Done |', '| --- | --- | ---: |')
  for (const c of report.categories) {
    const name = c.name === null ? '_(no category)_' : inert(c.name)
    out.push(`| ${name} | ${progressBar(c.done, c.total)} | ${c.done}/${c.total} |`)
  }
  out.push('')
  const link = (n: number) => `[#${n}](${issueUrl(n)})`
  if (report.dryRun) {
    out.push(
      `### Planned (${report.ops.length} issue operation(s), ${report.edits.length} file change(s))`,
      ''
    )
    for (const op of report.ops) out.push(`- ${describePlanned(op)}`)
    for (const m of report.milestones ?? [])
      out.push(`- milestone: ${inert(JSON.stringify(describeMilestone(m)))}`)
  } else {
    const touched = touchedIssues(report)
    if (touched.length > 0) {
      out.push('### Issues touched', '')
      for (const t of touched)
        out.push(
          `- ${link(t.number)} ${t.effect}: ${t.title === null ? '' : `${inert(t.title)} `}(${inert(t.why)})`
        )
    } else {
      out.push('No issue needed a change.')
    }
  }
  if (report.edits.length > 0) {
    out.push('', `### ${report.dryRun ? 'Planned file changes' : 'File changes'}`, '')
    for (const e of report.edits) {
      const what = e.append
        ? `added${e.append.category === null ? '' : ` to "${inert(e.append.category)}"`}`
        : e.checked === undefined
          ? `text → "${inert(e.title ?? '')}"`
          : e.checked
            ? 'ticked'
            : 'unticked'
      out.push(
        `- ${inert(issueTitle(e.marker.title))} (${link(e.issue)}): ${what} (${inert(e.why)})`
      )
    }
  }
  if (report.commit?.sha)
    out.push('', `Committed ${report.commit.files.map(inert).join(', ')} as ${report.commit.sha}.`)
  if (report.commit?.pullRequest)
    out.push(
      '',
      `Pull request: [#${report.commit.pullRequest.number}](${report.commit.pullRequest.url}).`
    )
  if (report.applied.deferred > 0)
    out.push(
      '',
      `${report.applied.deferred} operation(s) deferred to the next run (${inert(report.applied.stoppedBy ?? '')}).`
    )
  for (const note of report.notes) out.push('', inert(note))
  if (report.warnings.length > 0)
    out.push('', '### Warnings', '', ...report.warnings.map(w => `- ${inert(w)}`))
  return out.join('\n')
}
