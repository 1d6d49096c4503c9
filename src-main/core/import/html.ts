// Reads an HTML page into blocks: the article without the page's navigation, scripts, forms and
// banners; headings, lists with the numbers a browser would print, and table rows kept.
import type { Block, BlockKind, ReadResult } from './types'
import { type Element, parseHtml, textOf, walk } from './html-tree'
import { pageMeta } from './html-meta'
import { collapseSpaces, hasWords, invalidFile } from './text-kit'

/**
 * Page furniture. `never` is not read wherever it is; `outside` is not read outside an
 * <article> or <main> (a page's header and footer; an article's own header holds its headline);
 * `soft` is left out unless nothing would be left without it (see `chooseArticle`): forms
 * (ASP.NET pages wrap the whole page in one), dialogs, hidden text and containers whose class
 * or id names a cookie notice, a share bar, a sidebar or an advertisement.
 */
const NEVER: Readonly<Record<string, string>> = {
  head: '', title: '',
  script: 'scripts and styles', style: 'scripts and styles', noscript: 'scripts and styles', template: 'scripts and styles',
  nav: 'navigation', menu: 'navigation', aside: 'sidebars',
  button: 'forms', select: 'forms', textarea: 'forms', input: 'forms', option: 'forms', datalist: 'forms',
  svg: 'embedded media', math: 'embedded media', iframe: 'embedded media', object: 'embedded media', embed: 'embedded media',
  canvas: 'embedded media', video: 'embedded media', audio: 'embedded media', map: 'embedded media'
}
const NEVER_ROLES: Readonly<Record<string, string>> = {
  navigation: 'navigation', menu: 'navigation', menubar: 'navigation', toolbar: 'navigation', search: 'navigation',
  complementary: 'sidebars'
}
const OUTSIDE: Readonly<Record<string, string>> = { header: 'the page header', footer: 'the page footer' }
const OUTSIDE_ROLES: Readonly<Record<string, string>> = { banner: 'the page header', contentinfo: 'the page footer' }
const FURNITURE_CLASS =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|newsletter|subscribe|signup|share|sharing|social|related|recommended|promo|advert|advertisement|ads?|sponsored|sidebar|breadcrumbs?|skip|comments?|paywall|modal|popup|overlay)(?:$|[\s_-])/i
const SOFT_LABEL = 'banners and other hidden or promotional text'

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html',
  'legend', 'li', 'main', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul'
])
const HEADING = /^h([1-6])$/

/** Soft hyphens and zero-width spaces: invisible on the page, so not part of the text read. */
const INVISIBLE = /[\u00AD\u200B]/g

/** Marks a <br> inside collected text (a line separator is a line break in a page's text too). */
const BR = '\u2028'

type ListStyle = '1' | 'a' | 'A' | 'i' | 'I'

interface List { next: number; step: 1 | -1; style: ListStyle | null }
interface Item { number?: string; level: number; emitted: boolean }
interface Row { cells: string[]; cell: string | null }

/** A block before the article is chosen: where on the page it was found. */
export interface PageBlock extends Omit<Block, 'paragraph'> {
  /** The outermost <article> around it. */
  article: Element | null
  inMain: boolean
  /** Inside soft furniture (see NEVER). */
  soft: boolean
}

export function readHtml(html: string, file: string): ReadResult {
  const root = parseHtml(html)
  if (!hasWords(textOf(root))) throw invalidFile(file, 'has no text')
  const page = new PageReader()
  walk(root, page)
  const chosen = chooseArticle(page.blocks)
  if (chosen.blocks.length === 0) {
    throw invalidFile(file, 'has no article text: the page holds only navigation, scripts and other page furniture')
  }
  const blocks = chosen.blocks.map(({ article: _a, inMain: _m, soft: _s, ...block }, i) => ({ ...block, paragraph: i + 1 }))
  const left = [...page.leftOut, ...(chosen.softDropped ? [SOFT_LABEL] : []), ...chosen.leftOut]
  const warnings = left.length > 0 ? [`Only the article was read; left out: ${[...new Set(left)].join(', ')}.`] : []
  return { format: 'html', meta: pageMeta(root, chosen.article, blocks), blocks, warnings }
}

/** The blocks of an HTML fragment (Markdown's HTML blocks), every one kept. */
export function htmlFragmentBlocks(html: string): Array<Omit<Block, 'paragraph'>> {
  const page = new PageReader()
  walk(parseHtml(html), page)
  return page.blocks.map(({ article: _a, inMain: _m, soft: _s, ...block }) => block)
}

/**
 * Prefers an <article> (the one with the most text, when a page has several: teasers and
 * comments are articles too), then <main>, then the whole body; furniture marked soft is left
 * out unless that would leave nothing.
 */
function chooseArticle(all: readonly PageBlock[]): {
  blocks: PageBlock[]
  article: Element | null
  softDropped: boolean
  leftOut: string[]
} {
  const firm = all.filter((b) => !b.soft)
  const softDropped = firm.length > 0 && firm.length < all.length
  const pool = firm.length > 0 ? firm : [...all]
  const size = new Map<Element, number>()
  for (const b of pool) if (b.article) size.set(b.article, (size.get(b.article) ?? 0) + b.text.length)
  let article: Element | null = null
  for (const [el, n] of size) if (article === null || n > size.get(article)!) article = el
  const leftOut: string[] = []
  let blocks = pool
  if (article) blocks = pool.filter((b) => b.article === article)
  else if (pool.some((b) => b.inMain)) blocks = pool.filter((b) => b.inMain)
  if (size.size > 1) leftOut.push(`${size.size - 1} other ${size.size === 2 ? 'article' : 'articles'} on the page`)
  if (blocks.length < pool.length && size.size <= 1) leftOut.push('text outside the article')
  return { blocks, article, softDropped, leftOut }
}

/** Walks the page once, turning text into blocks as a browser lays it out. */
class PageReader {
  readonly blocks: PageBlock[] = []
  /** Kinds of `never` and `outside` furniture met, for the warning. */
  readonly leftOut = new Set<string>()
  private pending = '' // text met since the last block boundary
  private readonly open: Element[] = [] // block-level elements entered, innermost last
  private readonly lists: List[] = []
  private readonly items: Item[] = []
  private row: Row | null = null
  private table: Element | null = null // the data table being read (layout tables are not)
  private readonly softOpen = new Set<Element>()
  private articles: Element[] = []
  private mains = 0
  private pre = 0

  enter(el: Element): boolean {
    const name = el.name
    if (name === 'br') {
      this.add(BR)
      return false
    }
    const never = this.never(el)
    if (never !== null) {
      if (never) this.leftOut.add(never)
      return false
    }
    if (BLOCK.has(name)) this.boundary()
    if (this.isSoft(el)) this.softOpen.add(el)
    if (name === 'article') this.articles.push(el)
    if (isMain(el)) this.mains++
    if (name === 'pre') this.pre++
    if (name === 'ol' || name === 'ul') this.lists.push(listOf(el))
    if (name === 'li') this.items.push(this.itemOf(el))
    if (name === 'table' && this.table === null && !el.layout && el.attrs.role !== 'presentation') this.table = el
    else if (name === 'tr' && this.table) this.row = { cells: [], cell: null }
    else if ((name === 'td' || name === 'th') && this.row) this.row.cell = ''
    if (BLOCK.has(name)) this.open.push(el)
    return true
  }

  leave(el: Element): void {
    const name = el.name
    if (BLOCK.has(name)) {
      this.boundary()
      this.open.pop()
    }
    if ((name === 'td' || name === 'th') && this.row?.cell != null) {
      this.row.cells.push(clean(this.row.cell))
      this.row.cell = null
    } else if (name === 'tr' && this.row) {
      if (this.row.cells.some((c) => c !== '')) this.push({ kind: 'table-row', text: this.row.cells.join('\t') })
      this.row = null
    } else if (el === this.table) this.table = null
    if (name === 'li') this.items.pop()
    if (name === 'ol' || name === 'ul') this.lists.pop()
    if (name === 'pre') this.pre--
    if (name === 'article') this.articles.pop()
    if (isMain(el)) this.mains--
    this.softOpen.delete(el)
  }

  text(text: string): void {
    this.add(text)
  }

  private add(text: string): void {
    if (this.row?.cell != null) this.row.cell += text
    else this.pending += text
  }

  /** A block element starts or ends: inside a table cell only a space, elsewhere a new block. */
  private boundary(): void {
    if (this.row?.cell != null) this.row.cell += ' '
    else this.flush()
  }

  private never(el: Element): string | null {
    const role = el.attrs.role ?? ''
    const fixed = NEVER[el.name] ?? NEVER_ROLES[role]
    if (fixed !== undefined) return fixed
    const outside = OUTSIDE[el.name] ?? OUTSIDE_ROLES[role]
    if (outside !== undefined && this.articles.length === 0 && this.mains === 0) return outside
    return null
  }

  private isSoft(el: Element): boolean {
    const a = el.attrs
    if (el.name === 'form' || el.name === 'dialog' || el.name === 'footer') return true
    if (a.role === 'dialog' || a.role === 'alertdialog' || a.hidden !== undefined || a['aria-hidden'] === 'true') return true
    if (a.style && /(?:display\s*:\s*none|visibility\s*:\s*hidden)/i.test(a.style)) return true
    if (['html', 'body', 'main', 'article'].includes(el.name)) return false
    return FURNITURE_CLASS.test(`${a.class ?? ''} ${a.id ?? ''}`)
  }

  private itemOf(el: Element): Item {
    const list = this.lists[this.lists.length - 1]
    const item: Item = { level: Math.max(1, this.lists.length), emitted: false }
    if (list && list.style !== null) {
      const value = integer(el.attrs.value)
      if (value !== undefined) list.next = value
      item.number = marker(list.next, styleOf(el) ?? list.style)
      list.next += list.step
    }
    return item
  }

  /** Emits the text collected so far as blocks of the kind its innermost block element gives. */
  private flush(): void {
    const raw = this.pending.replace(INVISIBLE, '')
    this.pending = ''
    if (!/\S/.test(raw.replaceAll(BR, ''))) return
    if (this.pre > 0) {
      // Preformatted text: blank lines part paragraphs; lines join with one space, inner runs kept.
      for (const part of raw.replaceAll(BR, '\n').split(/\n[ \t\f\r]*\n/)) {
        const text = part.split('\n').map((l) => l.trim()).filter(Boolean).join(' ')
        if (text) this.push({ kind: 'paragraph', text })
      }
      return
    }
    const owner = this.owner()
    if (owner.kind === 'heading') this.push({ kind: 'heading', text: clean(raw), level: owner.level })
    else if (owner.item && !owner.item.emitted) {
      owner.item.emitted = true
      const block: Omit<PageBlock, 'article' | 'inMain' | 'soft'> = { kind: 'list-item', text: clean(raw), level: owner.item.level }
      if (owner.item.number !== undefined) block.number = owner.item.number
      this.push(block)
    } else {
      // Two line breaks in a row (with nothing but spaces between) part paragraphs, as they look.
      for (const part of raw.split(new RegExp(`${BR}[ \\t\\n\\f\\r]*${BR}`))) {
        const text = clean(part)
        if (text) this.push({ kind: 'paragraph', text })
      }
    }
  }

  /**
   * What the innermost block elements make of the text: a heading, the first text of a list
   * item (later text in the same item, after a nested list or a second paragraph, is a
   * paragraph), or a paragraph. Looks through at most 32 wrappers (divs, paragraphs, spans of
   * sections), so that a page nested 10,000 deep stays linear.
   */
  private owner(): { kind: BlockKind; level?: number; item?: Item } {
    for (let i = this.open.length - 1, seen = 0; i >= 0 && seen < 32; i--, seen++) {
      const name = this.open[i]!.name
      const heading = HEADING.exec(name)
      if (heading) return { kind: 'heading', level: Number(heading[1]) }
      if (name === 'li') return { kind: 'list-item', item: this.items[this.items.length - 1] }
      if (name === 'ol' || name === 'ul' || name === 'table' || name === 'td' || name === 'th') break
    }
    return { kind: 'paragraph' }
  }

  private push(block: Omit<PageBlock, 'article' | 'inMain' | 'soft'>): void {
    if (block.text === '') return
    this.blocks.push({ ...block, article: this.articles[0] ?? null, inMain: this.mains > 0, soft: this.softOpen.size > 0 })
  }
}

function isMain(el: Element): boolean {
  return el.name === 'main' || el.attrs.role === 'main'
}

function clean(text: string): string {
  return collapseSpaces(text.replaceAll(BR, ' ').replace(INVISIBLE, ''))
}

function integer(value: string | undefined): number | undefined {
  if (value === undefined || !/^\s*[-+]?\d+\s*$/.test(value)) return undefined
  return Number.parseInt(value, 10)
}

/**
 * How an <ol> counts: `start` (or, when `reversed`, the number of its items, counting down),
 * and its marker style from the `type` attribute or an inline `list-style-type`; `none` hides
 * the numbers, so the items carry none. A <ul> has no numbers.
 */
function listOf(el: Element): List {
  if (el.name === 'ul') return { next: 1, step: 1, style: null }
  const reversed = el.attrs.reversed !== undefined
  const start = integer(el.attrs.start) ?? (reversed ? el.items : 1)
  const style = /list-style(?:-type)?\s*:[^;]*\bnone\b/i.test(el.attrs.style ?? '') ? null : (styleOf(el) ?? '1')
  return { next: start, step: reversed ? -1 : 1, style }
}

const CSS_STYLES: Readonly<Record<string, ListStyle>> = {
  decimal: '1', 'lower-alpha': 'a', 'lower-latin': 'a', 'upper-alpha': 'A', 'upper-latin': 'A', 'lower-roman': 'i', 'upper-roman': 'I'
}

function styleOf(el: Element): ListStyle | undefined {
  const css = /list-style(?:-type)?\s*:[^;]*?\b(decimal|lower-alpha|lower-latin|upper-alpha|upper-latin|lower-roman|upper-roman)\b/i.exec(el.attrs.style ?? '')
  if (css) return CSS_STYLES[css[1]!.toLowerCase()]
  const type = el.attrs.type?.trim()
  return type === '1' || type === 'a' || type === 'A' || type === 'i' || type === 'I' ? type : undefined
}

/** The marker a browser prints: "3.", "c.", "C.", "iii.", "III."; out of a style's range, decimal. */
export function marker(n: number, style: ListStyle): string {
  let label = String(n)
  if ((style === 'a' || style === 'A') && n >= 1) label = alpha(n)
  else if ((style === 'i' || style === 'I') && n >= 1 && n <= 3999) label = roman(n)
  return `${style === 'A' || style === 'I' ? label.toUpperCase() : label}.`
}

/** 1 → a, 26 → z, 27 → aa (CSS lower-alpha). */
function alpha(n: number): string {
  let out = ''
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) out = String.fromCharCode(97 + ((k - 1) % 26)) + out
  return out
}

function roman(n: number): string {
  const parts: Array<[number, string]> = [
    [1000, 'm'], [900, 'cm'], [500, 'd'], [400, 'cd'], [100, 'c'], [90, 'xc'],
    [50, 'l'], [40, 'xl'], [10, 'x'], [9, 'ix'], [5, 'v'], [4, 'iv'], [1, 'i']
  ]
  let out = ''
  let k = n
  for (const [value, letters] of parts) for (; k >= value; k -= value) out += letters
  return out
}
