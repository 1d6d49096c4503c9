import { strToU8, unzipSync, zipSync } from 'fflate'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ClausewiseError } from '../../../../src-main/core/errors'
import { readDocx } from '../../../../src-main/core/import/docx'
import { compoundFile, corruptDocx, declareSize, XXE_DOCUMENT_XML, zipBombDocx } from '../../../support/bad-documents'
import { list, makeDocx, p, W_NS } from './make-docx'

/** The error readDocx throws, checked to be the located kind every surface reports. */
function failure(bytes: Uint8Array, file = 'contract.docx'): ClausewiseError {
  try {
    readDocx(bytes, file)
  } catch (e) {
    expect(e).toBeInstanceOf(ClausewiseError)
    const error = e as ClausewiseError
    expect(error.problem.code).toBe('invalid-file')
    return error
  }
  throw new Error('readDocx accepted a bad file')
}

const documentXml = (inner: string) => `<?xml version="1.0" encoding="UTF-8"?>\n<w:document xmlns:w="${W_NS}">${inner}</w:document>`

describe('readDocx refuses bad input with a reason', () => {
  it('names the file by its base name', () => {
    expect(failure(new Uint8Array(), 'matters/2026/Draft 3.docx').problem.file).toBe('Draft 3.docx')
  })

  it('an empty file', () => {
    expect(failure(new Uint8Array()).problem.message).toBe('the file is empty')
  })

  it('a file that is not a zip at all', () => {
    expect(failure(strToU8('This Agreement is made on 1 May 2026.')).problem.message).toBe('is not a Word document (.docx): its content is not a Word package')
  })

  it('a corrupt zip: cut short, or with its compressed data damaged', () => {
    expect(failure(corruptDocx()).problem.message).toMatch(/^the file is damaged: it has no zip directory/)
    const good = makeDocx({ body: p('Some text that is long enough to be compressed. '.repeat(50)) })
    // Noise over the entries' compressed data, the directory at the end left intact.
    const damaged = good.slice()
    for (let i = 200; i < damaged.length - 600; i++) damaged[i] = (i * 7919) & 0xff
    expect(failure(damaged).problem.message).toMatch(/^the file is damaged/)
  })

  it('a zip that is not a Word document', () => {
    expect(failure(zipSync({ 'notes.txt': strToU8('hello') })).problem.message).toBe('is not a Word document: the package has no word/document.xml')
    // A spreadsheet: its main part is a workbook, not a Word document.
    const xlsx = zipSync({
      '_rels/.rels': strToU8('<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'),
      'xl/workbook.xml': strToU8('<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>')
    })
    expect(failure(xlsx).problem.message).toBe('is not a Word document: the package has no word/document.xml')
  })

  it('a password-protected document, and an old .doc, both compound files', () => {
    expect(failure(compoundFile('EncryptedPackage')).problem.message).toMatch(/password-protected/)
    expect(failure(compoundFile('WordDocument')).problem.message).toMatch(/old Word 97–2003 document \(\.doc\)/)
  })

  it('a zip bomb: a part declaring more than 256 MB is refused before anything is inflated', () => {
    expect(failure(zipBombDocx()).problem.message).toMatch(/would expand to more than 256 MB; not read for safety/)
  })

  it('a zip bomb: a part compressed far beyond what XML allows is refused before inflating', () => {
    // 20 MB of the same bytes deflates about 1000 to 1; no Word part does that.
    const padding = ' '.repeat(20 * 1024 * 1024)
    const zip = makeDocx({ body: '', documentXml: documentXml(`<w:body>${padding}${p('x')}</w:body>`) })
    expect(zip.length).toBeLessThan(200 * 1024)
    expect(failure(zip).problem.message).toMatch(/part word\/document.xml is compressed more than 200 to 1/)
  })

  it('media are never inflated: a picture claiming 4 GB does not stop the text being read', () => {
    const zip = declareSize(makeDocx({ body: p('Text'), extra: { 'word/media/image1.png': new Uint8Array(5000).fill(7) } }), 'word/media/image1.png', 0xfffffff0)
    expect(readDocx(zip, 'a.docx').blocks.map((b) => b.text)).toEqual(['Text'])
  })

  it('a part that inflates past the size its directory entry declares is cut off', () => {
    const zip = declareSize(makeDocx({ body: p('A paragraph of the agreement. '.repeat(200)) }), 'word/document.xml', 1000)
    expect(failure(zip).problem.message).toBe('the file is damaged: part word/document.xml expands past the size the package says; not read for safety')
  })

  it('an encrypted zip entry', () => {
    const zip = makeDocx({ body: p('x') })
    const view = new DataView(zip.buffer)
    for (let i = 0; i + 4 < zip.length; i++) if (view.getUint32(i, true) === 0x02014b50) view.setUint16(i + 8, view.getUint16(i + 8, true) | 1, true)
    expect(failure(zip).problem.message).toMatch(/is encrypted/)
  })

  it('XML with a DOCTYPE, whatever it declares: entities are never expanded or fetched', () => {
    expect(failure(makeDocx({ body: '', documentXml: XXE_DOCUMENT_XML })).problem.message).toBe(
      'word/document.xml contains a DOCTYPE, which Word never writes; not read for safety'
    )
    const laughs = `<?xml version="1.0"?><!DOCTYPE s [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><w:styles xmlns:w="${W_NS}">&b;</w:styles>`
    expect(failure(rewritePart(makeDocx({ body: p('x'), styles: '' }), 'word/styles.xml', laughs)).problem.message).toBe(
      'word/styles.xml contains a DOCTYPE, which Word never writes; not read for safety'
    )
    // A part the document does not relate is never inflated, so it cannot do harm.
    expect(readDocx(makeDocx({ body: p('x'), extra: { 'word/styles.xml': laughs } }), 'a.docx').blocks.map((b) => b.text)).toEqual(['x'])
  })

  it('malformed XML, naming the part and the line', () => {
    const broken = documentXml('\n<w:body>\n<w:p><w:r><w:t>unclosed</w:r></w:p></w:body>')
    const message = failure(makeDocx({ body: '', documentXml: broken })).problem.message
    expect(message).toMatch(/^the file is damaged: word\/document.xml is not well-formed XML \(line 4: unexpected close tag\.\)$/)
  })

  it('XML nested deeper than any Word document', () => {
    const deep = '<w:sdt><w:sdtContent>'.repeat(3000) + '</w:sdtContent></w:sdt>'.repeat(3000)
    expect(failure(makeDocx({ body: deep })).problem.message).toMatch(/nested too deeply/)
  })
})

/** The same package with one part's XML replaced (the relationship to it kept). */
function rewritePart(zip: Uint8Array, part: string, xml: string): Uint8Array {
  const files: Record<string, Uint8Array> = {}
  for (const [name, data] of Object.entries(unzipSync(zip))) files[name] = name === part ? strToU8(xml) : data
  return zipSync(files)
}

describe('readDocx speed', () => {
  // ~150,000 words in 3,000 numbered paragraphs of three runs each, the shape Word writes:
  // about 300 pages. Generated here, not committed.
  it('reads a 300-page agreement in well under the import budget', () => {
    // Real licence wording, drawn pseudo-randomly so the text compresses like a document's, not like a pattern.
    const words = readFileSync(join(__dirname, '../../../fixtures/documents/apache-2.0-v1.expected.txt'), 'utf8')
      .split(/\s+/).filter((x) => /^[A-Za-z,.;()"-]+$/.test(x))
    let seed = 12345
    const nextWord = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return words[seed % words.length] ?? 'word'
    }
    const rPr = '<w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman"/><w:sz w:val="24"/></w:rPr>'
    const paragraphs: string[] = []
    for (let i = 0; i < 3000; i++) {
      const level = i % 10 === 0 ? 0 : i % 3 === 0 ? 2 : 1
      const runs: string[] = []
      for (let r = 0; r < 3; r++) {
        const text: string[] = []
        for (let k = 0; k < 17; k++) text.push(nextWord())
        runs.push(`<w:r w:rsidR="00A1B2C3">${rPr}<w:t xml:space="preserve">${text.join(' ')} </w:t></w:r>`)
      }
      paragraphs.push(`<w:p w:rsidR="00A1B2C3" w:rsidRDefault="00D4E5F6"><w:pPr><w:numPr><w:ilvl w:val="${level}"/><w:numId w:val="1"/></w:numPr><w:spacing w:after="120"/><w:jc w:val="both"/></w:pPr>${runs.join('')}</w:p>`)
    }
    const numbering = list(1, [['decimal', 'Section %1.'], ['decimal', '%1.%2'], ['lowerLetter', '(%3)']], [1])
    const bytes = makeDocx({ body: paragraphs.join(''), numbering })
    console.log(`300-page DOCX: ${(bytes.length / 1e6).toFixed(1)} MB zipped`)

    const started = performance.now()
    const { blocks } = readDocx(bytes, 'long.docx')
    const elapsed = performance.now() - started

    expect(blocks).toHaveLength(3000)
    expect(blocks.reduce((n, b) => n + b.text.split(' ').length, 0)).toBe(153000)
    expect(blocks.at(-1)?.number).toBe('300.6')
    // No tight bound on a busy shared machine: this only catches a pathological slowdown.
    console.log(`300-page DOCX read in ${elapsed.toFixed(0)} ms`)
    expect(elapsed).toBeLessThan(15000)
  })
})
