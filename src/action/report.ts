// What a run tells the world: the action's outputs, the job summary and the
// plan as JSON. Pure formatting, shared by the action and the command line.
import type { RunReport } from '../run/run-sync.ts'
import type { Op } from '../sync/ops.ts'

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

export function planJson(report: RunReport) {
  return {
    dryRun: report.dryRun,
    skipped: report.skipped,
    branch: report.branch,
    issues: report.ops.map(describe),
    file: report.edits.map(e => ({
      issue: e.issue,
      why: e.why,
      ...(e.checked !== undefined ? { checked: e.checked } : {}),
      ...(e.title !== undefined ? { title: e.title } : {})
    })),
    deferred: report.applied.deferred,
    warnings: report.warnings
  }
}

const escapeCell = (text: string) => text.replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ')

export function summaryMarkdown(report: RunReport, issueUrl: (n: number) => string): string {
  const out: string[] = ['## Goals progress', '']
  if (report.skipped) {
    out.push(`Nothing to sync: ${report.skipped}.`)
    return out.join('\n')
  }
  out.push(
    `**${report.done}/${report.total}** goals done (${report.percent}%)${report.dryRun ? ' — dry run, nothing was written' : ''}.`,
    ''
  )
  out.push('| Category | Done | Total | Progress |', '| --- | ---: | ---: | ---: |')
  for (const c of report.categories) {
    const percent = c.total === 0 ? 0 : Math.floor((c.done * 100) / c.total)
    out.push(`| ${escapeCell(c.name ?? '(no category)')} | ${c.done} | ${c.total} | ${percent}% |`)
  }
  out.push('')
  const touched = report.applied.touched
  if (report.dryRun) {
    out.push(
      `### Planned (${report.ops.length} issue operation(s), ${report.edits.length} file change(s))`,
      ''
    )
    for (const op of report.ops.map(describe)) out.push(`- ${escapeCell(JSON.stringify(op))}`)
  } else if (touched.length > 0) {
    out.push('### Issues touched', '')
    for (const t of touched)
      out.push(`- [#${t.number}](${issueUrl(t.number)}): ${escapeCell(t.what)}`)
  } else {
    out.push('No issue needed a change.')
  }
  if (report.edits.length > 0) {
    out.push('', `### ${report.dryRun ? 'Planned file changes' : 'File changes'}`, '')
    for (const e of report.edits) {
      const what =
        e.checked === undefined
          ? `text → "${escapeCell(e.title ?? '')}"`
          : e.checked
            ? 'ticked'
            : 'unticked'
      out.push(`- goal of [#${e.issue}](${issueUrl(e.issue)}) ${what} (${escapeCell(e.why)})`)
    }
  }
  if (report.commit?.sha)
    out.push('', `Committed \`${report.commit.files.join('`, `')}\` as ${report.commit.sha}.`)
  if (report.commit?.pullRequest)
    out.push(
      '',
      `Pull request: [#${report.commit.pullRequest.number}](${report.commit.pullRequest.url}).`
    )
  if (report.applied.deferred > 0)
    out.push(
      '',
      `${report.applied.deferred} operation(s) deferred to the next run (${report.applied.stoppedBy}).`
    )
  for (const note of report.notes) out.push('', note)
  if (report.warnings.length > 0)
    out.push('', '### Warnings', '', ...report.warnings.map(w => `- ${escapeCell(w)}`))
  return out.join('\n')
}
