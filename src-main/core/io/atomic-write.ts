// Writes a whole file atomically under a temp name nobody else uses, so that leftovers of a killed
// save can be recognised and removed without ever touching a file the user made.
//
// Why not write-file-atomic here: it names its temp file `<target>.<uint32>`, which cannot be told
// apart from a user's own `w.json.20240115`, and it offers no hook between fsync and rename, where
// the workspace writer must check, as late as possible, that it still holds its lock.
import { randomBytes } from 'node:crypto'
import { open, realpath, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

const TEMP_MARK = '.clausewise-tmp-'
/** Rename blocked by a virus scanner or an indexer on Windows: worth a few retries. */
const RETRYABLE_RENAME = new Set(['EPERM', 'EBUSY', 'EACCES'])

export interface AtomicWriteOptions {
  /** Called just before the rename; throwing aborts the write (the temp file is removed, the target untouched). */
  beforeRename?: () => void
}

/** `.<name>.clausewise-tmp-<pid>-<16 hex>`: hidden, and unmistakably ours. */
export function tempNameOf(name: string): string {
  return `.${name}${TEMP_MARK}${process.pid}-${randomBytes(8).toString('hex')}`
}

/** The target name a temp file of ours is for, or null when `fileName` is not one of ours. */
export function targetOfTempName(fileName: string): string | null {
  const m = /^\.(.+)\.clausewise-tmp-\d{1,10}-[0-9a-f]{16}$/.exec(fileName)
  return m ? m[1]! : null
}

/**
 * Temp file in the target's folder (opened with 'wx': never an existing file), write, fsync,
 * close, rename over the target, then fsync of the folder on POSIX so the rename itself is
 * durable. A symlinked target is followed: the link stays, the file it points to is replaced.
 * On any failure the temp file is removed and the target is as it was.
 */
export async function writeFileAtomically(path: string, data: string | Buffer, options: AtomicWriteOptions = {}): Promise<void> {
  const target = await realpath(path).catch(() => path)
  const dir = dirname(target)
  const temp = join(dir, tempNameOf(basename(target)))
  try {
    const handle = await open(temp, 'wx', 0o666)
    try {
      await handle.writeFile(data)
      await handle.sync()
    } finally {
      await handle.close()
    }
    options.beforeRename?.()
    await renameWithRetry(temp, target)
  } catch (err) {
    await rm(temp, { force: true }).catch(() => undefined)
    throw err
  }
  if (process.platform !== 'win32') {
    const folder = await open(dir, 'r')
    try {
      await folder.sync()
    } finally {
      await folder.close()
    }
  }
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await rename(from, to)
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? ''
      if (process.platform !== 'win32' || !RETRYABLE_RENAME.has(code) || attempt >= 6) throw err
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt))
    }
  }
}
