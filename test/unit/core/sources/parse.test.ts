import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { mkdtemp, writeFile, cp } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { parseSource } from '../../../../src-main/core/sources/parse'
import { loadSources } from '../../../../src-main/core/sources/library'
import type { SourceMeta } from '../../../../src-main/core/sources/types'

const BUNDLED = join(__dirname, '../../../../resources/sources')
const FURNITURE = [
  'Leave a Comment', 'Share this post', 'Share:', 'Read in other languages', 'View original', 'All rights reserved',
  'Subscribe to get the latest', 'Discover more from', 'CREDITS:', 'Image Credits', 'Comments (0)', 'No comments yet',
  'Related Articles', 'This article was written with AI assistance', 'Source: Windows Central', 'min read',
  'Want to stop reading about AI', 'AI-processed from'
]

const meta: SourceMeta = { id: 'x', file: 'x.txt', title: 'A Title', titleFromLead: false, publisher: null, author: 'Ann Author', published: null }

describe('bundled sources', async () => {
  const { sources, problems } = await loadSources(BUNDLED)

  it('all five load without problems', () => {
    expect(problems).toEqual([])
    expect(sources.map((s) => s.id)).toEqual(['windows-central', 'insights', 'lean-thomas', 'hamidun-news', 'gadgetbond'])
  })

  it('keep no page furniture in any text', () => {
    for (const s of sources) for (const f of FURNITURE) expect(s.text, `${s.id} contains "${f}"`).not.toContain(f)
  })

  it('keep the article itself, with its original typography', () => {
    const gadgetbond = sources.find((s) => s.id === 'gadgetbond')!
    expect(gadgetbond.text).toContain('multi\u2011billion\u2011dollar deals with Amazon')
    const windows = sources.find((s) => s.id === 'windows-central')!
    expect(windows.text).toContain('Microsoft retains exclusive access to OpenAI’s intellectual property and models through 2030.')
  })

  it('have sentence offsets that slice back to trimmed, non-empty sentences inside paragraphs', () => {
    for (const s of sources) {
      expect(s.sentences.length).toBeGreaterThan(10)
      for (const span of s.sentences) {
        const sentence = s.text.slice(span.start, span.end)
        expect(sentence.trim()).toBe(sentence)
        expect(sentence.length).toBeGreaterThan(0)
        expect(s.paragraphs.some((p) => p.start <= span.start && span.end <= p.end)).toBe(true)
      }
    }
  })

  it('split sentences where a reader would', () => {
    const insights = sources.find((s) => s.id === 'insights')!
    const sentences = insights.sentences.map((x) => insights.text.slice(x.start, x.end))
    expect(sentences).toContain('Their answer was no.')
    expect(sentences).toContain('The cloud language is the key operational detail.')
  })

  it('have paragraphs that tile the text in order', () => {
    for (const s of sources) {
      const rebuilt = s.paragraphs.map((p) => s.text.slice(p.start, p.end)).join('\n\n')
      expect(rebuilt).toBe(s.text)
    }
  })

  it('record the metadata each article states and nothing it does not', () => {
    const byId = Object.fromEntries(sources.map((s) => [s.id, s]))
    expect(byId['insights']).toMatchObject({ publisher: 'Insights', author: 'Insights AI', published: '2026-03-08' })
    expect(byId['lean-thomas']).toMatchObject({ publisher: null, author: 'Lean Thomas', published: null })
    expect(byId['windows-central']).toMatchObject({ publisher: 'Windows Central', titleFromLead: true })
    expect(byId['hamidun-news']!.latestEventDate).toBe('2026-04-27')
  })

  it('find the dates the articles mention', () => {
    const hamidun = sources.find((s) => s.id === 'hamidun-news')!
    expect(hamidun.dates.map((d) => d.iso)).toEqual(expect.arrayContaining(['2026-04-27', '2025-10-28', '2032', '2030']))
  })
})

describe('parseSource', () => {
  it('drops the headline, byline, repeated captions and manifest furniture, and records why', () => {
    const raw = ['A Title', 'Ann Author', 'A caption line', 'Body one.', 'A caption line', 'Promo line here', 'Body two.'].join('\n')
    const s = parseSource(raw, meta, { furniture: ['Promo line here'] })
    expect(s.text).toBe('A caption line\n\nBody one.\n\nBody two.')
    expect(s.removed.map((r) => [r.line, r.rule])).toEqual([
      [1, 'headline or byline'],
      [2, 'headline or byline'],
      [5, 'repeated caption'],
      [6, 'site furniture (manifest)']
    ])
  })

  it('keeps sentences that merely mention furniture words', () => {
    const raw = 'Readers can share comments with the source: no rights reserved here.\nSubscribers pay more.'
    expect(parseSource(raw, meta).text).toBe('Readers can share comments with the source: no rights reserved here.\n\nSubscribers pay more.')
  })

  it('classifies headings, list items and paragraphs', () => {
    const raw = ['Key Takeaways', '- First point of the list.', 'What happens next?', 'A paragraph that answers the question at length.'].join('\n')
    expect(parseSource(raw, meta).paragraphs.map((p) => p.kind)).toEqual(['heading', 'list-item', 'heading', 'paragraph'])
  })

  it('handles CRLF line ends and a byte order mark the same as LF', () => {
    const lf = parseSource('One.\nTwo.', meta)
    const crlf = parseSource('One.\r\nTwo.', meta)
    expect(crlf.text).toBe(lf.text)
  })
})

describe('loadSources with bad input', () => {
  async function folderWith(files: Record<string, string | Buffer>): Promise<string> {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-sources-'))
    await cp(BUNDLED, dir, { recursive: true })
    for (const [name, content] of Object.entries(files)) await writeFile(join(dir, name), content)
    return dir
  }

  it('names a manifest entry with a missing field, and still loads the others', async () => {
    const dir = await folderWith({})
    const manifest = (await import('node:fs/promises')).readFile(join(dir, 'manifest.yaml'), 'utf8')
    await writeFile(join(dir, 'manifest.yaml'), (await manifest).replace('    title: Microsoft Ends Cloud Exclusivity with OpenAI, Partnership Adapts to AI Growth\n', ''))
    const { sources, problems } = await loadSources(dir)
    expect(sources).toHaveLength(4)
    expect(problems).toHaveLength(1)
    expect(problems[0]).toMatchObject({ file: 'manifest.yaml', field: 'sources[2].title' })
    expect(problems[0]!.line).toBeGreaterThan(20)
  })

  it('refuses a binary article and an unlisted text file, naming each', async () => {
    const dir = await folderWith({ '001_473d66f20001489e.txt': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'stray.txt': 'hello' })
    const { sources, problems } = await loadSources(dir)
    expect(sources.map((s) => s.id)).not.toContain('insights')
    expect(problems).toEqual([
      { code: 'invalid-file', file: '001_473d66f20001489e.txt', message: 'binary file, expected UTF-8 text' },
      { code: 'invalid-file', file: 'stray.txt', message: 'not listed in manifest.yaml, so it was not loaded' }
    ])
  })

  it('reports a missing folder as one problem', async () => {
    const { sources, problems } = await loadSources(join(tmpdir(), 'no-such-clausewise-folder'))
    expect(sources).toEqual([])
    expect(problems).toEqual([{ code: 'unreadable', file: 'manifest.yaml', message: 'file not found' }])
  })
})
