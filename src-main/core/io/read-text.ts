// Reads a bundled or user-supplied text file defensively: regular files only, a byte cap enforced
// while reading, binary sniffing and strict UTF-8, each failure reported as a Problem naming the
// file instead of garbage downstream or a hang.
import { constants as fsConstants, type Stats } from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { basename } from 'node:path'
import { ClausewiseError } from '../errors'

export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true })

// O_NONBLOCK makes opening a FIFO return at once instead of waiting for a writer; it changes
// nothing for regular files, the only kind we go on to read. Windows has no such flag (and no
// FIFOs in the file system), so there it is 0.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0)

export interface FileBytes {
  bytes: Buffer
  /** Taken on the open handle: it describes exactly the file that was read. */
  stats: Stats
}

/**
 * Reads a regular file's bytes, never more than `maxBytes` (+1 to know it is too many), without
 * hanging on a named pipe; null when there is no file. Every other failure is a ClausewiseError
 * naming the file; `tooLarge` words the size error (its size, or null when found while reading).
 */
export async function readFileBytes(path: string, maxBytes: number, tooLarge: (size: number | null) => string = (size) => (size === null ? `file is more than the ${formatBytes(maxBytes)} limit` : `file is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit`)): Promise<FileBytes | null> {
  const file = basename(path)
  const fail = (message: string) => new ClausewiseError({ code: 'invalid-file', file, message })
  let handle: FileHandle
  try {
    handle = await open(path, OPEN_FLAGS)
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw new ClausewiseError({ code: 'unreadable', file, message: describeFsError(err) })
  }
  try {
    // Checked on the open handle, not the path: a symlink swapped between a stat and the open
    // cannot slip a device or a pipe past the check.
    const stats = await handle.stat()
    if (!stats.isFile()) throw fail(describeNonFile(stats))
    if (stats.size > maxBytes) throw fail(tooLarge(stats.size))
    // The size from stat is only a hint (the file may grow, and some files report 0), so the cap
    // is enforced on the bytes actually read: never more than maxBytes + 1 are taken.
    const chunks: Buffer[] = []
    let total = 0
    for (;;) {
      const want = Math.min(maxBytes + 1 - total, Math.max(64 * 1024, stats.size + 1 - total))
      const { bytesRead, buffer } = await handle.read(Buffer.allocUnsafe(want), 0, want, null)
      if (bytesRead === 0) break
      total += bytesRead
      if (total > maxBytes) throw fail(tooLarge(null))
      chunks.push(buffer.subarray(0, bytesRead))
    }
    return { bytes: chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total), stats }
  } catch (err) {
    if (err instanceof ClausewiseError) throw err
    throw new ClausewiseError({ code: 'unreadable', file, message: describeFsError(err) })
  } finally {
    await handle.close()
  }
}

export async function readTextFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<string> {
  const file = basename(path)
  const fail = (message: string) => new ClausewiseError({ code: 'invalid-file', file, message })
  const read = await readFileBytes(path, maxBytes)
  if (read === null) throw new ClausewiseError({ code: 'unreadable', file, message: 'file not found' })
  const bytes = read.bytes
  // A NUL byte never occurs in the UTF-8 text we accept; it is the cheapest binary tell.
  if (bytes.includes(0)) throw fail('binary file, expected UTF-8 text')
  const decoded = decodeUtf8(bytes)
  if ('invalidAt' in decoded) throw fail('not valid UTF-8 text')
  return decoded.text
}

/**
 * Strict UTF-8: the text (a leading BOM dropped) or the offset of the first byte that is not
 * well-formed UTF-8. Never decodes with U+FFFD replacements, so a file saved in Latin-1 is never
 * silently rewritten. The native decoder does the work; the offset is found only on failure.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { invalidAt: number } {
  try {
    return { text: utf8.decode(bytes) }
  } catch {
    return { invalidAt: firstInvalidUtf8(bytes) ?? 0 }
  }
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence, or null. */
function firstInvalidUtf8(b: Uint8Array): number | null {
  for (let i = 0; i < b.length; ) {
    const c = b[i]!
    if (c < 0x80) {
      i++
      continue
    }
    let n: number
    let min: number
    if (c >= 0xc2 && c <= 0xdf) [n, min] = [1, 0x80]
    else if (c >= 0xe0 && c <= 0xef) [n, min] = [2, 0x800]
    else if (c >= 0xf0 && c <= 0xf4) [n, min] = [3, 0x10000]
    else return i
    let cp = c & (0x3f >> n)
    for (let k = 1; k <= n; k++) {
      const cc = b[i + k]
      if (cc === undefined || (cc & 0xc0) !== 0x80) return i
      cp = (cp << 6) | (cc & 0x3f)
    }
    // Overlong forms, UTF-16 surrogates and code points past U+10FFFF are not UTF-8.
    if (cp < min || (cp >= 0xd800 && cp <= 0xdfff) || cp > 0x10ffff) return i
    i += n + 1
  }
  return null
}

function describeNonFile(stats: Stats): string {
  if (stats.isDirectory()) return 'is a folder, expected a file'
  if (stats.isFIFO()) return 'is a named pipe (FIFO), expected a regular file'
  if (stats.isCharacterDevice() || stats.isBlockDevice()) return 'is a device, expected a regular file'
  if (stats.isSocket()) return 'is a socket, expected a regular file'
  return 'is not a regular file'
}

function describeFsError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code
  switch (code) {
    case 'ENOENT':
      return 'file not found'
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EISDIR':
      return 'is a folder, expected a file'
    case 'ELOOP':
      return 'too many symbolic links (a link that points to itself?)'
    default:
      return err instanceof Error ? err.message : String(err)
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}
