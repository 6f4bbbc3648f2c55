// A goals file read in pieces of any size: bytes are decoded as they come and
// cut into lines, so the whole text is never held at once. A piece may end
// inside a UTF-8 character, between the '\r' and '\n' of a CRLF, or mid-line.
import type { GoalsReader } from './parse.ts'

export class NotUtf8Error extends Error {}

export class LineFeed {
  private readonly into: GoalsReader
  // Strict, as whole-file reading is: a file that is not UTF-8 is refused, not patched.
  private readonly decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })
  /** The start of a line whose end has not come yet. */
  private partial = ''
  /** The last piece ended with '\r': a '\n' opening the next belongs to that line's end. */
  private afterCr = false
  private started = false

  constructor(into: GoalsReader) {
    this.into = into
  }

  bytes(piece: Uint8Array): void {
    this.text(this.decode(piece, true))
  }

  end(): ReturnType<GoalsReader['end']> {
    this.text(this.decode(new Uint8Array(0), false))
    if (this.partial !== '') this.into.line(this.partial)
    return this.into.end()
  }

  private decode(piece: Uint8Array, stream: boolean): string {
    try {
      return this.decoder.decode(piece, { stream })
    } catch {
      throw new NotUtf8Error('not UTF-8')
    }
  }

  private text(chunk: string): void {
    if (chunk === '') return
    let at = 0
    if (!this.started) {
      this.started = true
      if (chunk.charCodeAt(0) === 0xfeff) at = 1
    }
    if (this.afterCr && chunk.charCodeAt(at) === 10) at++
    this.afterCr = false
    const { into } = this
    // Ends where no line end is left, at the latest once the chunk is used up.
    for (;;) {
      let end = at
      let c = 0
      for (; end < chunk.length; end++) {
        c = chunk.charCodeAt(end)
        if (c === 10 || c === 13) break
      }
      if (end === chunk.length) {
        this.partial += chunk.slice(at)
        return
      }
      into.line(this.partial + chunk.slice(at, end))
      this.partial = ''
      at = end + 1
      if (c === 13) {
        if (at === chunk.length) this.afterCr = true
        else if (chunk.charCodeAt(at) === 10) at++
      }
    }
  }
}
