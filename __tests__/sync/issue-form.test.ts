// The example issue form is a valid GitHub issue form whose dropdown offers the
// example's categories, and its answers are read back from the body GitHub writes.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { parseGoals } from '../../src/goals/parse.ts'
import { formAnswer } from '../../src/sync/issue-form.ts'
import { repoRoot } from '../goals/support.ts'

const FORM = join(repoRoot, 'examples', '.github', 'ISSUE_TEMPLATE', 'goal.yml')
const FIELD_TYPES = ['markdown', 'textarea', 'input', 'dropdown', 'checkboxes']
const TOP_KEYS = ['name', 'description', 'title', 'labels', 'assignees', 'projects', 'type', 'body']

type Field = { type?: unknown; id?: unknown; attributes?: Record<string, unknown> }

/** The issue-form rules GitHub enforces that this form could break. */
function formProblems(form: Record<string, unknown>): string[] {
  const problems: string[] = []
  for (const key of Object.keys(form))
    if (!TOP_KEYS.includes(key)) problems.push(`unknown key ${key}`)
  for (const key of ['name', 'description']) {
    if (typeof form[key] !== 'string' || form[key] === '') problems.push(`${key} is required`)
  }
  const body = form.body as Field[] | undefined
  if (!Array.isArray(body) || body.length === 0)
    return [...problems, 'body must be a non-empty list']
  if (!body.some(f => f.type !== 'markdown'))
    problems.push('body needs a field that is not markdown')
  const ids = new Set<string>()
  const labels = new Set<string>()
  for (const [i, field] of body.entries()) {
    const where = `body[${i}]`
    if (!FIELD_TYPES.includes(String(field.type)))
      problems.push(`${where}: bad type ${String(field.type)}`)
    if (field.id !== undefined) {
      if (typeof field.id !== 'string' || !/^[A-Za-z0-9_-]+$/.test(field.id))
        problems.push(`${where}: bad id`)
      else if (ids.has(field.id)) problems.push(`${where}: duplicate id ${field.id}`)
      else ids.add(field.id)
    }
    const a = field.attributes
    if (!a || typeof a !== 'object') {
      problems.push(`${where}: attributes are required`)
      continue
    }
    if (field.type === 'markdown') {
      if (typeof a.value !== 'string' || a.value === '')
        problems.push(`${where}: markdown needs a value`)
      continue
    }
    if (typeof a.label !== 'string' || a.label.trim() === '')
      problems.push(`${where}: label is required`)
    else if (labels.has(a.label)) problems.push(`${where}: duplicate label ${a.label}`)
    else labels.add(a.label)
    if (field.type === 'dropdown' || field.type === 'checkboxes') {
      const options = a.options as unknown[]
      if (!Array.isArray(options) || options.length === 0)
        problems.push(`${where}: options must be non-empty`)
      else {
        const names = options.map(o =>
          field.type === 'checkboxes' ? (o as { label?: unknown }).label : o
        )
        if (names.some(n => typeof n !== 'string' || n === ''))
          problems.push(`${where}: empty option`)
        if (new Set(names).size !== names.length) problems.push(`${where}: options must be unique`)
      }
    }
  }
  return problems
}

describe('the example issue form', () => {
  const form = parse(readFileSync(FORM, 'utf8')) as Record<string, unknown>

  it('follows the issue-form rules', () => {
    expect(formProblems(form)).toEqual([])
  })

  it('applies the common label and offers exactly the categories of examples/goals.md', () => {
    expect(form.labels).toEqual(['goal'])
    const dropdown = (form.body as Field[]).find(f => f.type === 'dropdown')
    expect(dropdown?.attributes?.label).toBe('Category')
    const categories = parseGoals(
      readFileSync(join(repoRoot, 'examples', 'goals.md'), 'utf8')
    ).categories
    expect(categories.map(c => c.name)).toEqual(['Learning', 'Open source', 'Career'])
    expect(dropdown?.attributes?.options).toEqual(['Learning', 'Open source', 'Career'])
  })

  it('the rule checker itself catches broken forms', () => {
    expect(formProblems({ name: 'x', description: 'y', body: [] })).toEqual([
      'body must be a non-empty list'
    ])
    expect(
      formProblems({
        name: 'x',
        description: '',
        colour: 1,
        body: [
          { type: 'dropdown', id: 'a', attributes: { label: 'A', options: [] } },
          { type: 'input', id: 'a', attributes: { label: 'A' } },
          { type: 'select', attributes: { label: 'B' } }
        ]
      })
    ).toEqual([
      'unknown key colour',
      'description is required',
      'body[0]: options must be non-empty',
      'body[1]: duplicate id a',
      'body[1]: duplicate label A',
      'body[2]: bad type select'
    ])
  })
})

describe('formAnswer', () => {
  const body = '### Category\n\nOpen source\n\n### Why it matters\n\n_No response_\n'

  it('reads the answer under its heading, in any case, with any line endings', () => {
    expect(formAnswer(body, 'Category')).toBe('Open source')
    expect(formAnswer(body, 'category')).toBe('Open source')
    expect(formAnswer(body.replace(/\n/g, '\r\n'), 'Category')).toBe('Open source')
  })

  it('an empty or missing field is null', () => {
    expect(formAnswer(body, 'Why it matters')).toBeNull()
    expect(formAnswer(body, 'Deadline')).toBeNull()
    expect(formAnswer('### Category\n\n', 'Category')).toBeNull()
    expect(formAnswer(null, 'Category')).toBeNull()
    expect(formAnswer('#### Category\n\nLearning', 'Category')).toBeNull()
  })

  it('a heading with trailing spaces is still the field; "###" inside a line is text', () => {
    expect(formAnswer('### Category  \n\nCareer', 'Category')).toBe('Career')
    expect(formAnswer('### Notes\n\nsee ### below\n### Category\n\nCareer', 'Notes')).toBe(
      'see ### below'
    )
  })

  it('keeps a multi-line answer and stops at the next field', () => {
    expect(formAnswer('### Notes\n\nline one\nline two\n### Category\n\nCareer', 'Notes')).toBe(
      'line one\nline two'
    )
  })
})
