// The progress badge, drawn with shields.io's own renderer so it looks like the
// badges people already have in their READMEs.
import { makeBadge } from 'badge-maker'

export function percentOf(done: number, total: number): number {
  return total === 0 ? 0 : Math.floor((done * 100) / total)
}

/** Colour steps follow the usual coverage-badge convention: red when nothing is done, green when all is. */
export function badgeColor(done: number, total: number): string {
  if (total === 0) return 'lightgrey'
  if (done === total) return 'brightgreen'
  const percent = percentOf(done, total)
  if (percent >= 75) return 'green'
  if (percent >= 50) return 'yellowgreen'
  if (percent >= 25) return 'yellow'
  if (percent > 0) return 'orange'
  return 'red'
}

export function renderBadge(done: number, total: number): string {
  const svg = makeBadge({
    label: 'goals',
    message: `${done}/${total}`,
    color: badgeColor(done, total)
  })
  return `${svg}\n`
}
