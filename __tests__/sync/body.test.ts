// The issue body, written out by hand: goal text in it is inert, and it always
// fits GitHub's 65,536 characters.
import { describe, expect, it } from 'vitest'
import { duplicateComment, issueBody, removalComment, withTheirs } from '../../src/sync/body.ts'
import { decodeMarker, type Marker } from '../../src/sync/marker.ts'

const WJ = '\u2060'
const URL = 'https://example.test/o/r/blob/main/goals.md'
const base: Marker = {
  file: 'goals.md',
  category: 'Reading',
  title: 'read a book',
  n: 0,
  synced: 'open',
  removed: false
}
const MARK =
  '<!-- goals-sync {"v":1,"file":"goals.md","category":"Reading","title":"read a book","n":0,"synced":"open","removed":false} -->'

describe('issueBody', () => {
  it('says where the goal lives and ends with the marker', () => {
    expect(issueBody(base, { fileUrl: URL })).toBe(
      [
        `Goal in **Reading** of [\`goals.md\`](${URL}).`,
        '',
        '_Kept in step by goals-sync: close this issue or tick the box in the file, and the other follows._',
        '',
        MARK
      ].join('\n')
    )
  })
  it('a goal before the first category, removed from the file', () => {
    const body = issueBody({ ...base, category: null, removed: true }, { fileUrl: URL })
    expect(body.split('\n').slice(0, 3)).toEqual([
      `Goal before the first category of [\`goals.md\`](${URL}).`,
      '',
      '_This goal is no longer in the file. Put it back and this issue reopens._'
    ])
  })
  it('a category that carries a forged marker and a mention is shown inert', () => {
    const category = 'Evil <!-- goals-sync {"v":1} --> @bob'
    const body = issueBody({ ...base, category }, { fileUrl: URL })
    expect(body.split('\n')[0]).toBe(
      `Goal in **Evil &lt;!-- goals-sync {"v":1} --&gt; @${WJ}bob** of [\`goals.md\`](${URL}).`
    )
    expect(body.split('<!-- goals-sync').length).toBe(2)
    expect(decodeMarker(body)!.category).toBe(category)
  })
  it('a title of 256 is not quoted; one of 257 is, inert', () => {
    expect(issueBody({ ...base, title: 'a'.repeat(256) }, { fileUrl: URL })).toMatch(/^Goal in/)
    const title = `${'a'.repeat(250)} <b>@bob</b> &#64;x`
    const body = issueBody({ ...base, title }, { fileUrl: URL })
    expect(body.split('\n').slice(0, 2)).toEqual([
      `> ${'a'.repeat(250)} &lt;b&gt;@${WJ}bob&lt;/b&gt; &amp;#${WJ}64;x`,
      ''
    ])
  })
  it('a 70,000-character goal: cut with a note, body within 65,536, marker intact', () => {
    const title = `${'-@&<'.repeat(17_500)}`
    const body = issueBody({ ...base, title }, { fileUrl: URL })
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(decodeMarker(body)!.title).toBe(title.slice(0, 4096))
    expect(body.endsWith(' -->')).toBe(true)
  })
  it('a quote that would not fit is left out, never the marker', () => {
    const category = 'c'.repeat(40_000)
    const body = issueBody({ ...base, category, title: '-'.repeat(5000) }, { fileUrl: URL })
    expect(body.startsWith('Goal in **')).toBe(true)
    expect(body.length).toBeLessThanOrEqual(65_536)
    expect(decodeMarker(body)!.category).toBe(category)
  })
  it('a title cut at 4,095 (an emoji at the cut) carries the note too, as its own quoted lines', () => {
    const body = issueBody({ ...base, title: 'e'.repeat(4095) }, { fileUrl: URL })
    expect(body.split('\n').slice(0, 5)).toEqual([
      `> ${'e'.repeat(4095)}`,
      '>',
      '> _(The goal is longer than this; its full text is in the file.)_',
      '',
      `Goal in **Reading** of [\`goals.md\`](${URL}).`
    ])
  })
  it('a title at the 4,096 cut carries the note, a shorter long one does not', () => {
    const noted = issueBody({ ...base, title: 'b'.repeat(4096) }, { fileUrl: URL })
    expect(noted).toContain('> _(The goal is longer than this; its full text is in the file.)_')
    const plain = issueBody({ ...base, title: 'b'.repeat(4000) }, { fileUrl: URL })
    expect(plain).not.toContain('longer than this')
    expect(plain.startsWith(`> ${'b'.repeat(4000)}\n\nGoal in`)).toBe(true)
  })
})

describe('comments', () => {
  it('the removal comment names the file, inert', () => {
    expect(removalComment('goals.md')).toBe(
      'This goal was removed from `goals.md`, so this issue is closed as not planned. Put the goal back and the issue reopens.'
    )
    expect(removalComment('a<b>.md')).toContain('`a&lt;b&gt;.md`')
  })
  it('the duplicate comment names the issue kept', () => {
    expect(duplicateComment(12)).toBe(
      'This issue duplicates #12 for the same goal, so it is closed; #12 carries on.'
    )
  })
})

describe('withTheirs: a person’s text above the action’s part', () => {
  it('keeps what precedes the last rule and puts the new part below it', () => {
    expect(withTheirs('my notes\n\n---\n\nold part', 'new part')).toBe(
      'my notes\n\n---\n\nnew part'
    )
    expect(withTheirs('a\n\n---\n\nb\n\n---\n\nold part', 'new part')).toBe(
      'a\n\n---\n\nb\n\n---\n\nnew part'
    )
  })

  it('is the action’s part alone with no rule, a rule at the very start, or past the size limit', () => {
    expect(withTheirs('old part', 'new part')).toBe('new part')
    expect(withTheirs('\n\n---\n\nold part', 'new part')).toBe('new part')
    expect(withTheirs(`${'x'.repeat(65_530)}\n\n---\n\nold`, 'new part')).toBe('new part')
    const fits = `${'x'.repeat(65_536 - 7 - 8)}\n\n---\n\nold`
    expect(withTheirs(fits, 'new part')).toHaveLength(65_536)
  })
})
