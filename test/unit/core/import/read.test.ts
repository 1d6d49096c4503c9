// The import dispatcher: every file it cannot read gets an error naming the file and the reason,
// without reading more than it must; text files are decoded whatever their encoding mark.
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { zipSync } from 'fflate'
import { ClausewiseError } from '../../../../src-main/core/errors'
import { readDocumentBytes, readDocumentFile } from '../../../../src-main/core/import/read'
import { compoundFile, pagesPackage, RTF } from '../../../support/bad-documents'

const dir = mkdtempSync(join(tmpdir(), 'clausewise-read-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const OLE = compoundFile('WordDocument')
/** What Word writes for a password-protected .docx: an OLE container holding the encrypted package. */
const ENCRYPTED = compoundFile('EncryptedPackage')

async function failure(bytes: Uint8Array, file: string): Promise<string> {
  try {
    await readDocumentBytes(bytes, file)
  } catch (err) {
    expect(err).toBeInstanceOf(ClausewiseError)
    return (err as ClausewiseError).message
  }
  throw new Error(`${file} was read`)
}

describe('readDocumentBytes: files import does not read', () => {
  it.each([
    ['empty.docx', new Uint8Array(0), 'empty.docx: the file is empty'],
    ['old.doc', OLE, 'old.doc: is an old Word 97–2003 document (.doc), which is not supported'],
    // Named by its content, not its name: a .doc renamed .docx is not called password-protected.
    ['renamed.docx', OLE, 'renamed.docx: is an old Word 97–2003 document (.doc)'],
    ['locked.docx', ENCRYPTED, 'locked.docx: the document is password-protected'],
    ['sheet.xls', OLE, 'sheet.xls: this is an older Microsoft Office file'],
    ['letter.rtf', RTF, 'letter.rtf: RTF documents are not supported'],
    ['draft.pages', pagesPackage(), 'draft.pages: Apple iWork documents are not supported'],
    ['bundle.zip', zipSync({ 'a.txt': new Uint8Array([65]) }), 'bundle.zip: this is a zip archive, not a document import reads'],
    ['fake.docx', Buffer.from('just text'), 'fake.docx: this is not a Word document'],
    ['fake.pdf', Buffer.from('just text'), 'fake.pdf: this is not a PDF'],
    ['image.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), 'image.png: this is not a document import reads: it holds binary data']
  ])('%s', async (file, bytes, message) => {
    expect(await failure(bytes, file)).toContain(message)
  })

  it('refuses a 200 MB file from its size, before reading it', async () => {
    const path = join(dir, 'huge.pdf')
    writeFileSync(path, '%PDF-1.7\n')
    truncateSync(path, 200 * 1024 * 1024) // sparse: takes no disk
    await expect(readDocumentFile(path)).rejects.toThrow('huge.pdf: the file is 200 MB, more than the 100 MB an import reads')
  })

  it('says when the file is not there', async () => {
    await expect(readDocumentFile(join(dir, 'missing.docx'))).rejects.toThrow('missing.docx: file not found')
  })
})

describe('readDocumentBytes: text encodings', () => {
  const text = '1. Définitions\n\nLe « Contrat » désigne le présent accord.\n'
  it('reads UTF-8 with and without its mark, and UTF-16 with its mark', async () => {
    for (const bytes of [Buffer.from(text), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])]) {
      const r = await readDocumentBytes(bytes, 'contrat.txt')
      expect(r.format).toBe('text')
      expect(r.blocks.map((b) => b.text).join('\n')).toContain('Le « Contrat » désigne le présent accord.')
      expect(r.warnings.join(' ')).not.toContain('Windows-1252')
    }
  })

  it('reads a file that is not UTF-8 as Windows-1252, and says so', async () => {
    const r = await readDocumentBytes(Buffer.from(text, 'latin1'), 'contrat.txt')
    expect(r.blocks.map((b) => b.text).join('\n')).toContain('désigne le présent accord')
    expect(r.warnings[0]).toMatch(/not UTF-8: it was read as Windows-1252/)
  })

  it('tells Markdown and HTML by their extension, and HTML without one by its start', async () => {
    expect((await readDocumentBytes(Buffer.from('# Terms\n\n1. One.\n'), 'terms.md')).format).toBe('markdown')
    expect((await readDocumentBytes(Buffer.from('<html><body><p>Terms of the deal.</p></body></html>'), 'terms.htm')).format).toBe('html')
    expect((await readDocumentBytes(Buffer.from('<!DOCTYPE html><html><body><p>Terms of the deal.</p></body></html>'), 'terms')).format).toBe('html')
  })
})
