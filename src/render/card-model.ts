// What the card shows of a parsed goals file: a row per category in file order,
// and one first row for goals above the first category heading, if any.
import type { GoalsDoc } from '../goals/model.ts'
import { renderCard, UNCATEGORISED, type CardCategory, type CardModel } from './card.ts'

export function cardCategoriesOf(doc: GoalsDoc): CardCategory[] {
  const rows = doc.categories.map(c => ({ name: c.name, done: c.done, total: c.total }))
  const loose = doc.goals.filter(g => g.category === null)
  if (loose.length > 0)
    rows.unshift({
      name: UNCATEGORISED,
      done: loose.filter(g => g.checked).length,
      total: loose.length
    })
  return rows
}

/** The card of one goals file, or of several: one titled section per file. */
export function cardModelOf(files: { title: string | null; doc: GoalsDoc }[]): CardModel {
  return { sections: files.map(f => ({ title: f.title, categories: cardCategoriesOf(f.doc) })) }
}

/** The card's SVG for parsed goals files: what `fix --card` and the action write. */
export function renderCardOf(files: { title: string | null; doc: GoalsDoc }[]): string {
  return renderCard(cardModelOf(files))
}
