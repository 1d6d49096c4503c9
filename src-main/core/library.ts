// The reviewer's reference material, served by id: the bundled sources and agreement models
// (FolderLibrary, each folder loaded once, on first use) or a matter's imported documents
// (matter/library.ts). Built by the composition root (services.ts) for the app, the CLI and the E2E harness.
import { notFound, type Problem } from './errors'
import { anchorBasis } from './models/basis'
import { carryForward } from './models/effective'
import { loadModels, type ModelsLoad } from './models/library'
import type { Version, VersionSummary } from './models/types'
import { loadSources, type SourcesLoad } from './sources/library'
import type { Source, SourceSummary } from './sources/types'

export interface LibraryPaths {
  sourcesDir: string
  modelsDir: string
}

export interface LibraryIndex {
  sources: SourceSummary[]
  versions: VersionSummary[]
  /** Files or entries that could not be loaded; everything else still is. */
  problems: Problem[]
}

/**
 * What every library serves. `loadSources` and `loadModels` answer the same arrays for as long as
 * their content is unchanged, so callers may cache what they derive from them by identity.
 */
export abstract class Library {
  /** The parsed sources and the problems met. */
  abstract loadSources(): Promise<SourcesLoad>
  /** The versions, oldest first, and the problems met. */
  abstract loadModels(): Promise<ModelsLoad>

  async index(): Promise<LibraryIndex> {
    const [s, m] = await Promise.all([this.loadSources(), this.loadModels()])
    return {
      sources: s.sources.map(summarizeSource),
      versions: m.versions.map(summarizeVersion),
      problems: [...s.problems, ...m.problems]
    }
  }

  async source(id: string): Promise<Source> {
    const found = (await this.loadSources()).sources.find((s) => s.id === id)
    if (!found) throw notFound('source', id)
    return found
  }

  async version(id: string): Promise<Version> {
    const found = (await this.loadModels()).versions.find((v) => v.id === id)
    if (!found) throw notFound('version', id)
    return found
  }
}

/** The bundled case (or any folder of sources and models): loaded once, concurrent callers share the load. */
export class FolderLibrary extends Library {
  private sourcesLoad: Promise<SourcesLoad> | undefined
  private modelsLoad: Promise<ModelsLoad> | undefined

  constructor(readonly paths: LibraryPaths) {
    super()
  }

  loadSources(): Promise<SourcesLoad> {
    this.sourcesLoad ??= loadSources(this.paths.sourcesDir)
    return this.sourcesLoad
  }

  /** The versions with their effective terms (carried over where not restated), their basis anchored in the sources. */
  loadModels(): Promise<ModelsLoad> {
    this.modelsLoad ??= Promise.all([loadModels(this.paths.modelsDir), this.loadSources()]).then(([models, { sources }]) => {
      const anchoring = anchorBasis(models.versions, sources)
      const carried = carryForward(models.versions)
      return { versions: carried.versions, problems: [...models.problems, ...anchoring, ...carried.problems] }
    })
    return this.modelsLoad
  }
}

export function summarizeSource(s: Source): SourceSummary {
  const { id, file, title, titleFromLead, publisher, author, published, wordCount, latestEventDate } = s
  return { id, file, title, titleFromLead, publisher, author, published, wordCount, latestEventDate }
}

export function summarizeVersion(v: Version): VersionSummary {
  const { clauses: _clauses, ...summary } = v
  return summary
}
