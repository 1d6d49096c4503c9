import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { ClausewiseError } from '../../../../src-main/core/errors'
import { marker, readHtml } from '../../../../src-main/core/import/html'
import type { Block } from '../../../../src-main/core/import/types'

const DOCS = join(__dirname, '../../../fixtures/documents')
const read = (html: string) => readHtml(html, 'page.html')
const texts = (html: string) => read(html).blocks.map((b) => b.text)
/** A block as a line: kind, level, number, text. */
const show = (b: Block) => [b.kind, b.level ?? '', b.number ?? '', b.text].join(' | ')
const items = (html: string) => read(html).blocks.filter((b) => b.kind === 'list-item').map((b) => `${b.level} ${b.number ?? '-'} ${b.text}`)

function failure(html: string, file = 'page.html'): ClausewiseError {
  try {
    readHtml(html, file)
  } catch (err) {
    expect(err).toBeInstanceOf(ClausewiseError)
    return err as ClausewiseError
  }
  throw new Error('expected a ClausewiseError')
}

describe('readHtml on a news article page', () => {
  const html = readFileSync(join(DOCS, 'html-news-article.html'), 'utf8')
  const result = readHtml(html, 'html-news-article.html')

  it('gives back the article alone: headings, paragraphs, the lettered list from c., nested items, table rows', () => {
    expect(result.blocks.map(show)).toEqual([
      'heading | 1 |  | Northwind and Contoso sign five-year services deal',
      'paragraph |  |  | By Maria Lopez, 14 March 2025',
      'paragraph |  |  | Northwind Traders has signed a five-year agreement with Contoso Systems for the support of its ordering platform, the companies said on Friday.',
      'paragraph |  |  | The deal, worth about €1.2\u00A0million a year, replaces an arrangement that expired in January. Neither company disclosed the exact fees.',
      'heading | 2 |  | What the agreement covers',
      'paragraph |  |  | According to a summary seen by The Ledger, the agreement sets out obligations including:',
      'list-item | 1 | c. | round-the-clock support for the ordering platform;',
      'list-item | 1 | d. | a service credit of 5% of the monthly fee for each hour of downtime',
      'list-item | 2 | i. | beyond four hours in a month, and',
      "list-item | 2 | ii. | capped at half of that month's fee;",
      'list-item | 1 | g. | a right for Northwind to end the deal after two years.',
      'heading | 3 |  | Fees at a glance',
      'table-row |  |  | Item\tFee',
      'table-row |  |  | Set-up\t€5,000',
      'table-row |  |  | Monthly support\t€100,000',
      'paragraph |  |  | Contoso said it would hire 40 staff in Lisbon to run the service.'
    ])
    expect(result.blocks.map((b) => b.paragraph)).toEqual(result.blocks.map((_, i) => i + 1))
  })

  it('leaves out navigation, scripts, the cookie banner, sidebars, share bar, footers and teasers, and says so', () => {
    const all = result.blocks.map((b) => b.text).join('\n')
    for (const furniture of ['Injected', 'cookies', 'Accept', 'Markets', 'Search', 'Most read', 'Reliability', 'Share on X', 'Reporting by', 'Related', 'teaser', 'rights reserved', 'dataLayer']) {
      expect(all).not.toContain(furniture)
    }
    expect(result.warnings).toHaveLength(1)
    expect(result.warnings[0]).toMatch(/^Only the article was read; left out: .*the page header.*the page footer.*scripts and styles/)
  })

  it('takes title, author, date and site from the page meta', () => {
    expect(result.meta).toEqual({
      title: 'Northwind and Contoso sign five-year services deal',
      author: 'Maria Lopez',
      date: '2025-03-14',
      publisher: 'The Ledger'
    })
    expect(result.format).toBe('html')
  })

  it('fetches nothing', () => {
    const fetch = vi.spyOn(globalThis, 'fetch')
    readHtml(html + '<img src="https://tracker.example/p.gif"><iframe src="https://x.example"></iframe>', 'a.html')
    expect(fetch).not.toHaveBeenCalled()
    fetch.mockRestore()
  })
})

describe('readHtml: list numbers as a browser prints them', () => {
  it('counts from start, by type, resets at value, and counts down when reversed', () => {
    expect(items('<ol start="-1"><li>a<li>b<li>c</ol>')).toEqual(['1 -1. a', '1 0. b', '1 1. c'])
    expect(items('<ol type="I" start="4"><li>a<li value="9">b<li>c</ol>')).toEqual(['1 IV. a', '1 IX. b', '1 X. c'])
    expect(items('<ol reversed><li>a<li>b<li>c</ol>')).toEqual(['1 3. a', '1 2. b', '1 1. c'])
    expect(items('<ol start="26" type="a"><li>a<li><span>b</span></ol>')).toEqual(['1 z. a', '1 aa. b'])
  })

  it('follows an inline list-style-type, prints none for list-style none, and numbers no bullet', () => {
    expect(items('<ol style="list-style-type: upper-alpha"><li>a</ol>')).toEqual(['1 A. a'])
    expect(items('<ol style="list-style: none"><li>1.1 typed number</ol>')).toEqual(['1 - 1.1 typed number'])
    expect(items('<ul><li>a<ul><li>b<ol><li>c</ol></ul></ul><li>stray</li>')).toEqual(['1 - a', '2 - b', '3 1. c', '1 - stray'])
  })

  it('keeps an item whose text is in paragraphs as one item, later paragraphs after it', () => {
    expect(read('<ol><li><p>first</p><p>second</p></li><li>next</ol>').blocks.map(show)).toEqual([
      'list-item | 1 | 1. | first',
      'paragraph |  |  | second',
      'list-item | 1 | 2. | next'
    ])
  })

  it('falls back to decimal out of a style\'s range', () => {
    expect(marker(0, 'a')).toBe('0.')
    expect(marker(4000, 'I')).toBe('4000.')
    expect(marker(1994, 'i')).toBe('mcmxciv.')
    expect(marker(703, 'A')).toBe('AAA.')
  })
})

describe('readHtml: choosing the article', () => {
  it('reads the body without its header, navigation and footer when there is no article or main', () => {
    const html = '<body><header><h1>Site</h1></header><nav>Home</nav><div class="content"><h1>Terms</h1>Intro text<div>1. Scope</div></div><footer>(c) Site</footer></body>'
    expect(texts(html)).toEqual(['Terms', 'Intro text', '1. Scope'])
  })

  it('prefers main, and the longest of several articles', () => {
    expect(texts('<p>outside</p><main><p>inside</p></main>')).toEqual(['inside'])
    const result = read('<main><article><p>short teaser</p></article><article><p>the whole story, much longer</p></article></main>')
    expect(result.blocks.map((b) => b.text)).toEqual(['the whole story, much longer'])
    expect(result.warnings[0]).toMatch(/1 other article on the page/)
  })

  it('reads a page wrapped in one form (as ASP.NET writes them) and hidden text only when nothing else is there', () => {
    expect(texts('<body><form id="aspnetForm"><div><p>Clause text</p><input value="x"></div></form></body>')).toEqual(['Clause text'])
    expect(texts('<p>shown</p><p hidden>hidden</p><div style="display: none">none</div><div aria-hidden="true">aria</div>')).toEqual(['shown'])
  })

  it('reads a layout table as paragraphs and a data table as rows', () => {
    const layout = '<table><tr><td><a href="/">Home</a></td><td><h1>Agreement</h1><p>One.</p><p>Two.</p><p>Three.</p></td></tr></table>'
    expect(read(layout).blocks.map(show)).toEqual([
      'paragraph |  |  | Home',
      'heading | 1 |  | Agreement',
      'paragraph |  |  | One.',
      'paragraph |  |  | Two.',
      'paragraph |  |  | Three.'
    ])
    expect(texts('<table><caption>Fees</caption><tr><td><p>Set-up</p></td><td></td><td>5 <br>EUR</td></tr><tr><td></td></tr></table>')).toEqual([
      'Fees',
      'Set-up\t\t5 EUR'
    ])
  })
})

describe('readHtml: text as a browser shows it', () => {
  it('collapses whitespace, decodes entities, keeps no-break spaces and drops soft hyphens', () => {
    expect(texts('<p>  A\n\t lot   of &amp; &sect;&nbsp;4, &#8220;quoted&#x201D; in\u00ADdemnity </p>')).toEqual(['A lot of & §\u00A04, “quoted” indemnity'])
  })

  it('reads one <br> as a space and two as a new paragraph', () => {
    expect(texts('<p>line one<br>line two<br> <br>next</p><h2>A<br>B</h2>')).toEqual(['line one line two', 'next', 'A B'])
  })

  it('keeps preformatted lines, parted at blank lines, and inline markup joined without spaces', () => {
    expect(texts('<pre>  Signed:   ______\n  Name:     ______\n\n  Date</pre><p><b>Sec</b>tion <i>4</i></p>')).toEqual([
      'Signed:   ______ Name:     ______',
      'Date',
      'Section 4'
    ])
  })
})

describe('readHtml: page meta fallbacks', () => {
  it('uses <title> without the site name, a rel=author name when article:author is a URL, and the article\'s <time>', () => {
    const html = `<head><title>Deal signed – The Ledger</title><meta property="og:site_name" content="The Ledger">
      <meta property="article:author" content="https://ledger.example/maria"></head>
      <body><time datetime="2020-01-01">old</time><article><p>By <a rel="author">Maria Lopez</a></p>
      <time datetime="2025-03-14T09:00:00Z">today</time><p>Text.</p></article></body>`
    expect(read(html).meta).toEqual({ title: 'Deal signed', author: 'Maria Lopez', date: '2025-03-14', publisher: 'The Ledger' })
  })

  it('reads a written date and falls back to the first heading for the title', () => {
    expect(read('<meta name="date" content="March 14, 2025"><h1>Terms of Service</h1><p>Text.</p>').meta).toEqual({
      title: 'Terms of Service',
      date: '2025-03-14'
    })
    expect(read('<meta name="date" content="2025-03"><p>Text.</p>').meta).toEqual({ date: '2025-03' })
  })
})

describe('readHtml: bad and extreme input', () => {
  it('refuses a page without text, naming the file', () => {
    for (const html of ['', '<html><head><title></title></head><body> &nbsp; </body></html>', '<script>var text = "words"</script>']) {
      expect(failure(html, '/downloads/empty.html').problem).toEqual({ code: 'invalid-file', file: 'empty.html', message: 'has no text' })
    }
  })

  it('refuses a page whose only text is page furniture', () => {
    const err = failure('<header>The Ledger</header><nav><a>Home</a></nav><aside>Most read</aside><footer>(c) 2025</footer>')
    expect(err.problem.message).toBe('has no article text: the page holds only navigation, scripts and other page furniture')
    expect(err.problem.file).toBe('page.html')
  })

  it('reads elements nested 10,000 deep and more without overflowing the stack', () => {
    // 50,000 divs: deeper than any recursive walk over the tree could go on Node's default stack.
    const depth = 10_000
    const started = performance.now()
    const divs = read('<div>'.repeat(5 * depth) + 'deep text' + '</div>'.repeat(depth))
    const lists = read('<ol><li>x'.repeat(depth))
    console.log(`50,000 nested divs and 10,000 nested lists read in ${(performance.now() - started).toFixed(0)} ms`)
    expect(divs.blocks.map((b) => b.text)).toEqual(['deep text'])
    expect(lists.blocks).toHaveLength(depth)
    expect(lists.blocks[depth - 1]).toMatchObject({ kind: 'list-item', level: depth, number: '1.' })
  })

  it('reads a 150,000-word page', () => {
    const para = `<p>${'the supplier shall deliver the goods '.repeat(20)}</p>\n`
    const html = `<article>${para.repeat(1500)}</article>`
    const started = performance.now()
    const result = read(html)
    console.log(`150,000-word page (${(html.length / 1e6).toFixed(1)} MB) read in ${(performance.now() - started).toFixed(0)} ms`)
    expect(result.blocks).toHaveLength(1500)
  })
})
