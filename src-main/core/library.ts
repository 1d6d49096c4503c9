// The reviewer's reference material: bundled sources and agreement models, each folder loaded
// once, on first use, and served by id. Plain class, built by the composition root (services.ts) for the app, the CLI and the
// E2E harness.
import { notFound, type Problem } from './errors'
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

export class Library {
  private sourcesLoad: Promise<SourcesLoad> | undefined
  private modelsLoad: Promise<ModelsLoad> | undefined

  constructor(readonly paths: LibraryPaths) {}

  /** The parsed sources and the problems met; concurrent callers share one load. */
  loadSources(): Promise<SourcesLoad> {
    this.sourcesLoad ??= loadSources(this.paths.sourcesDir)
    return this.sourcesLoad
  }

  /** The versions, oldest first, and the problems met; concurrent callers share one load. */
  loadModels(): Promise<ModelsLoad> {
    this.modelsLoad ??= loadModels(this.paths.modelsDir)
    return this.modelsLoad
  }

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

export function summarizeSource(s: Source): SourceSummary {
  const { id, file, title, titleFromLead, publisher, author, published, wordCount, latestEventDate } = s
  return { id, file, title, titleFromLead, publisher, author, published, wordCount, latestEventDate }
}

export function summarizeVersion(v: Version): VersionSummary {
  const { clauses: _clauses, ...summary } = v
  return summary
}
