// The DOCX reader: opens the package itself (zip.ts, xml.ts) rather than through a converter, so
// that Word's automatic numbering survives as the labels Word prints (docx-numbering.ts).
import { type ClausewiseError } from '../errors'
import { BodyReader, type DraftBlock, type NoteReference } from './docx-body'
import { Numbering, formatNumber } from './docx-numbering'
import { Styles } from './docx-styles'
import { baseName, invalidFile } from './text-kit'
import type { Block, DocumentMeta, ReadResult } from './types'
import { child, childVal, childrenNamed, parseXml, textContent, type XmlElement } from './xml'
import { ZipPackage } from './zip'

export interface DocxOptions {
  /** A .docm: read the text; its macros are never run, only reported. */
  macroEnabled?: boolean
}

interface Relationship {
  type: string
  target: string
}

/** An OLE compound file: a Word 97–2003 .doc, or a password-protected .docx (see sniff). */
export const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export function readDocx(bytes: Uint8Array, file: string, opts: DocxOptions = {}): ReadResult {
  const name = baseName(file)
  const fail = (message: string): ClausewiseError => invalidFile(name, message)
  sniff(bytes, fail)

  // Only XML parts are ever inflated (never media or embedded files), so only they are capped.
  const zip = new ZipPackage(bytes, name, (part) => /\.(xml|rels)$/i.test(part))
  const xml = (part: string | undefined): XmlElement | undefined => {
    if (part === undefined) return undefined
    const data = zip.read(part)
    return data && parseXml(data, part, name)
  }

  const packageRels = relationships(xml('_rels/.rels'), '')
  const mainPart = packageRels.find((r) => r.type === 'officeDocument')?.target ?? 'word/document.xml'
  const document = zip.has(mainPart) ? xml(mainPart) : undefined
  if (!document || document.name !== 'w:document') {
    throw fail('is not a Word document: the package has no word/document.xml')
  }
  const partRels = relationships(xml(relsPathOf(mainPart)), dirOf(mainPart))
  const partOf = (type: string) => partRels.find((r) => r.type === type && zip.has(r.target))?.target
  const partsOf = (type: string) => partRels.filter((r) => r.type === type && zip.has(r.target)).map((r) => r.target)

  const styles = new Styles(xml(partOf('styles')))
  const numbering = new Numbering(xml(partOf('numbering')), (id) => styles.numberingStyleNum(id))
  const reader = new BodyReader(styles, numbering)
  const body = child(document, 'w:body')
  const drafts: DraftBlock[] = []
  reader.container(body, drafts)

  // Notes, and the settings that number them, are read only when the body cites one.
  if (reader.notes.length > 0) {
    const settings = xml(partOf('settings'))
    const lastSection = child(body, 'w:sectPr')
    for (const kind of ['footnote', 'endnote'] as const) {
      const refs = reader.notes.filter((n) => n.kind === kind)
      if (refs.length) drafts.push(...notes(reader, refs, xml(partOf(`${kind}s`)), kind, settings, lastSection))
    }
  }

  const warnings: string[] = []
  if (reader.unfinishedFields > 0) warnings.push('the document is partly damaged: a field is never closed, so text after it may be missing')
  if (opts.macroEnabled || partRels.some((r) => r.type === 'vbaProject')) warnings.push('macros were not run or imported')
  const { insertions, deletions, moves } = reader.revisions
  if (insertions + deletions + moves > 0) {
    const counts = [count(insertions, 'insertion'), count(deletions, 'deletion')]
    if (moves) counts.push(count(moves, 'move'))
    warnings.push(`tracked changes were read as accepted (${counts.join(', ')})`)
  }
  const headers = partsOf('header').filter((p) => hasContent(xml(p))).length
  const footers = partsOf('footer').filter((p) => hasContent(xml(p))).length
  if (headers + footers > 0) {
    const found = [headers && count(headers, 'header'), footers && count(footers, 'footer')].filter(Boolean).join(' and ')
    warnings.push(`headers and footers are not compared (${found} found)`)
  }
  const comments = childrenNamed(xml(partOf('comments')), 'w:comment').length
  if (comments > 0) warnings.push(`comments are not imported (${comments})`)
  if (reader.tocEntries > 0) warnings.push(`the table of contents is not compared (${reader.tocEntries === 1 ? '1 entry' : `${reader.tocEntries} entries`})`)
  if (reader.hiddenRuns > 0) warnings.push(`hidden text is not compared (${count(reader.hiddenRuns, 'passage')})`)
  if (reader.embeddedDocuments > 0) warnings.push(`embedded documents are not imported (${reader.embeddedDocuments})`)

  const coreTarget = packageRels.find((r) => r.type === 'core-properties')?.target ?? 'docProps/core.xml'
  const blocks: Block[] = drafts.map((d, i) => ({ ...d, paragraph: i + 1 }))
  return { format: 'docx', meta: meta(zip.has(coreTarget) ? xml(coreTarget) : undefined), blocks, warnings }
}

function sniff(bytes: Uint8Array, fail: (message: string) => ClausewiseError): void {
  if (bytes.length === 0) throw fail('the file is empty')
  if (CFB_SIGNATURE.every((b, i) => bytes[i] === b)) {
    // Word saves a password-protected .docx as an OLE compound file holding the encrypted
    // package (streams EncryptionInfo and EncryptedPackage); otherwise this is a Word 97–2003 .doc.
    if (new TextDecoder('utf-16le').decode(bytes).includes('EncryptedPackage')) {
      throw fail('the document is password-protected; remove the password in Word and import it again')
    }
    throw fail('is an old Word 97–2003 document (.doc), which is not supported; save it as .docx in Word and import that')
  }
  if (!(bytes[0] === 0x50 && bytes[1] === 0x4b)) throw fail('is not a Word document (.docx): its content is not a Word package')
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`
}

function dirOf(part: string): string {
  const i = part.lastIndexOf('/')
  return i < 0 ? '' : part.slice(0, i + 1)
}

function relsPathOf(part: string): string {
  return `${dirOf(part)}_rels/${part.slice(dirOf(part).length)}.rels`
}

/** A relationship target as a part name: relative to the source part's folder, or absolute from the package root. */
function resolveTarget(base: string, target: string): string {
  let decoded = target
  try {
    decoded = decodeURIComponent(target)
  } catch {
    // a stray % is just a character
  }
  const path = decoded.startsWith('/') ? decoded.slice(1) : base + decoded
  const out: string[] = []
  for (const seg of path.split('/')) {
    if (seg === '..') out.pop()
    else if (seg !== '.' && seg !== '') out.push(seg)
  }
  return out.join('/')
}

/** Relationships by the last word of their type ("styles", "footnotes", "officeDocument"): Transitional and Strict agree there. */
function relationships(root: XmlElement | undefined, base: string): Relationship[] {
  const out: Relationship[] = []
  for (const r of childrenNamed(root, 'rel:Relationship')) {
    const type = r.attrs['Type']
    const target = r.attrs['Target']
    if (!type || !target || r.attrs['TargetMode'] === 'External') continue
    out.push({ type: type.slice(type.lastIndexOf('/') + 1), target: resolveTarget(base, target) })
  }
  return out
}

/** Whether a header or footer prints anything: text, or a field such as the page number. */
function hasContent(el: XmlElement | undefined): boolean {
  if (!el) return false
  for (const c of el.children) {
    if (typeof c === 'string') {
      if (c.trim() !== '') return true
    } else if (c.name === 'w:fldSimple' || c.name === 'w:fldChar' || hasContent(c)) {
      return true
    }
  }
  return false
}

/**
 * Footnotes or endnotes in the order their references appear, numbered as Word numbers them: by
 * that order, from the document's numStart, in its numFmt (footnotes 1, 2, 3; endnotes i, ii, iii
 * by default). A note with a custom mark takes no number; its mark is its number.
 */
function notes(
  reader: BodyReader,
  refs: NoteReference[],
  part: XmlElement | undefined,
  kind: 'footnote' | 'endnote',
  settings: XmlElement | undefined,
  lastSection: XmlElement | undefined
): DraftBlock[] {
  if (!part) return []
  const byId = new Map<string, XmlElement>()
  for (const n of childrenNamed(part, `w:${kind}`)) {
    const type = n.attrs['w:type']
    if (type === undefined || type === 'normal') byId.set(n.attrs['w:id'] ?? '', n)
  }
  const pr = `w:${kind}Pr`
  const format = childVal(child(lastSection, pr), 'w:numFmt') ?? childVal(child(settings, pr), 'w:numFmt') ?? (kind === 'footnote' ? 'decimal' : 'lowerRoman')
  const start = Number.parseInt(childVal(child(lastSection, pr), 'w:numStart') ?? childVal(child(settings, pr), 'w:numStart') ?? '1', 10)
  let next = Number.isFinite(start) ? start : 1
  const done = new Set<string>()
  const out: DraftBlock[] = []
  for (const ref of refs) {
    if (done.has(ref.id)) continue
    done.add(ref.id)
    const note = byId.get(ref.id)
    if (!note) continue
    const number = ref.custom ? ref.customMark : formatNumber(next++, format)
    const text = reader.noteText(note)
    if (text === '') continue
    const block: DraftBlock = { kind: 'footnote', text }
    if (number) block.number = number
    out.push(block)
  }
  return out
}

function meta(core: XmlElement | undefined): DocumentMeta {
  const out: DocumentMeta = {}
  if (!core) return out
  const text = (name: string) => {
    const el = child(core, name)
    const value = el && textContent(el).trim()
    return value ? value : undefined
  }
  const title = text('dc:title')
  const author = text('dc:creator')
  // The last save dates a draft better than its creation, which "Save As" from an old agreement keeps.
  const date = /^\d{4}(-\d{2}(-\d{2})?)?/.exec(text('dcterms:modified') ?? text('dcterms:created') ?? '')?.[0]
  if (title) out.title = title
  if (author) out.author = author
  if (date && Number(date.slice(0, 4)) >= 1900) out.date = date
  return out
}
