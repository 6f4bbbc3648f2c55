// Text rules, with every expected value written out by hand.
import { describe, expect, it } from 'vitest'
import {
  categoryLabel,
  cutAt,
  identityTitle,
  inertLogLine,
  inertLogLines,
  inertMarkdown,
  inertSummaryText,
  issueTitle,
  neutraliseMentions,
  shorten,
  terminalText,
  wellFormed
} from '../../src/sync/text.ts'

const WJ = '\u2060'
const EMOJI = '\u{1F680}' // two UTF-16 units: \ud83d\ude80

/** True when the string holds no lone surrogate (what a strict JSON server demands). */
const isWellFormed = (s: string) =>
  !/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(s)

describe('cuts on code-point boundaries', () => {
  it('keeps short text as it is', () => {
    expect(cutAt('abc', 3)).toBe('abc')
    expect(cutAt('abc', 5)).toBe('abc')
  })
  it('cuts plain text at the limit', () => {
    expect(cutAt('abcdef', 4)).toBe('abcd')
  })
  it('steps back before an emoji that the limit would split', () => {
    expect(cutAt(`ab${EMOJI}`, 3)).toBe('ab')
    expect(cutAt(`ab${EMOJI}`, 4)).toBe(`ab${EMOJI}`)
    expect(cutAt(`a${EMOJI}b`, 3)).toBe(`a${EMOJI}`)
  })
  it('the first and the last code point above U+FFFF (high halves D800 and DBFF) are not split', () => {
    expect(cutAt('a\u{10000}', 2)).toBe('a')
    expect(cutAt('a\u{10FFFF}', 2)).toBe('a')
    // U+FFFF and U+D7FF are single units: kept whole.
    expect(cutAt('a\uFFFFb', 2)).toBe('a\uFFFF')
    expect(cutAt('a\uD7FFb', 2)).toBe('a\uD7FF')
  })
  it('replaces lone surrogates with U+FFFD', () => {
    expect(wellFormed('a\ud800b')).toBe('a\ufffdb')
    expect(wellFormed('a\udc00')).toBe('a\ufffd')
    expect(wellFormed(`x${EMOJI}`)).toBe(`x${EMOJI}`)
    expect(cutAt('\udc00abc', 2)).toBe('\ufffda')
  })
  it('every cut point of a run of emoji leaves well-formed text', () => {
    const text = `${'x'.repeat(250)}${EMOJI.repeat(10)}`
    for (let max = 240; max <= text.length; max++) {
      const cut = cutAt(text, max)
      expect(isWellFormed(cut), `max ${max}`).toBe(true)
      expect(cut.length).toBeLessThanOrEqual(max)
      expect(cut.length).toBeGreaterThanOrEqual(max - 1)
    }
  })
})

describe('issue titles', () => {
  it('a title of 256 stays whole', () => {
    const t = 'a'.repeat(256)
    expect(issueTitle(t)).toBe(t)
  })
  it('a longer title is cut to 255 plus an ellipsis, trailing spaces dropped', () => {
    expect(issueTitle('a'.repeat(300))).toBe(`${'a'.repeat(255)}…`)
    expect(issueTitle(`${'a'.repeat(250)}     ${'b'.repeat(50)}`)).toBe(`${'a'.repeat(250)}…`)
  })
  it('an emoji at the cut goes whole or not at all', () => {
    const t = `${'a'.repeat(254)}${EMOJI}${'b'.repeat(10)}`
    expect(issueTitle(t)).toBe(`${'a'.repeat(254)}…`)
    const u = `${'a'.repeat(253)}${EMOJI}${'b'.repeat(10)}`
    expect(issueTitle(u)).toBe(`${'a'.repeat(253)}${EMOJI}…`)
  })
  it('the identity title is the first 4,096 units', () => {
    expect(identityTitle('short')).toBe('short')
    expect(identityTitle('z'.repeat(5000))).toBe('z'.repeat(4096))
    expect(identityTitle(`${'z'.repeat(4095)}${EMOJI}`)).toBe('z'.repeat(4095))
  })
  it('shorten adds an ellipsis only when it cuts', () => {
    expect(shorten('abcdef', 6)).toBe('abcdef')
    expect(shorten('abcdefg', 6)).toBe('abcde…')
    expect(shorten(`abcd${EMOJI}x`, 6)).toBe('abcd…')
  })
})

describe('category labels', () => {
  it('a name of 50 is its own label', () => {
    const name = 'n'.repeat(50)
    expect(categoryLabel(name)).toBe(name)
  })
  it('a longer name: 42 characters, an ellipsis and 6 hex digits of its SHA-256', () => {
    // sha256('n' * 51) from `printf 'n%.0s' {1..51} | sha256sum`
    const label = categoryLabel('n'.repeat(51))
    expect(label).toBe(`${'n'.repeat(42)}… 9feeed`)
    expect(label.length).toBe(50)
  })
  it('an emoji at position 42 is not split', () => {
    const label = categoryLabel(`${'n'.repeat(41)}${EMOJI}${'m'.repeat(20)}`)
    expect(label.startsWith(`${'n'.repeat(41)}…`)).toBe(true)
    expect(isWellFormed(label)).toBe(true)
  })
  it('a cut ending in a space loses the space before the ellipsis', () => {
    expect(categoryLabel(`${'n'.repeat(41)} ${'m'.repeat(20)}`)).toMatch(/^n{41}… [0-9a-f]{6}$/)
  })
  it('long names that differ only at the end get different labels', () => {
    expect(categoryLabel(`${'n'.repeat(60)}a`)).not.toBe(categoryLabel(`${'n'.repeat(60)}b`))
  })
})

describe('mentions and references', () => {
  const cases: [string, string][] = [
    ['thank @octocat', `thank @${WJ}octocat`],
    ['@octocat first', `@${WJ}octocat first`],
    ['x`@octocat', `x\`@${WJ}octocat`],
    ['team @octo-org/core', `team @${WJ}octo-org/core`],
    ['mail me@example.com', `mail me@${WJ}example.com`],
    ['@_under', `@${WJ}_under`],
    ['@-dash', `@${WJ}-dash`],
    ['@ alone', '@ alone'],
    ['ends with @', 'ends with @'],
    ['issue #12', `issue #${WJ}12`],
    ['heading # one', 'heading # one'],
    ['#tag', '#tag'],
    ['@Ünïcode', `@${WJ}Ünïcode`]
  ]
  for (const [input, expected] of cases) {
    it(JSON.stringify(input), () => expect(neutraliseMentions(input)).toBe(expected))
  }
})

describe('inert Markdown', () => {
  it('escapes HTML, so no comment can open and no tag can render', () => {
    expect(inertMarkdown('<!-- goals-sync {} -->')).toBe('&lt;!-- goals-sync {} --&gt;')
    expect(inertMarkdown('<img src=x>')).toBe('&lt;img src=x&gt;')
  })
  it('escapes every ampersand, so no character reference spells an @', () => {
    expect(inertMarkdown('&#64;octocat')).toBe(`&amp;#${WJ}64;octocat`)
    expect(inertMarkdown('R&D')).toBe('R&amp;D')
  })
  it('breaks mentions and joins lines', () => {
    expect(inertMarkdown('hi @bob\nnext\r\nline\u2028end')).toBe(`hi @${WJ}bob next line end`)
  })
  it('the summary also escapes Markdown punctuation', () => {
    expect(inertSummaryText('a|b *c* _d_ [e](f) `g` ~h~ \\ "i" \'j\'')).toBe(
      'a\\|b \\*c\\* \\_d\\_ \\[e\\](f) \\`g\\` \\~h\\~ \\\\ \\"i\\" \\\'j\\\''
    )
    expect(inertSummaryText('<b>@x</b>')).toBe(`&lt;b&gt;@${WJ}x&lt;/b&gt;`)
  })
})

describe('log lines', () => {
  /** The runner's rules: `::` after leading white space starts a command; `##[` anywhere is one. */
  const isCommand = (line: string) => /^\s*::/.test(line) || line.includes('##[')

  it('a line starting with :: gets a word joiner in front', () => {
    expect(inertLogLine('::error file=x::boom')).toBe(`${WJ}::error file=x::boom`)
    expect(inertLogLine('  ::add-mask::x')).toBe(`${WJ}  ::add-mask::x`)
    expect(inertLogLine('\u00a0::stop-commands::t')).toBe(`${WJ}\u00a0::stop-commands::t`)
  })
  it('a :: later in the line is harmless and left alone', () => {
    expect(inertLogLine('#12 closed: a::b')).toBe('#12 closed: a::b')
  })
  it('##[ is broken wherever it is', () => {
    expect(inertLogLine('x ##[error]y ##[warning]z')).toBe(`x #${WJ}#[error]y #${WJ}#[warning]z`)
  })
  it('control characters show as escapes', () => {
    expect(inertLogLine('a\u001b[31mred\u0007\u0085\u2028b\tc')).toBe(
      'a\\u001b[31mred\\u0007\\u0085\\u2028b\tc'
    )
  })
  it('a message splits at every line break the runner splits at, each line inert', () => {
    const lines = inertLogLines('title\n::error::a\r::add-mask::b\r\n##[group]c')
    expect(lines).toEqual(['title', `${WJ}::error::a`, `${WJ}::add-mask::b`, `#${WJ}#[group]c`])
    expect(lines.filter(isCommand)).toEqual([])
  })
})

describe('terminalText', () => {
  it('keeps line breaks, tabs and ordinary text; shows every other control as an escape', () => {
    expect(terminalText('a\tb\nc — ✓ ##[x] ::y')).toBe('a\tb\nc — ✓ ##[x] ::y')
    expect(terminalText('\u001b[2Jred\u0007\u009b1m\r')).toBe(
      '\\u001b[2Jred\\u0007\\u009b1m\\u000d'
    )
    expect(terminalText('\u0000\u001f\u007f')).toBe('\\u0000\\u001f\\u007f')
    expect(terminalText('lone \ud800 half')).toBe('lone \ufffd half')
  })
})
