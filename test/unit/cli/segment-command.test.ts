// `clausewise segment FILE` and `compare --base FILE --target FILE`: a user's own drafts (the
// Apache License 2.0 as two Word drafts with automatic numbering, and the PDFs LibreOffice printed
// from them; test/fixtures/documents/make-docx-fixtures.mjs) read, split and compared.
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import type { SegmentJson } from '../../../src-main/cli/segment-command'
import type { Comparison } from '../../../src-main/core/compare/types'
import { runCli } from '../../support/run-cli'

const DOCS = join(__dirname, '../../fixtures/documents')

const run = runCli

async function segmentJson(file: string): Promise<SegmentJson> {
  const { code, stdout, stderr } = await run('segment', join(DOCS, file), '--json')
  expect(stderr).toBe('')
  expect(code).toBe(0)
  return JSON.parse(stdout) as SegmentJson
}

/** The labels Word prints for draft 1 (the script counts them by hand, apache-2.0-v1.expected.txt). */
const V1_LABELS = [
  'Section 1', ...Array.from({ length: 10 }, (_, i) => `1.${i + 1}`),
  'Section 2', '2.1', 'Section 3', '3.1', 'Section 4', '4.1', '(a)', '(b)', '(c)', '(d)', '4.2',
  'Section 5', '5.1', 'Section 6', '6.1', 'Section 7', '7.1', 'Section 8', '8.1', 'Section 9', '9.1'
]

describe('clausewise segment', () => {
  it('prints the labels of a DOCX with automatic numbering as Word shows them, at their levels', async () => {
    const doc = await segmentJson('apache-2.0-v1.docx')
    expect(doc).toMatchObject({ file: 'apache-2.0-v1.docx', format: 'docx', title: 'Apache License, Version 2.0' })
    expect(doc.clauses.filter((c) => c.label !== null).map((c) => c.label)).toEqual(V1_LABELS)
    const byLabel = new Map(doc.clauses.map((c) => [c.label, c]))
    expect(byLabel.get('Section 4')).toMatchObject({ heading: 'Redistribution', level: 1 })
    expect(byLabel.get('4.1')).toMatchObject({ level: 2 })
    expect(byLabel.get('(c)')).toMatchObject({ level: 3, text: expect.stringMatching(/^You must retain, in the Source form/) })
    expect(doc.clauses.find((c) => c.heading === 'Footnote 1')?.text).toBe('Licence text as published in the SPDX License List (spdx-license-list 6.12.0).')
    expect(doc.warnings).toEqual(['headers and footers are not compared (1 header and 1 footer found)'])
  })

  it('gives the same clauses for the PDF printed from that DOCX, without its header, footer and page numbers', async () => {
    const docx = await segmentJson('apache-2.0-v1.docx')
    const pdf = await segmentJson('apache-2.0-v1.pdf')
    expect(pdf.format).toBe('pdf')
    const shape = (d: SegmentJson): string[] => d.clauses.map((c) => `${c.label ?? '-'} | ${c.heading} | ${c.text.replace(/\s+/g, ' ')}`)
    expect(shape(pdf)).toEqual(shape(docx))
    const all = pdf.clauses.map((c) => c.text).join('\n')
    expect(all).not.toMatch(/Page \d+ of \d+/)
    expect(all).not.toContain('(draft 1)')
    expect(pdf.clauses.find((c) => c.label === '2.1')?.page).toBe(1)
    expect(Math.max(...pdf.clauses.map((c) => c.page ?? 0))).toBeGreaterThan(1)
  })

  it('reports a file it cannot read by name and reason, with exit status 1', async () => {
    expect(await run('segment', join(DOCS, 'pdf-scan.pdf'))).toMatchObject({ code: 1, stdout: '', stderr: expect.stringContaining('pdf-scan.pdf: this PDF is a scan: it has no text to compare (OCR is not supported)') })
    expect(await run('segment', join(DOCS, 'nope.docx'))).toMatchObject({ code: 1, stderr: 'clausewise: nope.docx: file not found\n' })
    expect(await run('segment')).toMatchObject({ code: 2, stderr: expect.stringContaining('usage: segment FILE [--json]') })
  })
})

describe('clausewise compare --base FILE --target FILE', () => {
  it('compares a Word draft with the PDF of the next draft: renumbered, split and merged clauses paired, the redline invariant holding', async () => {
    const { code, stdout, stderr } = await run('compare', '--base', join(DOCS, 'apache-2.0-v1.docx'), '--target', join(DOCS, 'apache-2.0-v2.pdf'), '--json')
    expect(code).toBe(0)
    expect(stderr).toContain('apache-2.0-v2.pdf: headers, footers and page numbers are not compared')
    const c = JSON.parse(stdout) as Comparison
    expect(c.base).toMatchObject({ id: 'apache-2.0-v1.docx', title: 'Apache License, Version 2.0' })
    for (const row of c.clauses) {
      expect(row.parts.filter((p) => p.op !== 'insert').map((p) => p.text).join('')).toBe(row.base?.text ?? '')
      expect(row.parts.filter((p) => p.op !== 'delete').map((p) => p.text).join('')).toBe(row.target?.text ?? '')
    }
    const labels = (side: Array<{ label?: string | null }>): string => side.map((x) => x.label ?? '-').join(', ')
    const row = (base: string): (typeof c.clauses)[number] => c.clauses.find((r) => labels(r.baseClauses) === base)!
    // Draft 2 inserts a definition (1.3 Affiliate): the ten after it are renumbered, not rewritten.
    expect(c.clauses.filter((r) => r.status === 'added').map((r) => labels(r.targetClauses))).toEqual(['1.3'])
    expect(row('1.3')).toMatchObject({ status: 'unchanged', renumbered: true })
    expect(labels(row('1.10').targetClauses)).toBe('1.11')
    // 3.1 is split into 3.1 and 3.2; 4(a) and 4(b) are merged into 4(a).
    expect(row('3.1')).toMatchObject({ status: 'split' })
    expect(labels(row('3.1').targetClauses)).toBe('3.1, 3.2')
    expect(row('(a), (b)')).toMatchObject({ status: 'merged' })
    expect(labels(row('(a), (b)').targetClauses)).toBe('(a)')
    expect(c.summary).toMatchObject({ split: 1, merged: 1, added: 1, removed: 0 })
  })

  it('says which side it could not find', async () => {
    const r = await run('compare', '--base', join(DOCS, 'apache-2.0-v1.docx'), '--target', 'no-such-version')
    expect(r).toMatchObject({ code: 1, stdout: '' })
    expect(r.stderr).toContain('clausewise: no version with id "no-such-version" and no document file named "no-such-version"\n')
  })
})
