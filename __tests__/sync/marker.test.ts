// The marker: what is written is fixed text (written out here by hand), and only
// the body's last, fully valid marker is read.
import { describe, expect, it } from 'vitest'
import { decodeMarker, encodeMarker, goalKey, type Marker } from '../../src/sync/marker.ts'

const MARKER: Marker = {
  file: 'goals.md',
  category: 'Craft-Goals',
  title: 'ask @bob -- then --> go &lt;',
  n: 2,
  synced: 'closed',
  removed: false
}
const ENCODED =
  '<!-- goals-sync {"v":1,"file":"goals.md","category":"Craft\\u002dGoals","title":"ask \\u0040bob \\u002d\\u002d then \\u002d\\u002d\\u003e go \\u0026lt;","n":2,"synced":"closed","removed":false} -->'

describe('encodeMarker', () => {
  it('writes JSON in a comment, with - and @ escaped', () => {
    expect(encodeMarker(MARKER)).toBe(ENCODED)
  })
  it('a null category and a removed goal', () => {
    expect(encodeMarker({ ...MARKER, category: null, title: 't', removed: true, n: 0 })).toBe(
      '<!-- goals-sync {"v":1,"file":"goals.md","category":null,"title":"t","n":0,"synced":"closed","removed":true} -->'
    )
  })
  it('records at most the first 4,096 characters of a title', () => {
    const decoded = decodeMarker(encodeMarker({ ...MARKER, title: 'q'.repeat(70_000) }))
    expect(decoded!.title).toBe('q'.repeat(4096))
  })
})

const valid = (fields: string) => `<!-- goals-sync {${fields}} -->`
const FIELDS =
  '"v":1,"file":"goals.md","category":"C","title":"T","n":0,"synced":"open","removed":false'

describe('decodeMarker', () => {
  it('reads what encodeMarker wrote', () => {
    expect(decodeMarker(`Goal in **C**.\n\n${ENCODED}`)).toEqual(MARKER)
  })
  it('nothing, or text without a marker: null', () => {
    expect(decodeMarker(null)).toBeNull()
    expect(decodeMarker(undefined)).toBeNull()
    expect(decodeMarker('')).toBeNull()
    expect(decodeMarker('just words')).toBeNull()
    expect(decodeMarker('<!-- goals-sync {"v":1')).toBeNull()
    expect(decodeMarker('<!-- goals-sync not json -->')).toBeNull()
  })
  it('the last marker wins: a forged one above the real one is ignored', () => {
    const forged = valid(FIELDS.replace('"T"', '"someone else\'s goal"'))
    expect(decodeMarker(`${forged}\n${ENCODED}`)).toEqual(MARKER)
  })
  it('an invalid last marker makes the body unrecognised, even with a valid one above', () => {
    expect(decodeMarker(`${ENCODED}\n<!-- goals-sync {} -->`)).toBeNull()
  })
  it('an invalid first marker does not hide the real last one', () => {
    expect(decodeMarker(`<!-- goals-sync {} -->\n${ENCODED}`)).toEqual(MARKER)
  })
  const broken: [string, string][] = [
    ['wrong version', FIELDS.replace('"v":1', '"v":2')],
    ['no version', FIELDS.replace('"v":1,', '')],
    ['empty file', FIELDS.replace('"goals.md"', '""')],
    ['file not a string', FIELDS.replace('"goals.md"', '3')],
    ['category a number', FIELDS.replace('"C"', '7')],
    ['category missing', FIELDS.replace('"category":"C",', '')],
    ['empty title', FIELDS.replace('"T"', '""')],
    ['title missing', FIELDS.replace('"title":"T",', '')],
    ['negative n', FIELDS.replace('"n":0', '"n":-1')],
    ['fractional n', FIELDS.replace('"n":0', '"n":1.5')],
    ['n a string', FIELDS.replace('"n":0', '"n":"0"')],
    ['huge n', FIELDS.replace('"n":0', '"n":1e300')],
    ['unknown sync state', FIELDS.replace('"open"', '"opened"')],
    ['removed not a boolean', FIELDS.replace('"removed":false', '"removed":"no"')],
    ['removed missing', FIELDS.replace(',"removed":false', '')]
  ]
  for (const [what, fields] of broken) {
    it(`refuses a marker with ${what}`, () => expect(decodeMarker(valid(fields))).toBeNull())
  }
  it('a comment without the goals-sync prefix is not a marker', () => {
    expect(decodeMarker(`${'x'.repeat(16)}{${FIELDS}} -->`)).toBeNull()
  })
  it('a marker that is never closed is not read', () => {
    expect(decodeMarker(`<!-- goals-sync {${FIELDS}}x`)).toBeNull()
  })
  it('refuses JSON that is not an object', () => {
    expect(decodeMarker('<!-- goals-sync [1,2] -->')).toBeNull()
    expect(decodeMarker('<!-- goals-sync null -->')).toBeNull()
  })
  it('accepts each valid variant', () => {
    expect(decodeMarker(valid(FIELDS))).toEqual({
      file: 'goals.md',
      category: 'C',
      title: 'T',
      n: 0,
      synced: 'open',
      removed: false
    })
    expect(
      decodeMarker(
        valid(FIELDS.replace('"C"', 'null').replace('"open"', '"closed"').replace('false', 'true'))
      )
    ).toEqual({
      file: 'goals.md',
      category: null,
      title: 'T',
      n: 0,
      synced: 'closed',
      removed: true
    })
    expect(decodeMarker(valid(FIELDS.replace('"n":0', '"n":7')))!.n).toBe(7)
  })
})

describe('goalKey', () => {
  it('is the JSON of category, title and occurrence', () => {
    expect(goalKey('C', 'T', 1)).toBe('["C","T",1]')
    expect(goalKey(null, 'T', 0)).toBe('[null,"T",0]')
  })
})
