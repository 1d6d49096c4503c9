// Reads a bundled or user-supplied text file defensively: size cap, binary sniffing and strict
// UTF-8, each failure reported as a Problem naming the file instead of garbage downstream.
import { open } from 'node:fs/promises'
import { basename } from 'node:path'
import { ClausewiseError } from '../errors'

export const MAX_TEXT_FILE_BYTES = 8 * 1024 * 1024

const utf8 = new TextDecoder('utf-8', { fatal: true })

export async function readTextFile(path: string, maxBytes = MAX_TEXT_FILE_BYTES): Promise<string> {
  const file = basename(path)
  let handle
  try {
    handle = await open(path, 'r')
  } catch (err) {
    throw new ClausewiseError({ code: 'unreadable', file, message: describeFsError(err) })
  }
  try {
    const { size } = await handle.stat()
    if (size > maxBytes) {
      throw new ClausewiseError({
        code: 'invalid-file',
        file,
        message: `file is ${formatBytes(size)}, more than the ${formatBytes(maxBytes)} limit`
      })
    }
    const bytes = await handle.readFile()
    // A NUL byte never occurs in the UTF-8 text we accept; it is the cheapest binary tell.
    if (bytes.includes(0)) {
      throw new ClausewiseError({ code: 'invalid-file', file, message: 'binary file, expected UTF-8 text' })
    }
    let text: string
    try {
      text = utf8.decode(bytes)
    } catch {
      throw new ClausewiseError({ code: 'invalid-file', file, message: 'not valid UTF-8 text' })
    }
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  } finally {
    await handle.close()
  }
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
    default:
      return err instanceof Error ? err.message : String(err)
  }
}

function formatBytes(n: number): string {
  return n >= 1024 * 1024 ? `${(n / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(n / 1024)} KB`
}
