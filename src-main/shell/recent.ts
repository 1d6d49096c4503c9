// The list of recently opened workspaces (File → Open Recent), kept in the app's data folder.
// A damaged list is simply started afresh: it holds no work, only shortcuts.
import { readFile } from 'node:fs/promises'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'

export const MAX_RECENT = 8

const RecentSchema = z.object({ recent: z.array(z.string().min(1).max(4096)).max(50) })

export async function readRecent(file: string): Promise<string[]> {
  try {
    const parsed = RecentSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? parsed.data.recent.slice(0, MAX_RECENT) : []
  } catch {
    return []
  }
}

/** Puts `path` first, without duplicates, and saves the list. */
export async function rememberRecent(file: string, path: string): Promise<string[]> {
  const recent = [path, ...(await readRecent(file)).filter((p) => p !== path)].slice(0, MAX_RECENT)
  await writeFileAtomic(file, JSON.stringify({ recent }, null, 2) + '\n')
  return recent
}
