// Citations as W3C Web Annotations (JSON-LD): export a workspace as an AnnotationCollection,
// import any annotations that name a Clausewise clause. The clause, version, stance and note
// travel in the body using only the W3C vocabulary: a linking SpecificResource for the clause,
// a tagging TextualBody for the stance, a commenting TextualBody for the note.
import { z } from 'zod'
import { ClausewiseError } from '../errors'
import type { Library } from '../library'
import { readTextFile } from '../io/read-text'
import { MAX_NOTE_CHARS, MAX_REVIEWER_CHARS, PositionSelectorSchema, QuoteSelectorSchema } from './schema'
import { STANCES, type Citation, type WorkspaceData } from './types'

export const ANNOTATION_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024

const CITATION_URN = 'urn:uuid:'
const SOURCE_URN = 'urn:clausewise:source:'
const CLAUSE_URN = 'urn:clausewise:version:'

export function toAnnotationCollection(ws: WorkspaceData): Record<string, unknown> {
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `urn:uuid:${ws.id}`,
    type: 'AnnotationCollection',
    label: 'Clausewise citations',
    total: ws.citations.length,
    first: { type: 'AnnotationPage', items: ws.citations.map(toAnnotation) }
  }
}

export function toAnnotation(c: Citation): Record<string, unknown> {
  const body: Array<Record<string, unknown>> = [
    { type: 'SpecificResource', purpose: 'linking', source: `${CLAUSE_URN}${c.versionId}#clause=${c.clauseId}` },
    { type: 'TextualBody', purpose: 'tagging', value: c.stance }
  ]
  if (c.note) body.push({ type: 'TextualBody', purpose: 'commenting', value: c.note, format: 'text/plain' })
  return {
    '@context': ANNOTATION_CONTEXT,
    id: `${CITATION_URN}${c.id}`,
    type: 'Annotation',
    motivation: 'assessing',
    created: c.created,
    modified: c.modified,
    ...(c.reviewer ? { creator: { type: 'Person', name: c.reviewer } } : {}),
    body,
    target: { source: `${SOURCE_URN}${c.sourceId}`, selector: [c.quote, c.position] }
  }
}

const TextualBody = z.object({ type: z.literal('TextualBody'), purpose: z.string(), value: z.string() })
const LinkBody = z.object({ type: z.literal('SpecificResource'), purpose: z.literal('linking'), source: z.string() })

const AnnotationSchema = z.object({
  id: z.string({ error: 'missing id' }).startsWith(CITATION_URN, `id must be a ${CITATION_URN}… identifier`),
  type: z.literal('Annotation', { error: 'type must be "Annotation"' }),
  created: z.iso.datetime({ offset: true, error: 'created must be an ISO date-time' }).optional(),
  modified: z.iso.datetime({ offset: true, error: 'modified must be an ISO date-time' }).optional(),
  creator: z.object({ name: z.string().max(MAX_REVIEWER_CHARS) }).optional(),
  body: z.array(z.unknown(), { error: 'body must be a list' }),
  target: z.object({
    source: z.string({ error: 'target.source missing' }).startsWith(SOURCE_URN, `target.source must be a ${SOURCE_URN}… identifier`),
    selector: z.array(z.unknown(), { error: 'target.selector must be a list' })
  }, { error: 'target missing' })
})

export interface SkippedEntry {
  index: number
  id: string | null
  reason: string
}

export interface ImportResult {
  added: number
  updated: number
  skipped: SkippedEntry[]
}

/** Reads an annotation file: size-capped, must be JSON; the entries are checked one by one. */
export async function readAnnotationFile(path: string): Promise<unknown[]> {
  const text = await readTextFile(path, MAX_IMPORT_BYTES)
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (err) {
    throw new ClausewiseError({ code: 'invalid-file', file: path.split(/[\\/]/).pop(), message: `not JSON: ${(err as Error).message}` })
  }
  const items = entriesOf(json)
  if (!items) throw new ClausewiseError({ code: 'invalid-file', file: path.split(/[\\/]/).pop(), message: 'no annotations: expected an Annotation, an AnnotationPage, an AnnotationCollection or a list of annotations' })
  return items
}

function entriesOf(json: unknown): unknown[] | null {
  if (Array.isArray(json)) return json
  if (json && typeof json === 'object') {
    const o = json as Record<string, unknown>
    if (o['type'] === 'Annotation') return [o]
    if (o['type'] === 'AnnotationPage' && Array.isArray(o['items'])) return o['items']
    const first = o['first'] as Record<string, unknown> | undefined
    if (o['type'] === 'AnnotationCollection' && first && Array.isArray(first['items'])) return first['items']
  }
  return null
}

/** Turns each entry into a citation or a reason to skip it; clauses and sources must exist. */
export async function parseAnnotations(entries: readonly unknown[], library: Library): Promise<{ citations: Citation[]; skipped: SkippedEntry[] }> {
  const [{ versions }, { sources }] = await Promise.all([library.loadModels(), library.loadSources()])
  const clauses = new Set(versions.flatMap((v) => v.clauses.map((c) => `${v.id}#clause=${c.id}`)))
  const sourceIds = new Set(sources.map((s) => s.id))
  const citations: Citation[] = []
  const skipped: SkippedEntry[] = []
  const seen = new Set<string>()
  entries.forEach((entry, index) => {
    const rawId = entry && typeof entry === 'object' && typeof (entry as { id?: unknown }).id === 'string' ? (entry as { id: string }).id : null
    const skip = (reason: string) => skipped.push({ index, id: rawId, reason })
    const a = AnnotationSchema.safeParse(entry)
    if (!a.success) return skip(describeIssue(a.error.issues))
    const link = a.data.body.map((b) => LinkBody.safeParse(b)).find((r) => r.success)?.data
    if (!link || !link.source.startsWith(CLAUSE_URN)) return skip('body names no Clausewise clause (a linking SpecificResource urn:clausewise:version:…#clause=…)')
    const clauseRef = link.source.slice(CLAUSE_URN.length)
    if (!clauses.has(clauseRef)) return skip(`unknown clause ${clauseRef.replace('#clause=', '/')}`)
    const [versionId, clauseId] = clauseRef.split('#clause=') as [string, string]
    const texts = a.data.body.map((b) => TextualBody.safeParse(b)).flatMap((r) => (r.success ? [r.data] : []))
    const stance = texts.find((t) => t.purpose === 'tagging')?.value
    if (!stance || !(STANCES as readonly string[]).includes(stance)) return skip(`stance must be a tagging body with one of ${STANCES.join(', ')}`)
    const note = texts.find((t) => t.purpose === 'commenting')?.value ?? ''
    const sourceId = a.data.target.source.slice(SOURCE_URN.length)
    if (!sourceIds.has(sourceId)) return skip(`unknown source ${sourceId}`)
    const quote = a.data.target.selector.map((s) => QuoteSelectorSchema.safeParse(s)).find((r) => r.success)?.data
    if (!quote) return skip('target has no valid TextQuoteSelector')
    const position = a.data.target.selector.map((s) => PositionSelectorSchema.safeParse(s)).find((r) => r.success)?.data
    if (!position) return skip('target has no valid TextPositionSelector')
    const id = a.data.id.slice(CITATION_URN.length)
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/.test(id)) return skip('id is not a valid identifier')
    if (seen.has(id)) return skip('duplicate id in this file')
    seen.add(id)
    const now = new Date().toISOString()
    citations.push({
      id,
      created: a.data.created ?? now,
      modified: a.data.modified ?? a.data.created ?? now,
      versionId,
      clauseId,
      sourceId,
      stance: stance as Citation['stance'],
      note: note.slice(0, MAX_NOTE_CHARS),
      reviewer: a.data.creator?.name ?? '',
      quote,
      position
    })
  })
  return { citations, skipped }
}

/** Merges by id: a citation with a known id replaces it, a new one is added. */
export function mergeCitations(ws: WorkspaceData, incoming: readonly Citation[]): { added: number; updated: number } {
  let added = 0
  let updated = 0
  for (const c of incoming) {
    const at = ws.citations.findIndex((x) => x.id === c.id)
    if (at >= 0) {
      ws.citations[at] = c
      updated++
    } else {
      ws.citations.push(c)
      added++
    }
  }
  return { added, updated }
}

function describeIssue(issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>): string {
  const issue = issues[0]
  if (!issue) return 'invalid annotation'
  const where = issue.path.map(String).join('.')
  return where && !issue.message.includes(where) ? `${where}: ${issue.message}` : issue.message
}
