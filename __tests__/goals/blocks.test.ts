// The block-start recognisers one by one, on single lines written out by hand:
// what CommonMark/GFM counts as each block start, and the edges where it stops.
import { describe, expect, it } from 'vitest'
import {
  closesFence,
  delimiterColumns,
  fenceOpen,
  htmlBlockStart,
  isBlankFrom,
  isThematicBreak,
  listMarker,
  setextLevel,
  tableCells
} from '../../src/goals/blocks.ts'

describe('listMarker', () => {
  it('reads a bullet, its end and whether anything follows it', () => {
    expect(listMarker('- a', 0)).toEqual({
      marker: '-',
      end: 1,
      ordered: false,
      start: 0,
      empty: false
    })
    expect(listMarker('  *\tb', 2)).toEqual({
      marker: '*',
      end: 3,
      ordered: false,
      start: 0,
      empty: false
    })
    expect(listMarker('+', 0)).toEqual({
      marker: '+',
      end: 1,
      ordered: false,
      start: 0,
      empty: true
    })
    expect(listMarker('-  \t', 0)?.empty).toBe(true)
  })

  it('needs a space, a tab or the end of the line after the marker', () => {
    for (const line of ['-a', '*-', '+.', '1.a', '2)x', '3.)'])
      expect(listMarker(line, 0), line).toBeNull()
  })

  it('reads one to nine digits and a `.` or `)`, and the start number', () => {
    expect(listMarker('1. a', 0)).toEqual({
      marker: '1.',
      end: 2,
      ordered: true,
      start: 1,
      empty: false
    })
    expect(listMarker('> 007) b', 2)).toEqual({
      marker: '007)',
      end: 6,
      ordered: true,
      start: 7,
      empty: false
    })
    expect(listMarker('0.', 0)).toMatchObject({ marker: '0.', start: 0, empty: true })
    expect(listMarker('9)', 0)).toMatchObject({ marker: '9)', start: 9 })
    expect(listMarker('> > 12345. x', 4)).toMatchObject({ marker: '12345.', end: 10, start: 12345 })
    expect(listMarker('1090. x', 0)).toMatchObject({ end: 5, start: 1090 })
    expect(listMarker('123456789. x', 0)).toMatchObject({ end: 10, start: 123456789 })
    expect(listMarker('1234567890. x', 0)).toBeNull()
    expect(listMarker('12345678901. x', 0)).toBeNull()
  })

  it('refuses what is not a digit, a bullet or a marker', () => {
    for (const line of [
      'a. x',
      '/. x',
      ':. x',
      '1/. x',
      '1:. x',
      '1',
      '1 x',
      '1- x',
      '#',
      '',
      '_ x'
    ])
      expect(listMarker(line, 0), line).toBeNull()
  })
})

describe('isThematicBreak', () => {
  it('takes three or more of `-`, `*` or `_`, with spaces and tabs between', () => {
    for (const line of ['---', '***', '___', '- - -', '*\t*\t*', '_ _ _ _ ', '-----'])
      expect(isThematicBreak(line, 0), line).toBe(true)
    expect(isThematicBreak('> * * *', 2)).toBe(true)
  })

  it('refuses two, a mix, other characters, or text after', () => {
    for (const line of ['--', '* *', '*-*', '+++', '===', '~~~', '--- x', '___a', '', 'abc'])
      expect(isThematicBreak(line, 0), line).toBe(false)
  })
})

describe('setextLevel', () => {
  it('is 1 under a run of `=`, 2 under a run of `-`, with only spaces after', () => {
    expect(setextLevel('===', 0)).toBe(1)
    expect(setextLevel('=', 0)).toBe(1)
    expect(setextLevel('  ==\t ', 2)).toBe(1)
    expect(setextLevel('---', 0)).toBe(2)
    expect(setextLevel('-  ', 0)).toBe(2)
  })

  it('is 0 for mixed runs, gaps, text after, or other characters', () => {
    for (const line of ['==-', '-=', '= =', '- -', '===x', '***', '', 'a'])
      expect(setextLevel(line, 0), line).toBe(0)
  })
})

describe('fences', () => {
  it('open with three or more backticks or tildes and keep their character and length', () => {
    expect(fenceOpen('```', 0)).toEqual({ char: 96, length: 3 })
    expect(fenceOpen('~~~~~ js', 0)).toEqual({ char: 126, length: 5 })
    expect(fenceOpen('> ````ts', 2)).toEqual({ char: 96, length: 4 })
    expect(fenceOpen('> ``', 2)).toBeNull()
    for (const line of ['``', '~~', '`~`', '---', 'x```', ''])
      expect(fenceOpen(line, 0), line).toBeNull()
  })

  it('refuse a backtick in a backtick fence’s info string, not in a tilde fence’s', () => {
    expect(fenceOpen('``` a`b', 0)).toBeNull()
    expect(fenceOpen('~~~ a`b', 0)).toEqual({ char: 126, length: 3 })
  })

  it('close with as many of the same character or more, then only spaces', () => {
    const ticks = { char: 96, length: 4 }
    expect(closesFence('````', 0, ticks)).toBe(true)
    expect(closesFence('`````  ', 0, ticks)).toBe(true)
    expect(closesFence('- ````', 2, ticks)).toBe(true)
    expect(closesFence('```', 0, ticks)).toBe(false)
    expect(closesFence('- ```', 2, ticks)).toBe(false)
    expect(closesFence('```` x', 0, ticks)).toBe(false)
    expect(closesFence('~~~~', 0, ticks)).toBe(false)
  })
})

describe('htmlBlockStart', () => {
  // The end condition as something comparable: its pattern, 'blank', or null.
  const end = (line: string, interrupting = true, at = 0) => {
    const e = htmlBlockStart(line, at, interrupting)
    return e instanceof RegExp ? e.source : e
  }

  it('ends raw text, comments, processing instructions, declarations and CDATA at their closers', () => {
    expect(end('<!-- note')).toBe('-->')
    expect(end('<?php')).toBe('\\?>')
    expect(end('<![CDATA[ x')).toBe('\\]\\]>')
    expect(end('<!DOCTYPE html>')).toBe('>')
    expect(end('  <!-- indented', true, 2)).toBe('-->')
  })

  it('opens raw text on script, pre, style and textarea, any case, ended by any of their close tags', () => {
    for (const line of ['<script>', '<pre', '<style type="x">', '<TEXTAREA>', '<pre\tclass="x"']) {
      const close = htmlBlockStart(line, 0, true)
      expect(close, line).toBeInstanceOf(RegExp)
      const closes = (l: string) => (close as RegExp).test(l)
      expect(['x </style> y', '</PRE>', '</script>', '</textarea>'].every(closes), line).toBe(true)
      expect(['</div>', '</scripts>', '</pre', '<pre>'].some(closes), line).toBe(false)
    }
    for (const line of ['<scripts>', '<prefix', '<x <script>', '<s <pre>'])
      expect(end(line), line).toBeNull()
  })

  it('refuses a `<!` that starts none of those, and a `<` that is not first', () => {
    expect(end('<!-x', false)).toBeNull()
    expect(end('<!1', false)).toBeNull()
    expect(end('<x <!a', true)).toBeNull()
    expect(end('x<div>', false)).toBeNull()
    expect(end('x <div>', false, 1)).toBeNull()
    expect(end('  <div>', false, 1)).toBeNull()
  })

  it('starts kind 6 on a block tag name, any case, ended by space, `>`, `/>` or the line end', () => {
    for (const line of ['<div>', '</div>', '<DIV class="x">', '<Table', '<p/>', '<hr />', '<div x'])
      expect(end(line), line).toBe('blank')
    expect(end('> <section>', true, 2)).toBe('blank')
  })

  it('knows every block tag name of CommonMark’s kind 6', () => {
    const names =
      'address article aside base basefont blockquote body caption center col colgroup dd details ' +
      'dialog dir div dl dt fieldset figcaption figure footer form frame frameset h1 h2 h3 h4 h5 ' +
      'h6 head header hr html iframe legend li link main menu menuitem nav noframes ol optgroup ' +
      'option p param search section summary table tbody td tfoot th thead title tr track ul'
    for (const name of names.split(' ')) {
      expect(end(`<${name}>`), name).toBe('blank')
      expect(end(`</${name.toUpperCase()} `), name).toBe('blank')
    }
    for (const name of ['span', 'a', 'em', 'source', 'h7', 'img', 'input'])
      expect(end(`<${name}>`), name).toBeNull()
  })

  it('does not start kind 6 on a longer name, a `/` without `>`, or a block tag later in the line', () => {
    expect(end('<divx>')).toBeNull()
    expect(end('<div/x')).toBeNull()
    expect(end('<x <div>')).toBeNull()
    expect(end('<<div>')).toBeNull()
    expect(end('<d>')).toBeNull()
  })

  it('starts kind 7 on a whole open or close tag alone on its line, but not to interrupt a paragraph', () => {
    for (const line of ['<span>', '</span>', '<a href="x" title=\'y\' data-z=1 hidden>', '<br/>'])
      expect([end(line, false), end(line, true)], line).toEqual(['blank', null])
    for (const line of ['<span> text', '<a href=">', '<div/x', '<1a>'])
      expect(end(line, false), line).toBeNull()
  })
})

describe('tableCells', () => {
  it('counts cells between pipes, outer pipes optional', () => {
    expect(tableCells('a')).toBe(1)
    expect(tableCells('a | b')).toBe(2)
    expect(tableCells('| a | b |')).toBe(2)
    expect(tableCells('|a')).toBe(1)
    expect(tableCells('a|')).toBe(1)
    expect(tableCells('a|b|')).toBe(2)
    expect(tableCells('  | a | b |  ')).toBe(2)
    expect(tableCells('||')).toBe(1)
  })

  it('counts a lone pipe as one cell', () => {
    expect(tableCells('|')).toBe(1)
  })

  it('takes an escaped pipe as text, at the end too', () => {
    expect(tableCells('a \\| b')).toBe(1)
    expect(tableCells('| a \\| b |')).toBe(1)
    expect(tableCells('a\\|')).toBe(1)
    expect(tableCells('a\\\\|b')).toBe(2)
  })
})

describe('delimiterColumns', () => {
  it('counts the columns of a delimiter row, outer pipes optional', () => {
    expect(delimiterColumns('| --- | :-: |', 0)).toBe(2)
    expect(delimiterColumns('---|---', 0)).toBe(2)
    expect(delimiterColumns('|---|', 0)).toBe(1)
    expect(delimiterColumns('---|', 0)).toBe(1)
    expect(delimiterColumns(':--', 0)).toBe(1)
    expect(delimiterColumns('|:-|-:|--|', 0)).toBe(3)
    expect(delimiterColumns('> | --- |  ', 2)).toBe(1)
    expect(delimiterColumns('  | --- |', 0)).toBe(1)
  })

  it('is 0 for a row that is not only delimiters', () => {
    for (const line of [
      '',
      '|',
      '| x |',
      '| --- | x |',
      '|---||---|',
      '| : |',
      '|::-|',
      '|-::|',
      '|--:-|',
      '- | ---',
      '-\t---',
      '| --- |\u00a0--- |',
      '|\u00a0---\u00a0|',
      '= | ---'
    ])
      expect(delimiterColumns(line, 0), JSON.stringify(line)).toBe(0)
  })
})

describe('isBlankFrom', () => {
  it('is true when only spaces and tabs follow', () => {
    expect(isBlankFrom('', 0)).toBe(true)
    expect(isBlankFrom('x \t ', 1)).toBe(true)
    expect(isBlankFrom('x', 1)).toBe(true)
    expect(isBlankFrom(' x', 0)).toBe(false)
    expect(isBlankFrom('\tx', 0)).toBe(false)
    expect(isBlankFrom(' \u00a0', 0)).toBe(false)
  })
})
