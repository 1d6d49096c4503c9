// Files import must refuse, built in memory so each test says exactly what is wrong with them:
// shared by the reader tests (core/import) and the CLI's import tests, which check the same
// files end to end (the message, and the matter left as it was).
import { strToU8, zipSync } from 'fflate'
import { makeDocx, p, W_NS } from '../unit/core/import/make-docx'

/**
 * An OLE compound file (what Word 97–2003 and a password-protected .docx both are) whose
 * directory names one stream: `WordDocument` makes a .doc, `EncryptedPackage` an encrypted .docx.
 */
export function compoundFile(stream: string): Uint8Array {
  const bytes = new Uint8Array(2048)
  bytes.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])
  // Directory entry names are UTF-16LE.
  bytes.set(new Uint8Array(Uint16Array.from(stream, (c) => c.charCodeAt(0)).buffer), 1024)
  return bytes
}

/** Rewrites the uncompressed size the zip's central directory records for one part. */
export function declareSize(zip: Uint8Array, part: string, size: number): Uint8Array {
  const out = zip.slice()
  const view = new DataView(out.buffer)
  const name = strToU8(part)
  for (let i = 0; i + 46 < out.length; i++) {
    if (view.getUint32(i, true) !== 0x02014b50 || view.getUint16(i + 28, true) !== name.length) continue
    if (out.subarray(i + 46, i + 46 + name.length).every((b, j) => b === name[j])) {
      view.setUint32(i + 24, size, true)
      return out
    }
  }
  throw new Error(`no ${part} in the directory`)
}

/** A DOCX whose document part declares 300 MB uncompressed: past the 256 MB cap, so never inflated. */
export function zipBombDocx(): Uint8Array {
  return declareSize(makeDocx({ body: p('small') }), 'word/document.xml', 300 * 1024 * 1024)
}

/** A DOCX cut off halfway: the zip has lost its directory. */
export function corruptDocx(): Uint8Array {
  const good = makeDocx({ body: p('Some text that is long enough to be compressed. '.repeat(50)) })
  return good.slice(0, good.length / 2)
}

/** A document part declaring an external entity (XXE): it must be neither fetched nor expanded. */
export const XXE_DOCUMENT_XML = `<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="${W_NS}"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`

export function doctypeDocx(): Uint8Array {
  return makeDocx({ body: '', documentXml: XXE_DOCUMENT_XML })
}

/** What Pages saves: a zip of its own format, not a Word package. */
export function pagesPackage(): Uint8Array {
  return zipSync({ 'Index/Document.iwa': new Uint8Array([1]) })
}

export const RTF = strToU8('{\\rtf1\\ansi Hello}')
