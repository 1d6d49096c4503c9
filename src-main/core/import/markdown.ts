// Reads a Markdown document into blocks: headings, list items with their numbers and nesting,
// paragraphs, table rows and code, inline markup stripped to the text a reader sees; YAML front
// matter gives the title, author and date. A small line reader for the subset legal drafts use.
import { parse as parseYaml } from 'yaml'
import type { Block, BlockKind, DocumentMeta, ReadResult } from './types'
import { htmlFragmentBlocks } from './html'
import { stripInline } from './markdown-inline'
import { hasWords, invalidFile, isoDate } from './text-kit'

/**
 * Departures from CommonMark, chosen for agreements written in Markdown:
 * - An indented line is text, not code: drafters indent sub-clauses; code comes fenced.
 * - List nesting is lenient: an item nests under the item above when its marker is indented
 *   further than that item's marker (CommonMark wants it past the item's text).
 * - Blockquotes are read through: their content is read like the rest, and a change of quote
 *   depth ends a paragraph.
 * - An HTML block (a line starting with a block-level tag) runs to the next blank line and is
 *   read by the HTML reader, so its headings, lists and tables keep their kinds.
 */
const ATX = /^(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$/
const SETEXT = /^(=+|-+)[ \t]*$/
const THEMATIC_BREAK = /^([-*_])(?:[ \t]*\1){2,}[ \t]*$/
const FENCE = /^(`{3,}|~{3,})/
const ITEM = /^([-+*]|\d{1,9}[.)])(?:[ \t]+(.*))?$/
const TABLE_DELIMITER = /^\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?$/
const REFERENCE = /^\[[^\]^][^\]]*\]:[ \t]*<?(?:[a-z][a-z\d+.-]*:|\/|#|\.{0,2}\/|www\.)\S*>?(?:[ \t]+(?:"[^"]*"|'[^']*'|\([^)]*\)))?[ \t]*$/i
const HTML_BLOCK =
  /^<\/?(?:address|article|aside|blockquote|center|details|dialog|div|dl|fieldset|figcaption|figure|footer|form|h[1-6]|header|hr|li|main|nav|ol|p|pre|section|summary|table|tbody|td|tfoot|th|thead|tr|ul|script|style)(?=[\s/>]|$)/i

export function readMarkdown(text: string, file: string): ReadResult {
  if (!hasWords(text)) throw invalidFile(file, 'has no text')
  const { meta, body } = frontMatter(text.replace(/\r\n?/g, '\n'))
  const blocks = new MarkdownReader().read(withoutComments(body))
  if (!blocks.some((b) => hasWords(b.text))) throw invalidFile(file, 'has no text')
  return { format: 'markdown', meta, blocks, warnings: [] }
}

interface Paragraph { kind: BlockKind; number?: string; level?: number; lines: string[] }

class MarkdownReader {
  private readonly blocks: Block[] = []
  private para: Paragraph | null = null
  /** The marker indentation of each open list item, outermost first. */
  private items: number[] = []
  private blankBefore = false
  private quote = 0

  read(body: string): Block[] {
    const lines = body.split('\n').map((line) => this.unquote(line))
    for (let i = 0; i < lines.length; i++) {
      const { depth, text: line } = lines[i]!
      if (depth !== this.quote) {
        this.close()
        this.items = []
        this.quote = depth
      }
      const t = line.trim()
      if (t === '') {
        this.close()
        this.blankBefore = true
        continue
      }
      const indent = line.length - line.trimStart().length
      const fence = FENCE.exec(t)
      if (fence) i = this.code(lines, i, fence[1]!)
      else if (HTML_BLOCK.test(t) && !this.para) i = this.html(lines, i)
      else if (this.para?.kind === 'paragraph' && SETEXT.test(t)) this.heading(t.startsWith('=') ? 1 : 2)
      else if (THEMATIC_BREAK.test(t)) {
        this.close()
        this.items = []
      } else if (ATX.test(t)) {
        const [, hashes, heading] = ATX.exec(t)!
        this.close()
        this.items = []
        this.para = { kind: 'heading', level: hashes!.length, lines: [heading ?? ''] }
        this.close()
      } else if (t.includes('|') && TABLE_DELIMITER.test(lines[i + 1]?.text.trim() ?? '') && lines[i + 1]!.text.includes('|') &&
        cells(t).length === cells(lines[i + 1]!.text.trim()).length) {
        i = this.table(lines, i)
      } else if (this.startsItem(t)) this.item(t, indent)
      else if (this.para) this.para.lines.push(t)
      else if (!REFERENCE.test(t)) {
        // After a blank line, text indented past the open item's marker continues that item;
        // text at or left of it ends the list.
        const last = this.items[this.items.length - 1]
        if (this.blankBefore && last !== undefined && indent <= last) this.items = []
        this.para = { kind: 'paragraph', lines: [t] }
      }
      this.blankBefore = false
    }
    this.close()
    return this.blocks
  }

  private unquote(line: string): { depth: number; text: string } {
    let depth = 0
    let text = line
    for (let m = /^ {0,3}>[ \t]?/.exec(text); m; m = /^ {0,3}>[ \t]?/.exec(text)) {
      depth++
      text = text.slice(m[0].length)
    }
    return { depth, text }
  }

  /** As CommonMark: inside a paragraph, only a bullet with text or an item numbered 1 starts a list. */
  private startsItem(t: string): boolean {
    const m = ITEM.exec(t)
    if (!m) return false
    if (this.para?.kind !== 'paragraph' || this.items.length > 0) return true
    return /^\d/.test(m[1]!) ? /^0*1[.)]$/.test(m[1]!) && m[2] !== undefined : m[2] !== undefined
  }

  private item(t: string, indent: number): void {
    const [, marker, rest] = ITEM.exec(t)!
    this.close()
    while (this.items.length > 0 && indent <= this.items[this.items.length - 1]!) this.items.pop()
    this.items.push(indent)
    this.para = { kind: 'list-item', level: this.items.length, lines: rest ? [rest] : [] }
    if (/^\d/.test(marker!)) this.para.number = marker
  }

  private heading(level: number): void {
    this.para!.kind = 'heading'
    this.para!.level = level
    this.close()
  }

  /** A fenced code block, kept as paragraphs (blank lines part them); returns its last line. */
  private code(lines: ReadonlyArray<{ text: string }>, start: number, fence: string): number {
    this.close()
    const closing = new RegExp(`^${fence[0] === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`)
    let end = start + 1
    while (end < lines.length && !closing.test(lines[end]!.text.trim())) end++
    let group: string[] = []
    const flush = () => {
      if (group.length > 0) this.push({ kind: 'paragraph', text: group.join(' ') })
      group = []
    }
    for (let i = start + 1; i < end; i++) {
      const t = lines[i]!.text.trim()
      if (t === '') flush()
      else group.push(t)
    }
    flush()
    return end
  }

  /** An HTML block up to the next blank line, read by the HTML reader; returns its last line. */
  private html(lines: ReadonlyArray<{ text: string }>, start: number): number {
    this.close()
    let end = start
    while (end + 1 < lines.length && lines[end + 1]!.text.trim() !== '') end++
    const fragment = lines.slice(start, end + 1).map((l) => l.text).join('\n')
    for (const block of htmlFragmentBlocks(fragment)) this.push(block)
    return end
  }

  /** A table: the header row and body rows (the alignment row dropped); returns its last line. */
  private table(lines: ReadonlyArray<{ text: string }>, start: number): number {
    this.close()
    this.items = []
    this.push({ kind: 'table-row', text: cells(lines[start]!.text.trim()).join('\t') })
    let end = start + 1
    while (end + 1 < lines.length && lines[end + 1]!.text.includes('|') && lines[end + 1]!.text.trim() !== '') {
      end++
      this.push({ kind: 'table-row', text: cells(lines[end]!.text.trim()).join('\t') })
    }
    return end
  }

  private close(): void {
    const para = this.para
    this.para = null
    if (!para) return
    // A backslash at a line's end is a hard line break: a space, like any other line end.
    const joined = para.lines.map((l) => l.replace(/(?<!\\)((?:\\\\)*)\\$/, '$1').trimEnd()).join(' ')
    const block: Omit<Block, 'paragraph'> = { kind: para.kind, text: stripInline(joined).trim() }
    if (para.level !== undefined) block.level = para.level
    if (para.number !== undefined) block.number = para.number
    this.push(block)
  }

  private push(block: Omit<Block, 'paragraph'>): void {
    if (block.text !== '') this.blocks.push({ ...block, paragraph: this.blocks.length + 1 })
  }
}

/** A table row's cells, inline markup stripped: split at pipes not escaped, outer pipes dropped. */
function cells(row: string): string[] {
  const inner = row.replace(/^\|/, '').replace(/(?<!\\)\|$/, '')
  return inner.split(/(?<!\\)\|/).map((cell) => stripInline(cell.replace(/\\\|/g, '|')).trim())
}

/** HTML comments go before anything else (scanned with indexOf: an unclosed one stays as text). */
function withoutComments(text: string): string {
  let out = ''
  let pos = 0
  for (let open = text.indexOf('<!--'); open >= 0; open = text.indexOf('<!--', pos)) {
    const close = text.indexOf('-->', open + 4)
    if (close < 0) break
    out += text.slice(pos, open)
    pos = close + 3
  }
  return out + text.slice(pos)
}

/**
 * YAML front matter ("---" at the very top, closed by "---" or "..."): title, author (a name, a
 * list of names or of { name }) and date. A block that is not a YAML mapping is not front
 * matter: it stays in the text (a document may open with a rule and a paragraph).
 */
function frontMatter(text: string): { meta: DocumentMeta; body: string } {
  const m = /^---[ \t]*\n([^]*?)\n(?:---|\.\.\.)[ \t]*(?:\n|$)/.exec(text)
  if (!m) return { meta: {}, body: text }
  let data: unknown
  try {
    data = parseYaml(m[1]!)
  } catch {
    return { meta: {}, body: text }
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) return { meta: {}, body: text }
  const fields = data as Record<string, unknown>
  const meta: DocumentMeta = {}
  const title = plain(fields.title)
  const author = names(fields.author ?? fields.authors)
  const date = isoDate(fields.date instanceof Date ? fields.date.toISOString() : plain(fields.date))
  if (title) meta.title = title
  if (author) meta.author = author
  if (date) meta.date = date
  return { meta, body: text.slice(m[0].length) }
}

function plain(value: unknown): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined
  if (typeof value === 'number') return String(value)
  return undefined
}

function names(value: unknown): string | undefined {
  const list = Array.isArray(value) ? value : [value]
  const found = list
    .map((v) => plain(v) ?? (typeof v === 'object' && v !== null ? plain((v as Record<string, unknown>).name) : undefined))
    .filter((v): v is string => v !== undefined)
  return found.length > 0 ? found.join(', ') : undefined
}
