// Reading the answers of a GitHub issue form back out of the issue body. GitHub
// writes each field as a `### <label>` heading followed by the answer, and
// `_No response_` for a field left empty.

const NO_RESPONSE = '_No response_'

/** The answer under the form field labelled `label` (any case), or null when absent or empty. */
export function formAnswer(body: string | null | undefined, label: string): string | null {
  if (!body) return null
  const lines = body.split(/\r\n|\r|\n/)
  const wanted = label.toLowerCase()
  const start = lines.findIndex(
    l => /^###[ \t]/.test(l) && l.slice(4).trim().toLowerCase() === wanted
  )
  if (start === -1) return null
  const answer: string[] = []
  for (const line of lines.slice(start + 1)) {
    if (/^###[ \t]/.test(line)) break
    answer.push(line)
  }
  const text = answer.join('\n').trim()
  return text === '' || text === NO_RESPONSE ? null : text
}
