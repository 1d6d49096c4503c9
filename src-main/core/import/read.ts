// Opens a user's file for import: caps its size, tells its format from its bytes (the name only
// breaks ties), decodes text, and hands it to the one reader for that format; every file it
// cannot read gets an error naming the file and the reason.
import { basename, extname } from 'node:path'
import { ClausewiseError } from '../errors'
import { readFileBytes } from '../io/read-text'
import { CFB_SIGNATURE, readDocx } from './docx'
import { readHtml } from './html'
import { readMarkdown } from './markdown'
import { hasPdfHeader, readPdf } from './pdf'
import { readText } from './text'
import { invalidFile } from './text-kit'
import type { DocumentFormat, ReadResult } from './types'

/** A 300-page agreement is a few MB in any format; past this a file is not one to compare. */
export const MAX_IMPORT_BYTES = 100 * 1024 * 1024

const ZIP = [0x50, 0x4b, 0x03, 0x04]

/** The formats import reads, by file name ending: for the open dialog's filter and the drop check. */
export const IMPORT_EXTENSIONS = ['docx', 'docm', 'pdf', 'txt', 'text', 'md', 'markdown', 'html', 'htm', 'xhtml'] as const

export interface ReadOptions {
  /** Called as the reader gets through the document (PDF: page by page), with the share done, 0–1. */
  onProgress?: (fraction: number) => void
}

export async function readDocumentFile(path: string, options: ReadOptions = {}): Promise<ReadResult> {
  return readDocumentBytes(await readImportBytes(path), basename(path), options)
}

/** A file's bytes for import, refused before reading when it is larger than an import reads. */
export async function readImportBytes(path: string): Promise<Buffer> {
  const file = basename(path)
  const limit = `the ${mb(MAX_IMPORT_BYTES)} an import reads`
  const got = await readFileBytes(path, MAX_IMPORT_BYTES, (size) => (size === null ? `the file is more than ${limit}` : `the file is ${mb(size)}, more than ${limit}`))
  if (got === null) throw new ClausewiseError({ code: 'not-found', file, message: 'file not found' })
  return got.bytes
}

/** The same as {@link readDocumentFile} for bytes already read (a dropped file, a test). */
export async function readDocumentBytes(bytes: Uint8Array, file: string, options: ReadOptions = {}): Promise<ReadResult> {
  const fail = (message: string): ClausewiseError => invalidFile(file, message)
  const ext = extname(file).slice(1).toLowerCase()
  if (bytes.length === 0) throw fail('the file is empty')
  if (bytes.length > MAX_IMPORT_BYTES) throw fail(`the file is ${mb(bytes.length)}, more than the ${mb(MAX_IMPORT_BYTES)} an import reads`)
  if (startsWith(bytes, CFB_SIGNATURE)) {
    // A Word file in an OLE container is a .doc or a password-protected .docx, whatever its
    // name says: the DOCX reader tells them apart by what the container holds.
    if (['docx', 'docm', 'doc', 'dot', 'dotx', 'dotm'].includes(ext)) return readDocx(bytes, file)
    throw fail('this is an older Microsoft Office file, which import does not read: save it as .docx or PDF')
  }
  if (ext === 'pages' || ext === 'numbers' || ext === 'key') throw fail('Apple iWork documents are not supported: in Pages choose File › Export To › Word (.docx) or PDF, and import that')
  if (ext === 'rtf' || startsWith(bytes, [...'{\\rtf'].map((c) => c.charCodeAt(0)))) throw fail('RTF documents are not supported: save it as .docx or PDF, and import that')
  if (ext === 'odt') throw fail('OpenDocument text (.odt) is not supported: in LibreOffice choose File › Save As › Word (.docx), and import that')
  if (ext === 'doc') throw fail('Word 97–2003 documents (.doc) are not supported: save it as .docx or PDF')
  if (hasPdfHeader(bytes)) return readPdf(bytes, file, options.onProgress)
  if (startsWith(bytes, ZIP)) {
    if (ext === 'docx' || ext === 'docm' || ext === 'dotx' || ext === 'dotm') return readDocx(bytes, file, { macroEnabled: ext === 'docm' || ext === 'dotm' })
    throw fail(`this is a zip archive, not a document import reads (${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')})`)
  }
  if (ext === 'docx' || ext === 'docm') throw fail('this is not a Word document: a .docx file is a zip package, and this file is not one (it may be damaged or only named .docx)')
  if (ext === 'pdf') throw fail('this is not a PDF: it does not start with a PDF header (it may be damaged or only named .pdf)')
  if (looksBinary(bytes)) throw fail(`this is not a document import reads: it holds binary data (import reads ${IMPORT_EXTENSIONS.map((e) => `.${e}`).join(', ')})`)
  const { text, warning } = decodeText(bytes, file)
  const format = textFormat(ext, text)
  const result = format === 'html' ? readHtml(text, file) : format === 'markdown' ? readMarkdown(text, file) : readText(text, file)
  return warning ? { ...result, warnings: [warning, ...result.warnings] } : result
}

function textFormat(ext: string, text: string): DocumentFormat {
  if (ext === 'md' || ext === 'markdown') return 'markdown'
  if (ext === 'html' || ext === 'htm' || ext === 'xhtml') return 'html'
  if (ext === 'txt' || ext === 'text') return 'text'
  return /^\s*(<!doctype html|<html[\s>])/i.test(text.slice(0, 1024)) ? 'html' : 'text'
}

/**
 * UTF-8 (with or without its mark) and UTF-16 with its mark are read as such; a file that is not
 * valid UTF-8 is read as Windows-1252, the usual encoding of older Western text files, and the
 * user is told, since a wrong guess changes accented letters.
 */
export function decodeText(bytes: Uint8Array, file: string): { text: string; warning?: string } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: strict('utf-8', bytes.subarray(3), file) }
  if (startsWith(bytes, [0xff, 0xfe])) return { text: strict('utf-16le', bytes.subarray(2), file) }
  if (startsWith(bytes, [0xfe, 0xff])) return { text: strict('utf-16be', bytes.subarray(2), file) }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) }
  } catch {
    return { text: new TextDecoder('windows-1252').decode(bytes), warning: 'the file is not UTF-8: it was read as Windows-1252 (Western European); check accented letters' }
  }
}

function strict(encoding: string, bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes)
  } catch {
    throw invalidFile(file, `the file says it is ${encoding.toUpperCase()} but holds bytes that are not`)
  }
}

/** A NUL byte in the first 8 KB of a file without a UTF-16 mark: no text file has one. */
function looksBinary(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return false
  return bytes.subarray(0, 8192).includes(0)
}

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b)
}

function mb(n: number): string {
  return `${Math.round(n / (1024 * 1024))} MB`
}
