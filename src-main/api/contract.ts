// The one contract between renderer and main: promise-returning methods that answer with a
// typed result, never a thrown error. The renderer imports this file for types only.
import type { CompareOptions, Comparison } from '../core/compare/types'
import type { Problem } from '../core/errors'
import type { LibraryIndex } from '../core/library'
import type { Version } from '../core/models/types'
import type { Source } from '../core/sources/types'

export type { Problem, LibraryIndex, Source, Version, Comparison, CompareOptions }
export type { ClauseComparison, ClauseStatus, ComparisonSummary, Granularity, Part, PartOp } from '../core/compare/types'
export type { Clause, VersionKind, VersionSummary } from '../core/models/types'
export type { MentionedDate, Paragraph, ParagraphKind, SourceSummary, Span } from '../core/sources/types'

export type ApiErrorCode = 'invalid-argument' | 'not-found' | 'invalid-file' | 'unreadable' | 'forbidden' | 'internal'

export interface ApiError {
  code: ApiErrorCode
  /** One sentence a reviewer can read; never a stack trace. */
  message: string
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; error: ApiError }

export interface IdArgs {
  id: string
}

export interface CompareArgs {
  baseId: string
  targetId: string
  /** Missing fields take the defaults: word granularity, nothing ignored. */
  options?: Partial<CompareOptions>
}

export interface ClausewiseApi {
  /** Sources and versions as summaries, plus the problems met while loading them. */
  getLibrary(): Promise<ApiResult<LibraryIndex>>
  getSource(args: IdArgs): Promise<ApiResult<Source>>
  getVersion(args: IdArgs): Promise<ApiResult<Version>>
  /** The clause-by-clause redline of two different versions. */
  compare(args: CompareArgs): Promise<ApiResult<Comparison>>
}

export type ApiMethod = keyof ClausewiseApi

/** Every method, in one list: the preload exposes exactly these and main registers exactly these. */
export const API_METHODS = ['getLibrary', 'getSource', 'getVersion', 'compare'] as const satisfies readonly ApiMethod[]

export const IPC_CHANNEL_PREFIX = 'clausewise:'

export type ArgsOf<M extends ApiMethod> = Parameters<ClausewiseApi[M]> extends [infer A] ? A : undefined
export type ValueOf<M extends ApiMethod> = Awaited<ReturnType<ClausewiseApi[M]>> extends ApiResult<infer T> ? T : never
