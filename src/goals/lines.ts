// A goals file is edited line by line; keeping each line's own ending (and the
// BOM) separately is what lets an untouched file round-trip byte for byte.

export interface Line {
  /** The line without its ending. */
  text: string
  /** '\n', '\r\n', '\r' or '' (last line without a final newline). */
  eol: string
}

export interface SplitText {
  bom: string
  lines: Line[]
}

const BOM = '\uFEFF'

export function splitLines(source: string): SplitText {
  const bom = source.startsWith(BOM) ? BOM : ''
  const body = bom ? source.slice(1) : source
  const lines: Line[] = []
  let start = 0
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i)
    if (c === 10 /* \n */) {
      lines.push({ text: body.slice(start, i), eol: '\n' })
      start = i + 1
    } else if (c === 13 /* \r */) {
      const crlf = body.charCodeAt(i + 1) === 10
      lines.push({ text: body.slice(start, i), eol: crlf ? '\r\n' : '\r' })
      if (crlf) i++
      start = i + 1
    }
  }
  if (start < body.length) lines.push({ text: body.slice(start), eol: '' })
  return { bom, lines }
}

export function joinLines({ bom, lines }: SplitText): string {
  let out = bom
  for (const line of lines) out += line.text + line.eol
  return out
}
