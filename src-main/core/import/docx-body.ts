// Walks WordprocessingML content (the body, table cells, text boxes, notes) into blocks: the text
// a reader of the printed document sees, with tracked changes accepted, field codes replaced by
// their results, and automatic numbering counted in reading order.
import type { Block } from './types'
import type { Numbering, ListLabel } from './docx-numbering'
import type { ParagraphStyle, Styles } from './docx-styles'
import { child, childVal, isOn, type XmlElement } from './xml'

/** Word's built-in names for table-of-contents lines and its heading, in any case. */
const TOC_STYLE = /^(toc [1-9]|toc heading|table of contents)$/i

export type DraftBlock = Omit<Block, 'paragraph'>

export interface NoteReference {
  kind: 'footnote' | 'endnote'
  id: string
  /** The mark typed after a reference with customMarkFollows ("*"); such a note takes no number. */
  customMark: string | undefined
  custom: boolean
}

export interface Revisions {
  insertions: number
  deletions: number
  moves: number
}

interface Carry {
  parts: string[]
  pPr: XmlElement | undefined
}

function int(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  const n = Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : undefined
}

// Elements whose content is never printed text (properties, deleted or instruction text, the
// fallback copy of alternate content, ruby annotations, legacy form data, OLE objects).
const NOT_TEXT = new Set([
  'w:del', 'w:moveFrom', 'w:delText', 'w:instrText', 'w:delInstrText', 'w:ffData', 'w:fldData',
  'mc:Fallback', 'w:rt', 'w:object', 'w:commentReference', 'w:annotationRef'
])

/** Fonts whose private-use code points are pictures (Wingdings), not letters: dropped. */
const PICTURE_FONTS = /^(wingdings|webdings|marlett|zapf ?dingbats)/i
// Adobe Symbol's letters are Greek; its high half holds mathematical and legal signs.
const SYMBOL_GREEK_UPPER = 'ΑΒΧΔΕΦΓΗΙϑΚΛΜΝΟΠΘΡΣΤΥςΩΞΨΖ'
const SYMBOL_GREEK_LOWER = 'αβχδεφγηιϕκλμνοπθρστυϖωξψζ'
const SYMBOL_HIGH: Readonly<Record<number, string>> = {
  0x22: '∀', 0x24: '∃', 0x27: '∋', 0x2a: '∗', 0x2d: '−', 0x40: '≅', 0x5c: '∴', 0x5e: '⊥',
  0xa2: '′', 0xa3: '≤', 0xa5: '∞', 0xa6: 'ƒ', 0xa7: '♣', 0xa8: '♦', 0xa9: '♥', 0xaa: '♠',
  0xab: '↔', 0xac: '←', 0xad: '↑', 0xae: '→', 0xaf: '↓', 0xb0: '°', 0xb1: '±', 0xb2: '″',
  0xb3: '≥', 0xb4: '×', 0xb5: '∝', 0xb6: '∂', 0xb7: '•', 0xb8: '÷', 0xb9: '≠', 0xba: '≡',
  0xbb: '≈', 0xbc: '…', 0xc6: '∅', 0xce: '∈', 0xcf: '∉', 0xd2: '®', 0xd3: '©', 0xd4: '™',
  0xd7: '⋅', 0xd8: '¬', 0xd9: '∧', 0xda: '∨', 0xe2: '®', 0xe3: '©', 0xe4: '™'
}

/** w:sym, best effort: the character a symbol font draws for the code Word stored. */
export function symbolText(font: string | undefined, hex: string | undefined): string {
  let code = hex === undefined ? Number.NaN : Number.parseInt(hex, 16)
  if (!Number.isFinite(code) || code <= 0) return ''
  // Symbol fonts are addressed through the private-use block F000–F0FF.
  if (code >= 0xf000 && code <= 0xf0ff) code -= 0xf000
  if (font && PICTURE_FONTS.test(font)) return ''
  if (font && /^symbol$/i.test(font)) {
    if (code >= 0x41 && code <= 0x5a) return SYMBOL_GREEK_UPPER[code - 0x41] ?? ''
    if (code >= 0x61 && code <= 0x7a) return SYMBOL_GREEK_LOWER[code - 0x61] ?? ''
    const mapped = SYMBOL_HIGH[code]
    if (mapped) return mapped
    return code >= 0x20 && code < 0x7f ? String.fromCharCode(code) : ''
  }
  return code >= 0x20 && code < 0xe000 ? String.fromCodePoint(code) : ''
}

/** Paragraph text as the contract wants it: no line breaks, no outer whitespace, inner runs kept. */
function finish(parts: string[]): string {
  let text = parts.join('')
  if (text.includes('\n') || text.includes('\r')) text = text.replace(/\r\n?|\n/g, ' ')
  return text.trim()
}

export class BodyReader {
  readonly notes: NoteReference[] = []
  readonly revisions: Revisions = { insertions: 0, deletions: 0, moves: 0 }
  hiddenRuns = 0
  /** Table-of-contents lines left out. */
  tocEntries = 0
  embeddedDocuments = 0

  /** Open complex fields, each true once its result (after `separate`) has begun. */
  private readonly fields: boolean[] = []
  /** How many open fields are still in their instruction part: text is shown only at 0. */
  private inInstruction = 0
  /** A paragraph whose mark was deleted: its text joins the next paragraph's, as accepting does. */
  private carry: Carry | undefined
  /** Text-box paragraphs met inside the current paragraph, emitted after it. */
  private floating: DraftBlock[] = []
  /** A reference with customMarkFollows waiting for its mark (the next text in its run). */
  private markFor: NoteReference | undefined
  /** Notes are read with numbering off (their lists would advance the body's counters) and their own references ignored. */
  private inNote = false

  constructor(
    private readonly styles: Styles,
    private readonly numbering: Numbering
  ) {}

  /** Block content of the body, a cell, a text box or a note, appended to `out`. */
  container(el: XmlElement | undefined, out: DraftBlock[]): void {
    const saved = this.carry
    this.carry = undefined
    this.blockContent(el, out)
    this.flushCarry(out)
    this.carry = saved
  }

  /** Fields begun and never given a result: a damaged document, whose text after them was not shown. */
  get unfinishedFields(): number {
    return this.inInstruction
  }

  /** A note's text as one block's text: its paragraphs joined by a space, numbering off. */
  noteText(note: XmlElement): string {
    this.inNote = true
    const drafts: DraftBlock[] = []
    this.container(note, drafts)
    this.inNote = false
    return drafts.map((d) => (d.number ? `${d.number} ${d.text}` : d.text)).join(' ').trim()
  }

  private blockContent(el: XmlElement | undefined, out: DraftBlock[]): void {
    if (!el) return
    for (const c of el.children) {
      if (typeof c === 'string') continue
      switch (c.name) {
        case 'w:p':
          this.paragraph(c, out)
          break
        case 'w:tbl':
          this.flushCarry(out)
          this.table(c, out)
          break
        case 'w:sdt':
          this.blockContent(child(c, 'w:sdtContent'), out)
          break
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          this.blockContent(c, out)
          break
        case 'mc:AlternateContent':
          this.blockContent(chooseAlternate(c), out)
          break
        case 'w:altChunk':
          this.embeddedDocuments++
          break
      }
    }
  }

  private flushCarry(out: DraftBlock[]): void {
    const carry = this.carry
    if (!carry) return
    this.carry = undefined
    this.emit(carry.parts, carry.pPr, out)
  }

  private paragraph(p: XmlElement, out: DraftBlock[]): void {
    const pPr = child(p, 'w:pPr')
    const mark = child(pPr, 'w:rPr')
    const markDeleted = child(mark, 'w:del') !== undefined || child(mark, 'w:moveFrom') !== undefined
    if (child(mark, 'w:ins')) this.revisions.insertions++
    if (child(mark, 'w:del')) this.revisions.deletions++

    const parts = this.carry ? this.carry.parts : []
    this.carry = undefined
    const outerFloating = this.floating
    this.floating = []
    this.inline(p, parts)
    const floating = this.floating
    this.floating = outerFloating

    if (markDeleted) {
      // Accepting the deletion of a paragraph mark joins this text to the next paragraph,
      // which keeps its own properties (they live in its mark): carry the text forward.
      this.carry = { parts, pPr }
    } else {
      this.emit(parts, pPr, out)
    }
    for (const f of floating) out.push(f)
  }

  private emit(parts: string[], pPr: XmlElement | undefined, out: DraftBlock[]): void {
    const styleId = childVal(pPr, 'w:pStyle')
    const style = this.styles.paragraph(styleId)
    // A table of contents repeats every heading with its page ("1. Definitions 3"): read as text it
    // would make each numbered heading twice. Word's built-in styles name its lines "toc 1"–"toc 9".
    if (style && TOC_STYLE.test(style.name)) {
      if (!/heading/i.test(style.name) && finish(parts) !== '') this.tocEntries++
      return
    }
    const label = this.inNote ? undefined : this.listLabel(pPr, style)
    const text = finish(parts)
    // Counted above even when empty (Word prints a number on an empty paragraph), dropped here.
    if (text === '') return

    const outline = int(childVal(pPr, 'w:outlineLvl')) ?? style?.outline
    const block: DraftBlock = { kind: 'paragraph', text }
    if (outline !== undefined && outline >= 0 && outline < 9) {
      block.kind = 'heading'
      if (label?.number) block.number = label.number
      block.level = outline + 1
    } else if (label && (label.number || label.bullet)) {
      block.kind = 'list-item'
      if (label.number) block.number = label.number
      block.level = label.level + 1
    }
    if (styleId !== undefined && style?.id === styleId) block.style = style.name
    out.push(block)
  }

  private listLabel(pPr: XmlElement | undefined, style: ParagraphStyle | undefined): (ListLabel & { level: number }) | undefined {
    const numPr = child(pPr, 'w:numPr')
    // The paragraph's own numPr wins over its style's; numId 0 switches inherited numbering off.
    const numId = childVal(numPr, 'w:numId') ?? style?.numId
    if (numId === undefined || !this.numbering.has(numId)) return undefined
    // Without an ilvl, the level is the one numbering.xml ties to the style (or a style it is based on).
    let level = int(childVal(numPr, 'w:ilvl')) ?? style?.ilvl
    for (const id of style?.lineage ?? []) level ??= this.numbering.levelOfStyle(numId, id)
    level = Math.min(Math.max(level ?? 0, 0), 8)
    const label = this.numbering.next(numId, level)
    return label && { ...label, level }
  }

  /** Paragraph-level content: runs and the wrappers around them. */
  private inline(el: XmlElement, out: string[]): void {
    for (const c of el.children) {
      if (typeof c === 'string') continue
      switch (c.name) {
        case 'w:r':
          this.run(c, out)
          break
        case 'w:ins':
          this.revisions.insertions++
          this.inline(c, out)
          break
        case 'w:moveTo':
          this.revisions.moves++
          this.inline(c, out)
          break
        case 'w:del':
          this.revisions.deletions++
          break
        case 'w:sdt':
          this.inline(child(c, 'w:sdtContent') ?? c, out)
          break
        case 'mc:AlternateContent':
          this.inline(chooseAlternate(c) ?? c, out)
          break
        case 'm:t':
          if (this.inInstruction === 0) out.push(textOf(c))
          break
        default:
          // Hyperlinks, simple fields (their children are the result), smart tags, custom XML,
          // bidi wrappers, math: their runs are text. Properties and deleted content are not.
          if (!NOT_TEXT.has(c.name) && !c.name.endsWith('Pr')) this.inline(c, out)
      }
    }
  }

  private run(r: XmlElement, out: string[]): void {
    const hidden = isOn(child(child(r, 'w:rPr'), 'w:vanish'))
    if (hidden) this.hiddenRuns++
    for (const c of r.children) {
      if (typeof c === 'string') continue
      if (c.name === 'w:fldChar') {
        this.fieldChar(c.attrs['w:fldCharType'])
        continue
      }
      if (hidden || this.inInstruction > 0) continue
      switch (c.name) {
        case 'w:t': {
          const text = textOf(c)
          if (this.markFor) {
            this.markFor.customMark = text.trim() || undefined
            this.markFor = undefined
          } else {
            out.push(text)
          }
          break
        }
        case 'w:tab':
        case 'w:ptab':
          out.push('\t')
          break
        case 'w:br':
        case 'w:cr':
          out.push(' ')
          break
        case 'w:noBreakHyphen':
          out.push('-')
          break
        case 'w:sym':
          out.push(symbolText(c.attrs['w:font'], c.attrs['w:char']))
          break
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          this.noteReference(c)
          break
        case 'w:ruby':
          this.inline(child(c, 'w:rubyBase') ?? c, out)
          break
        case 'w:drawing':
        case 'w:pict':
        case 'mc:AlternateContent':
          this.textBoxes(c)
          break
      }
    }
    this.markFor = undefined
  }

  private fieldChar(type: string | undefined): void {
    if (type === 'begin') {
      this.fields.push(false)
      this.inInstruction++
    } else if (type === 'separate') {
      if (this.fields.length && !this.fields[this.fields.length - 1]) {
        this.fields[this.fields.length - 1] = true
        this.inInstruction--
      }
    } else if (type === 'end') {
      if (this.fields.length && !this.fields.pop()) this.inInstruction--
    }
  }

  // The printed mark is dropped from the body text: the note carries it as its number, and a
  // mark that renumbers when a note is added earlier would otherwise change every later clause.
  private noteReference(el: XmlElement): void {
    const id = el.attrs['w:id']
    if (id === undefined || this.inNote) return
    const flag = el.attrs['w:customMarkFollows']
    const custom = flag !== undefined && flag !== 'false' && flag !== '0' && flag !== 'off'
    const ref: NoteReference = { kind: el.name === 'w:footnoteReference' ? 'footnote' : 'endnote', id, customMark: undefined, custom }
    this.notes.push(ref)
    if (custom) this.markFor = ref
  }

  /** Text boxes in a drawing: their paragraphs become blocks after the paragraph holding them. */
  private textBoxes(el: XmlElement): void {
    for (const c of el.children) {
      if (typeof c === 'string') continue
      if (c.name === 'w:txbxContent') this.container(c, this.floating)
      else if (c.name === 'mc:AlternateContent') {
        const chosen = chooseAlternate(c)
        if (chosen) this.textBoxes(chosen)
      } else if (c.name !== 'mc:Fallback') this.textBoxes(c)
    }
  }

  private table(tbl: XmlElement, out: DraftBlock[]): void {
    for (const row of rowsOf(tbl)) {
      const trPr = child(row, 'w:trPr')
      if (child(trPr, 'w:del')) {
        this.revisions.deletions++
        continue
      }
      if (child(trPr, 'w:ins')) this.revisions.insertions++
      const cells = cellsOf(row).map((tc) => this.cellText(tc))
      const text = cells.join('\t').trim()
      if (text !== '') out.push({ kind: 'table-row', text })
    }
  }

  /** A cell's blocks flattened into one line: numbers kept before their text, tabs (and nested tables' columns) as spaces. */
  private cellText(tc: XmlElement): string {
    const drafts: DraftBlock[] = []
    this.container(tc, drafts)
    const parts: string[] = []
    for (const d of drafts) parts.push((d.number ? `${d.number} ${d.text}` : d.text).replace(/\t/g, ' '))
    return parts.join(' ')
  }
}

/** mc:AlternateContent offers a modern Choice and an older Fallback of the same content: read one. */
function chooseAlternate(el: XmlElement): XmlElement | undefined {
  return child(el, 'mc:Choice') ?? child(el, 'mc:Fallback')
}

function textOf(el: XmlElement): string {
  let text = ''
  for (const c of el.children) if (typeof c === 'string') text += c
  return text
}

// Rows and cells may be wrapped in content controls or custom XML.
function rowsOf(tbl: XmlElement): XmlElement[] {
  return collect(tbl, 'w:tr')
}

function cellsOf(tr: XmlElement): XmlElement[] {
  return collect(tr, 'w:tc')
}

function collect(el: XmlElement, name: string): XmlElement[] {
  const out: XmlElement[] = []
  for (const c of el.children) {
    if (typeof c === 'string') continue
    if (c.name === name) out.push(c)
    else if (c.name === 'w:sdt') out.push(...collect(child(c, 'w:sdtContent') ?? c, name))
    else if (c.name === 'w:customXml') out.push(...collect(c, name))
  }
  return out
}
