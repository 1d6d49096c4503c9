// What an HTML page says about itself: title, author, date and site, from its <title>, its
// <meta> tags (Open Graph, article:*, Dublin Core) and the <time> in its article.
import type { Block, DocumentMeta } from './types'
import { type Element, textOf, walk } from './html-tree'
import { collapseSpaces, isoDate } from './text-kit'

interface Facts {
  metas: Map<string, string>
  title?: string
  author?: string
  times: Array<{ el: Element; datetime: string }>
}

/**
 * Title: og:title, else <title> without the site's name after a separator ("Deal signed | The
 * Ledger" → "Deal signed"), else the article's first level-1 heading. Author: meta author, else
 * article:author when it is a name rather than a profile URL, else a rel="author" link's text.
 * Date: article:published_time, meta date and its Dublin Core kin, else the first
 * <time datetime> inside the article, else the first on the page. Publisher: og:site_name.
 */
export function pageMeta(root: Element, article: Element | null, blocks: readonly Block[]): DocumentMeta {
  const facts = collect(root)
  const m = (key: string) => facts.metas.get(key)
  const meta: DocumentMeta = {}
  const publisher = m('og:site_name') ?? m('application-name')
  const title = m('og:title') ?? m('twitter:title') ?? withoutSite(facts.title, publisher) ??
    blocks.find((b) => b.kind === 'heading' && b.level === 1)?.text
  const articleAuthor = m('article:author')
  const author = m('author') ?? m('dc.creator') ?? (articleAuthor && !/^https?:/i.test(articleAuthor) ? articleAuthor : undefined) ?? facts.author
  const inArticle = article ? facts.times.find((t) => within(t.el, article)) : undefined
  const date = isoDate(
    m('article:published_time') ?? m('date') ?? m('dc.date') ?? m('dcterms.date') ?? m('dc.date.issued') ??
      m('citation_publication_date') ?? m('datepublished') ?? (inArticle ?? facts.times[0])?.datetime
  )
  if (title) meta.title = title
  if (author) meta.author = author
  if (date) meta.date = date
  if (publisher) meta.publisher = publisher
  return meta
}

function collect(root: Element): Facts {
  const facts: Facts = { metas: new Map(), times: [] }
  let foreign = 0 // inside <svg> or <math>, whose <title> is a tooltip
  walk(root, {
    enter(el) {
      const a = el.attrs
      if (el.name === 'svg' || el.name === 'math') foreign++
      if (el.name === 'meta') {
        const key = (a.property ?? a.name ?? a.itemprop ?? '').trim().toLowerCase()
        const value = collapseSpaces(a.content ?? '')
        if (key && value && !facts.metas.has(key)) facts.metas.set(key, value)
      } else if (el.name === 'title' && foreign === 0 && facts.title === undefined) {
        facts.title = collapseSpaces(textOf(el)) || undefined
      } else if (el.name === 'time' && a.datetime && facts.times.length < 100) {
        facts.times.push({ el, datetime: a.datetime })
      } else if (/\bauthor\b/i.test(a.rel ?? '') && facts.author === undefined) {
        facts.author = collapseSpaces(textOf(el)) || undefined
      }
      return true
    },
    leave(el) {
      if (el.name === 'svg' || el.name === 'math') foreign--
    }
  })
  return facts
}

function withoutSite(title: string | undefined, site: string | undefined): string | undefined {
  if (!title || !site) return title
  const at = title.length - site.length
  const rest = title.slice(0, Math.max(0, at))
  return at > 0 && title.slice(at) === site && /\s[|\-–—:·]\s*$/.test(rest) ? rest.replace(/\s[|\-–—:·]\s*$/, '').trim() : title
}

/** Whether `el` lies inside `ancestor` (asked for at most 100 <time> elements). */
function within(el: Element, ancestor: Element): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === ancestor) return true
  return false
}
