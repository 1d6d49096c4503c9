// The list of recently opened matters and workspaces (File → Open Recent) and the matter to reopen at
// start, kept in the app's data folder. A damaged list is simply started afresh: it holds no work,
// only shortcuts.
import { readFile } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import writeFileAtomic from 'write-file-atomic'
import { z } from 'zod'
import { matterDirOfReviewFile } from '../core/matter/layout'

export const MAX_RECENT = 8

const path = z.string().min(1).max(4096)
const RecentSchema = z.object({ recent: z.array(path).max(50), reopen: path.nullable().optional() })

interface RecentState {
  recent: string[]
  /** The matter's review file open when the app was last switched; null after the bundled case or a workspace. */
  reopen: string | null
}

async function readState(file: string): Promise<RecentState> {
  try {
    const parsed = RecentSchema.safeParse(JSON.parse(await readFile(file, 'utf8')))
    return parsed.success ? { recent: parsed.data.recent.slice(0, MAX_RECENT), reopen: parsed.data.reopen ?? null } : { recent: [], reopen: null }
  } catch {
    return { recent: [], reopen: null }
  }
}

// Read-modify-write, one at a time per file: the menu and the API can both switch in quick succession.
const queues = new Map<string, Promise<unknown>>()

function change(file: string, edit: (state: RecentState) => RecentState): Promise<RecentState> {
  const next = (queues.get(file) ?? Promise.resolve()).then(async () => {
    const state = edit(await readState(file))
    await writeFileAtomic(file, JSON.stringify(state, null, 2) + '\n')
    return state
  })
  queues.set(file, next.catch(() => undefined))
  return next
}

export async function readRecent(file: string): Promise<string[]> {
  return (await readState(file)).recent
}

/** The review file of the matter to open at start, if the app was last switched to one; else null. */
export async function readReopen(file: string): Promise<string | null> {
  return (await readState(file)).reopen
}

/** Puts `path` first, without duplicates, and saves the list; a matter's review file becomes the one to reopen. */
export async function rememberRecent(file: string, path: string): Promise<string[]> {
  const state = await change(file, ({ recent }) => ({
    recent: [path, ...recent.filter((p) => p !== path)].slice(0, MAX_RECENT),
    reopen: matterDirOfReviewFile(path) === null ? null : path
  }))
  return state.recent
}

/** The bundled case was opened: it has its own menu item, so the list keeps its order and nothing is reopened. */
export async function rememberBundledCase(file: string): Promise<void> {
  await change(file, ({ recent }) => ({ recent, reopen: null }))
}

/** Takes a path that is no longer there out of the list. */
export async function forgetRecent(file: string, path: string): Promise<string[]> {
  const state = await change(file, ({ recent, reopen }) => ({ recent: recent.filter((p) => p !== path), reopen: reopen === path ? null : reopen }))
  return state.recent
}

export interface RecentEntry {
  path: string
  kind: 'matter' | 'workspace'
  /** A matter by its folder's name, a workspace by its file name; the parent folder is added when two would read alike. */
  label: string
}

export function recentEntries(paths: readonly string[]): RecentEntry[] {
  const entries = paths.map((p) => {
    const dir = matterDirOfReviewFile(p)
    return dir === null ? { path: p, kind: 'workspace' as const, label: basename(p), where: dirname(p) } : { path: p, kind: 'matter' as const, label: basename(dir), where: dirname(dir) }
  })
  return entries.map(({ where, ...entry }) => {
    const twins = entries.filter((e) => e.label === entry.label).length
    return twins > 1 ? { ...entry, label: `${entry.label} (${basename(where) || where})` } : entry
  })
}
