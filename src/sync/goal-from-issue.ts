// Whether an issue opened (or labelled) on GitHub becomes a goal, and where it
// goes. Pure: the caller supplies the sender's role and whether the ledger
// already holds the issue. Labels decide the category because only people with
// triage or the repository's own issue forms can set them; a form answer, which
// the issue's author types, may only pick a category the file already has.
import { AppendError, categoryNameProblem, inertTitle } from '../goals/append.ts'
import { formAnswer } from './issue-form.ts'
import { categoryLabel } from './text.ts'

/** The form field (`### Category` in the body) read when no label names a category. */
export const FORM_CATEGORY_FIELD = 'Category'

export interface IssueFacts {
  number: number
  title: string
  state: 'open' | 'closed'
  labels: readonly string[]
  /** Login of the issue's author. */
  author: string
  body: string | null
  pullRequest: boolean
}

export interface GoalFromIssueInput {
  event: { action: 'opened' } | { action: 'labeled'; label: string }
  issue: IssueFacts
  sender: { login: string; role: string; mayTriage: boolean }
  /** The label every goal issue carries (input `label`). */
  commonLabel: string
  /** Category names of the goals file, in file order. */
  categories: readonly string[]
  /** The ledger already lists this issue as the action's. */
  inLedger: boolean
  categoryLevel?: number
}

export type GoalFromIssue =
  | {
      kind: 'add'
      /** Null: before the first category. */
      category: string | null
      /** The category is not in the file yet: its heading is added at the end. */
      newCategory: boolean
      title: string
      checked: boolean
      /** What chose the category. */
      from: 'label' | 'form' | 'none'
      /** Something worth logging about the choice, or null. */
      note: string | null
    }
  | { kind: 'ignore'; reason: string }

const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase()
/** The cut-and-hash form of a long category's label: it cannot be turned back into a name. */
const SHORTENED_LABEL = /… [0-9a-f]{6}$/

export function decideGoalFromIssue(input: GoalFromIssueInput): GoalFromIssue {
  const refusal = refusalOf(input)
  if (refusal) return ignore(input.issue, refusal)
  const { issue } = input
  const title = issue.title.trim()
  const checked = issue.state === 'closed'
  const add = (category: string | null, from: 'label' | 'form' | 'none', note: string | null) =>
    ({
      kind: 'add',
      category,
      newCategory: category !== null && !input.categories.includes(category),
      title,
      checked,
      from,
      note
    }) as const

  const others = issue.labels.filter(l => !same(l, input.commonLabel))
  const named = input.categories.filter(c => others.some(l => same(l, categoryLabel(c))))
  if (named.length > 1) {
    return ignore(
      issue,
      `carries the labels of several categories (${named.join(', ')}); remove all but one, then remove and add the "${input.commonLabel}" label again`
    )
  }
  if (named.length === 1) return add(named[0] as string, 'label', null)

  const answer = formAnswer(issue.body, FORM_CATEGORY_FIELD)
  const picked =
    answer === null
      ? undefined
      : input.categories.find(c => same(c, answer) || same(categoryLabel(c), answer))
  if (picked !== undefined) return add(picked, 'form', null)
  const formNote =
    answer === null
      ? null
      : `the form's category "${answer}" is not a category of the file, so it is not used`

  if (others.length > 1) {
    return ignore(
      issue,
      `carries several labels that name no category (${others.join(', ')}); keep one to create that category, then remove and add the "${input.commonLabel}" label again`
    )
  }
  if (others.length === 1) {
    const label = others[0] as string
    const problem = SHORTENED_LABEL.test(label)
      ? 'it is a shortened label of a long category name'
      : categoryNameProblem(label, input.categoryLevel ?? 2)
    if (problem) {
      return ignore(
        issue,
        `has the label "${label}", which names no category and cannot become one (${problem}); rename the label or use an existing category's label`
      )
    }
    return add(label, 'label', formNote)
  }
  return add(null, 'none', formNote)
}

/** Why the issue is not a goal at all, or null. */
function refusalOf({ event, issue, sender, commonLabel, inLedger }: GoalFromIssueInput) {
  if (issue.pullRequest) return 'is a pull request; only issues become goals'
  if (inLedger) return 'is already one of goals-sync’s issues'
  if (!issue.labels.some(l => same(l, commonLabel))) {
    return `does not carry the "${commonLabel}" label; only issues with it become goals`
  }
  if (event.action === 'labeled' && !same(event.label, commonLabel)) {
    return `was labelled "${event.label}", not "${commonLabel}"; a goal is adopted when the "${commonLabel}" label is added`
  }
  if (!sender.mayTriage) {
    return `was ${event.action} by ${sender.login}, whose role is "${sender.role}"; only triage or more adds goals. A maintainer can adopt it by removing and adding the "${commonLabel}" label`
  }
  if (issue.author.toLowerCase().endsWith('[bot]')) {
    return `was opened by ${issue.author}, a tool; goals come from people's issues`
  }
  // Any trace of a marker, even one too damaged to decode.
  if ((issue.body ?? '').includes('<!-- goals-sync ')) {
    return 'carries a goals-sync marker: it was made by goals-sync (perhaps for another goals file) or copied from such an issue'
  }
  if (emptyTitle(issue.title)) return 'has an empty title'
  return null
}

function emptyTitle(title: string): boolean {
  try {
    inertTitle(title)
    return false
  } catch (error) {
    if (error instanceof AppendError) return true
    throw error
  }
}

function ignore(issue: IssueFacts, why: string): GoalFromIssue {
  return { kind: 'ignore', reason: `Issue #${issue.number} ${why}.` }
}
