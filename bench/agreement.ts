// The import benchmark's documents: an agreement of N pages (~500 words a page) made of real
// licence sentences under "Section k." / "k.m" / "(a)" numbering, a second draft with a reviewer's
// kind of edits, and the same text written as DOCX (Word automatic numbering), PDF and plain text.
// Generated, never committed: cached under .tmp/bench-import/ by page count.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { AlignmentType, Document, Footer, Header, HeadingLevel, LevelFormat, Packer, PageNumber, Paragraph, TextRun } from 'docx'
import PDFDocument from 'pdfkit'
import spdx from 'spdx-license-list/full'

export const WORDS_PER_PAGE = 500
/** Bump when the generator changes: cached files carry it in their names. */
const GENERATOR = 'v2'
export const CACHE_DIR = join(__dirname, '../.tmp/bench-import')

export interface Para {
  text: string
  /** "(a)", "(b)" … under this paragraph. */
  items: string[]
}
export interface Section {
  heading: string
  paras: Para[]
}
export interface Agreement {
  sections: Section[]
}

const TITLE = 'MASTER LICENCE AGREEMENT'
const PREAMBLE = [
  'This Master Licence Agreement (the "Agreement") is made between Northwind Software Limited, a company incorporated in England and Wales ("Licensor"), and Contoso Holdings LLC, a Delaware limited liability company ("Licensee").',
  'The parties agree as follows.'
]
const SIGNATURES = ['IN WITNESS WHEREOF the parties have signed this Agreement on the date first written above.', 'Signed for and on behalf of Northwind Software Limited', 'Signed for and on behalf of Contoso Holdings LLC']

/** Section headings as the licences print them (Apache 2.0, GPL 3.0, MPL 2.0, EPL 2.0, CDDL 1.1). */
const HEADINGS = [
  'Definitions', 'Grant of Copyright License', 'Grant of Patent License', 'Redistribution', 'Submission of Contributions', 'Trademarks',
  'Disclaimer of Warranty', 'Limitation of Liability', 'Accepting Warranty or Additional Liability', 'Source Code', 'Basic Permissions',
  'Protecting Users\' Legal Rights From Anti-Circumvention Law', 'Conveying Verbatim Copies', 'Conveying Modified Source Versions',
  'Conveying Non-Source Forms', 'Additional Terms', 'Termination', 'Acceptance Not Required for Having Copies',
  'Automatic Licensing of Downstream Recipients', 'Patents', 'No Surrender of Others\' Freedom', 'Revised Versions of this License',
  'Interpretation of Sections 15 and 16', 'License Grants', 'Responsibilities', 'Inability to Comply Due to Statute or Regulation',
  'Litigation', 'Miscellaneous', 'Versions of the License', 'Distribution of Source Form', 'Modified Versions', 'Effect of New Versions',
  'Requirements', 'Commercial Distribution', 'No Warranty', 'General', 'Availability of Source Code', 'Application of Additional Terms',
  'Government End Users', 'Responsibility for Claims', 'Governing Law and Jurisdiction', 'Third Party Claims'
]

const LICENCES = ['Apache-2.0', 'MPL-2.0', 'GPL-3.0-only', 'EPL-2.0', 'CDDL-1.1', 'EUPL-1.2', 'CPAL-1.0', 'OSL-3.0', 'CC-BY-SA-4.0', 'APSL-2.0'] as const

/** The licences' sentences, their own numbering taken off, so the only numbers are the agreement's. */
function sentencePool(): string[] {
  const out: string[] = []
  for (const id of LICENCES) {
    const text = spdx[id]!.licenseText.replace(/\r\n/g, '\n')
    for (const raw of text.split(/\n\s*\n/)) {
      let para = raw.replace(/\s+/g, ' ').trim()
      // "1.", "2.1.", "(a)", "b)", "iv)", "1.Definitions": numbering the licence printed.
      for (let k = 0; k < 3; k++) para = para.replace(/^(\(?[a-z]{1,4}\)|\(?\d+(\.\d+)*\.?\)?|\d+\.)\s*/i, '')
      for (let s of para.split(/(?<=[.;])\s+(?=["“‘(]?[A-Z])/)) {
        s = s.replace(/[;:]$/, '.')
        const words = s.split(' ').length
        if (words < 6 || words > 60) continue
        if (!/^["“‘(]?[A-Z][^<>©=_|#*\t]*\.$/.test(s) || /https?:|www\./.test(s)) continue
        if (/^(section|article|clause|schedule|exhibit|annex|appendix)\b/i.test(s)) continue
        out.push(s)
      }
    }
  }
  return out
}

/** A small deterministic generator (the same documents on every machine and every run). */
function random(seed: number): (n: number) => number {
  let x = seed >>> 0
  return (n) => {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0
    return (x >>> 8) % n
  }
}

const wordCount = (s: string): number => s.split(' ').length

function prose(pool: readonly string[], rand: (n: number) => number, minWords: number): string {
  const out: string[] = []
  let words = 0
  while (words < minWords) {
    const s = pool[rand(pool.length)]!
    out.push(s)
    words += wordCount(s)
  }
  return out.join(' ')
}

/**
 * An agreement of about `pages` × 500 words: sections of 4–20 paragraphs (two pages on average,
 * so 1,000 pages stay under Section 1000: the segmenter reads numbers of up to three digits, as
 * real agreements print them), one paragraph in five with items.
 */
export function makeAgreement(pages: number): Agreement {
  const pool = sentencePool()
  const rand = random(pages * 7919 + 1)
  const sections: Section[] = []
  let words = 0
  while (words < pages * WORDS_PER_PAGE) {
    const paras: Para[] = []
    for (let n = 4 + rand(17); n > 0; n--) {
      const text = prose(pool, rand, 30 + rand(80))
      const items = rand(5) === 0 ? Array.from({ length: 2 + rand(3) }, () => prose(pool, rand, 12 + rand(30))) : []
      words += wordCount(text) + items.reduce((w, i) => w + wordCount(i), 0)
      paras.push({ text, items })
    }
    sections.push({ heading: HEADINGS[sections.length % HEADINGS.length]!, paras })
    words += 3
  }
  return { sections }
}

const REWORDINGS: Array<[RegExp, string]> = [
  [/\bshall\b/, 'will'], [/\bany\b/, 'each'], [/\bLicensor\b/, 'Provider'], [/\breasonable\b/, 'commercially reasonable'],
  [/\bmay\b/, 'may, subject to this Agreement,'], [/\bwritten\b/, 'prior written'], [/\bYou\b/, 'the Licensee'], [/\bthe Work\b/, 'the Licensed Work']
]

/**
 * The next draft, as a reviewer gets it: sections inserted (every later section renumbers),
 * paragraphs inserted and deleted (the rest of their section renumbers), paragraphs split in two
 * and neighbours merged, and words rewritten here and there; all in proportion to the length.
 */
export function nextDraft(a: Agreement, pages: number): Agreement {
  const pool = sentencePool()
  const rand = random(pages * 104729 + 7)
  const s: Section[] = structuredClone(a.sections)
  const per100 = (n: number): number => Math.max(1, Math.round((n * pages) / 100))
  const anyPara = (): [Section, number] => {
    const sec = s[rand(s.length)]!
    return [sec, rand(sec.paras.length)]
  }
  for (let k = per100(10); k > 0; k--) {
    const [sec, i] = anyPara()
    const p = sec.paras[i]!
    const rule = REWORDINGS.filter(([re]) => re.test(p.text))
    if (rule.length === 0) p.text += ' This is subject to the prior written consent of the Licensee.'
    for (const [re, to] of rule.slice(0, 2)) p.text = p.text.replace(re, to)
  }
  for (let k = per100(3); k > 0; k--) {
    const [sec, i] = anyPara()
    const p = sec.paras[i]!
    const cuts = [...p.text.matchAll(/\. (?=[A-Z"“])/g)]
    if (p.items.length > 0 || cuts.length === 0) continue
    const at = cuts[Math.floor(cuts.length / 2)]!.index + 1
    sec.paras.splice(i, 1, { text: p.text.slice(0, at), items: [] }, { text: p.text.slice(at + 1), items: [] })
  }
  for (let k = per100(3); k > 0; k--) {
    const [sec, i] = anyPara()
    const [p, q] = [sec.paras[i]!, sec.paras[i + 1]]
    if (!q || p.items.length > 0 || q.items.length > 0) continue
    sec.paras.splice(i, 2, { text: `${p.text} ${q.text}`, items: [] })
  }
  for (let k = per100(2); k > 0; k--) {
    const [sec, i] = anyPara()
    if (sec.paras.length > 2) sec.paras.splice(i, 1)
  }
  for (let k = per100(3); k > 0; k--) {
    const [sec, i] = anyPara()
    sec.paras.splice(i, 0, { text: prose(pool, rand, 40 + rand(60)), items: [] })
  }
  for (let k = per100(1); k > 0; k--) {
    const at = Math.floor(((k + 0.5) / (per100(1) + 1)) * s.length)
    s.splice(at, 0, { heading: 'Data Protection', paras: [0, 1, 2].map(() => ({ text: prose(pool, rand, 50 + rand(60)), items: [] })) })
  }
  return { sections: s }
}

export function words(a: Agreement): number {
  let n = 0
  for (const sec of a.sections) for (const p of sec.paras) n += wordCount(p.text) + p.items.reduce((w, i) => w + wordCount(i), 0)
  return n
}

// ---------------------------------------------------------------------------------------------
// Writers. The labels are the same in all three: typed into the text of the PDF and the plain
// text, automatic numbering in the DOCX.

const letter = (i: number): string => String.fromCharCode(97 + i)

/** Hard-wrapped at 76 columns, a blank line between paragraphs, items indented with a hanging indent. */
export function toText(a: Agreement): string {
  const wrap = (text: string, first: string, rest: string): string => {
    const lines: string[] = []
    let line = first
    for (const w of text.split(' ')) {
      if (line.length + w.length + 1 > 76 && line.trim() !== '') {
        lines.push(line.trimEnd())
        line = rest
      }
      line += (line.trim() === '' ? '' : ' ') + w
    }
    lines.push(line)
    return lines.join('\n')
  }
  const out = [TITLE, ...PREAMBLE.map((p) => wrap(p, '', ''))]
  a.sections.forEach((sec, k) => {
    out.push(`Section ${k + 1}. ${sec.heading}`)
    sec.paras.forEach((p, m) => {
      out.push(wrap(p.text, `${k + 1}.${m + 1} `, ''))
      p.items.forEach((item, i) => out.push(wrap(item, `    (${letter(i)}) `, '        ')))
    })
  })
  out.push(...SIGNATURES)
  return out.join('\n\n') + '\n'
}

const CLAUSES = {
  reference: 'clauses',
  levels: [
    { level: 0, format: LevelFormat.DECIMAL, text: 'Section %1.', alignment: AlignmentType.START },
    { level: 1, format: LevelFormat.DECIMAL, text: '%1.%2', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 720, hanging: 720 } } } },
    { level: 2, format: LevelFormat.LOWER_LETTER, text: '(%3)', alignment: AlignmentType.START, style: { paragraph: { indent: { left: 1440, hanging: 720 } } } }
  ]
}

/** As make-docx-fixtures.mjs writes the Apache drafts: Word automatic numbering, header, page-number footer. */
export async function toDocx(a: Agreement): Promise<Uint8Array> {
  const children = [new Paragraph({ heading: HeadingLevel.TITLE, text: TITLE }), ...PREAMBLE.map((p) => new Paragraph(p))]
  for (const sec of a.sections) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, numbering: { reference: 'clauses', level: 0 }, text: sec.heading }))
    for (const p of sec.paras) {
      children.push(new Paragraph({ numbering: { reference: 'clauses', level: 1 }, text: p.text }))
      for (const item of p.items) children.push(new Paragraph({ numbering: { reference: 'clauses', level: 2 }, text: item }))
    }
  }
  children.push(...SIGNATURES.map((p) => new Paragraph(p)))
  const doc = new Document({
    title: 'Master Licence Agreement',
    creator: 'Clausewise bench',
    numbering: { config: [CLAUSES] },
    sections: [{
      headers: { default: new Header({ children: [new Paragraph({ alignment: AlignmentType.RIGHT, text: 'Master Licence Agreement — Confidential' })] }) },
      footers: { default: new Footer({ children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ children: ['Page ', PageNumber.CURRENT] })] })] }) },
      children
    }]
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}

/**
 * As pdf.test.ts draws its 300-page PDF with pdfkit: Letter, Times 12 pt (about 500 words a
 * page), a running header and a page number on every page, labels typed before the text.
 */
export function toPdf(a: Agreement): Promise<{ bytes: Uint8Array; pages: number }> {
  return new Promise((resolve) => {
    const doc = new PDFDocument({ size: 'LETTER', margins: { top: 72, bottom: 72, left: 72, right: 72 }, info: { Title: 'Master Licence Agreement' } })
    const chunks: Buffer[] = []
    let pages = 0
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve({ bytes: new Uint8Array(Buffer.concat(chunks)), pages }))
    const furniture = (): void => {
      pages++
      const margins = doc.page.margins
      doc.page.margins = { ...margins, top: 0, bottom: 0 }
      doc.font('Times-Roman').fontSize(9).text('Master Licence Agreement — Confidential', 72, 40, { lineBreak: false })
      doc.text(`Page ${pages}`, 290, 750, { lineBreak: false })
      doc.page.margins = margins
      doc.font('Times-Roman').fontSize(12).text('', 72, 72)
    }
    doc.on('pageAdded', furniture)
    furniture()
    const body = { align: 'justify' as const, paragraphGap: 6, lineGap: 2 }
    doc.font('Times-Bold').text(TITLE, { align: 'center', paragraphGap: 12 })
    for (const p of PREAMBLE) doc.font('Times-Roman').text(p, 72, doc.y, body)
    a.sections.forEach((sec, k) => {
      doc.font('Times-Bold').text(`Section ${k + 1}. ${sec.heading}`, 72, doc.y, { paragraphGap: 6 })
      doc.font('Times-Roman')
      sec.paras.forEach((p, m) => {
        doc.text(`${k + 1}.${m + 1} ${p.text}`, 72, doc.y, body)
        p.items.forEach((item, i) => doc.text(`(${letter(i)}) ${item}`, 108, doc.y, { ...body, width: 432 }))
      })
    })
    for (const p of SIGNATURES) doc.text(p, 72, doc.y, body)
    doc.end()
  })
}

export type Format = 'docx' | 'pdf' | 'text'
const EXT: Record<Format, string> = { docx: 'docx', pdf: 'pdf', text: 'txt' }

export interface BenchFile {
  path: string
  /** The name the reader is given (its extension matters). */
  file: string
  bytes: Uint8Array
}

/** The draft ('a', or 'b' = a's next draft) of `pages` pages in `format`, from the cache or written now. */
export async function benchFile(draft: 'a' | 'b', pages: number, format: Format): Promise<BenchFile> {
  const file = `agreement-${GENERATOR}-${draft}-${pages}p.${EXT[format]}`
  const path = join(CACHE_DIR, file)
  if (!existsSync(path)) {
    mkdirSync(CACHE_DIR, { recursive: true })
    const base = makeAgreement(pages)
    const a = draft === 'a' ? base : nextDraft(base, pages)
    const bytes = format === 'text' ? new TextEncoder().encode(toText(a)) : format === 'docx' ? await toDocx(a) : (await toPdf(a)).bytes
    writeFileSync(path, bytes)
  }
  return { path, file, bytes: new Uint8Array(readFileSync(path)) }
}
