// Comparisons as the app, the CLI and the PDF make them: the two versions from the library and
// the reviewer's pairing overrides ("Pair with…", "Unpair", "Automatic") from the workspace,
// which this service also saves.
import { randomUUID } from 'node:crypto'
import { ClausewiseError } from '../errors'
import type { WorkspaceAccess } from '../evidence/service'
import type { Library } from '../library'
import { MAX_LINK_CLAUSES } from '../workspace/schema'
import type { PairingOverride, WorkspaceData } from '../workspace/types'
import { compareVersions, type ClauseLink } from './compare'
import { resolveCompareOptions, type CompareOptions, type Comparison } from './types'

/**
 * `pair`: these base clauses are these target clauses (one to one, one to many or many to one).
 * `unpair`: each named clause stands alone (added or removed), whatever content says.
 * `auto`: forget every override naming these clauses; content and ids decide again.
 */
export type PairingMode = 'pair' | 'unpair' | 'auto'

export interface SetPairingInput {
  baseId: string
  targetId: string
  base: string[]
  target: string[]
  mode: PairingMode
}

/**
 * The saved links between two versions, as compareVersions takes them. An override made with the
 * versions the other way round applies too, its sides swapped: pairing is symmetric.
 */
export function linksBetween(pairings: readonly PairingOverride[], baseId: string, targetId: string): ClauseLink[] {
  const links: ClauseLink[] = []
  for (const p of pairings) {
    if (p.baseVersionId === baseId && p.targetVersionId === targetId) links.push({ base: p.base, target: p.target })
    else if (p.baseVersionId === targetId && p.targetVersionId === baseId) links.push({ base: p.target, target: p.base })
  }
  return links
}

export class CompareService {
  constructor(
    private readonly library: Library,
    private readonly workspace: WorkspaceAccess
  ) {}

  /** The redline of two versions with the workspace's saved pairings applied. */
  async compare(baseId: string, targetId: string, options: Partial<CompareOptions> = {}): Promise<Comparison> {
    const [base, target, ws] = await Promise.all([this.library.version(baseId), this.library.version(targetId), this.workspace.read()])
    return compareVersions(base, target, resolveCompareOptions(options), linksBetween(ws.pairings, baseId, targetId))
  }

  /** Saves a reviewer's pairing decision; every clause is checked against its version first. */
  async setPairing(input: SetPairingInput): Promise<{ overrides: number }> {
    const { baseId, targetId, base, target, mode } = input
    if (baseId === targetId) throw invalid(`base and target are the same version ("${baseId}")`)
    if (base.length + target.length === 0) throw invalid('name at least one clause')
    if (base.length + target.length > MAX_LINK_CLAUSES) throw invalid(`a pairing names at most ${MAX_LINK_CLAUSES} clauses`)
    if (mode === 'pair' && (base.length === 0 || target.length === 0)) throw invalid('"pair" needs at least one base and one target clause')
    if (mode === 'pair' && base.length > 1 && target.length > 1) throw invalid('a pairing links one clause with one or more, not several with several')
    await this.check(baseId, base)
    await this.check(targetId, target)
    return this.workspace.update((ws) => {
      forget(ws, baseId, targetId, base, target)
      const now = new Date().toISOString()
      const add = (b: string[], t: string[]): void => {
        ws.pairings.push({ id: randomUUID(), created: now, reviewer: ws.settings.reviewerName, baseVersionId: baseId, targetVersionId: targetId, base: b, target: t })
      }
      if (mode === 'pair') add([...base], [...target])
      else if (mode === 'unpair') {
        for (const b of base) add([b], [])
        for (const t of target) add([], [t])
      }
      return { overrides: linksBetween(ws.pairings, baseId, targetId).length }
    })
  }

  /**
   * Removes the saved pairings between two versions that name a clause either version no longer
   * has (compare reports them and leaves them out); answers how many were removed.
   */
  async forgetStale(baseId: string, targetId: string): Promise<{ removed: number }> {
    const [base, target] = await Promise.all([this.library.version(baseId), this.library.version(targetId)])
    const ids = new Map([
      [base.id, new Set(base.clauses.map((c) => c.id))],
      [target.id, new Set(target.clauses.map((c) => c.id))]
    ])
    const between = (p: PairingOverride): boolean => (p.baseVersionId === baseId && p.targetVersionId === targetId) || (p.baseVersionId === targetId && p.targetVersionId === baseId)
    const stale = (p: PairingOverride): boolean => p.base.some((id) => !ids.get(p.baseVersionId)!.has(id)) || p.target.some((id) => !ids.get(p.targetVersionId)!.has(id))
    if (!(await this.workspace.read()).pairings.some((p) => between(p) && stale(p))) return { removed: 0 }
    return this.workspace.update((ws) => {
      const before = ws.pairings.length
      ws.pairings = ws.pairings.filter((p) => !(between(p) && stale(p)))
      return { removed: before - ws.pairings.length }
    })
  }

  private async check(versionId: string, clauseIds: readonly string[]): Promise<void> {
    const version = await this.library.version(versionId)
    const known = new Set(version.clauses.map((c) => c.id))
    const seen = new Set<string>()
    for (const id of clauseIds) {
      if (!known.has(id)) throw new ClausewiseError({ code: 'not-found', message: `version "${versionId}" has no clause "${id}"` })
      if (seen.has(id)) throw invalid(`clause "${id}" is named twice`)
      seen.add(id)
    }
  }
}

/** Drops the overrides between these versions (either direction) that name any of these clauses. */
function forget(ws: WorkspaceData, baseId: string, targetId: string, base: readonly string[], target: readonly string[]): void {
  const b = new Set(base)
  const t = new Set(target)
  ws.pairings = ws.pairings.filter((p) => {
    const [pb, pt] = p.baseVersionId === baseId && p.targetVersionId === targetId ? [p.base, p.target] : p.baseVersionId === targetId && p.targetVersionId === baseId ? [p.target, p.base] : [null, null]
    if (pb === null || pt === null) return true
    return !pb.some((id) => b.has(id)) && !pt.some((id) => t.has(id))
  })
}

function invalid(message: string): ClausewiseError {
  return new ClausewiseError({ code: 'invalid-argument', message })
}
