// A team's own evidence as a source: the same readers, then paragraphs, sentences and dates as
// offsets into the kept text, so citations anchor as they do in the bundled articles.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { readDocumentBytes } from '../../../../src-main/core/import/read'
import { sourceFromDocument, sourceMetaOf } from '../../../../src-main/core/import/source'

const DOCS = join(__dirname, '../../../fixtures/documents')

async function sourceOf(file: string) {
  const doc = await readDocumentBytes(readFileSync(join(DOCS, file)), file)
  return sourceFromDocument(doc, sourceMetaOf(doc, 'src-1', file))
}

describe('sourceFromDocument', () => {
  it('makes a news page a source: its article only, metadata from the page, offsets that address the text', async () => {
    const s = await sourceOf('html-news-article.html')
    expect(s.file).toBe('html-news-article.html')
    expect(s).toMatchObject({ title: 'Northwind and Contoso sign five-year services deal', author: 'Maria Lopez', published: '2025-03-14' })
    expect(s.text).not.toMatch(/cookie|subscribe/i)
    for (const p of s.paragraphs) expect(s.text.slice(p.start, p.end)).toBe(s.text.slice(p.start, p.end).trim())
    for (const x of s.sentences) expect(s.text.slice(x.start, x.end).length).toBeGreaterThan(0)
    // Sentences lie inside paragraphs and in order.
    let last = -1
    for (const x of s.sentences) {
      expect(x.start).toBeGreaterThan(last)
      expect(s.paragraphs.some((p) => p.start <= x.start && x.end <= p.end)).toBe(true)
      last = x.start
    }
    expect(s.wordCount).toBeGreaterThan(50)
  })

  it('keeps printed list numbers and footnotes in the text a citation quotes', async () => {
    const s = await sourceOf('apache-2.0-v1.docx')
    expect(s.title).toBe('Apache License, Version 2.0')
    expect(s.text).toContain('1.1 "License" shall mean the terms and conditions')
    expect(s.text).toContain('(c) You must retain, in the Source form')
    expect(s.text.endsWith('1 Licence text as published in the SPDX License List (spdx-license-list 6.12.0).')).toBe(true)
    expect(s.paragraphs.find((p) => s.text.slice(p.start, p.end) === 'Section 4. Redistribution')?.kind).toBe('heading')
    expect(s.dates.some((d) => d.iso === '2004-01')).toBe(true)
  })
})
