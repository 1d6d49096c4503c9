// Strips Markdown's inline markup to the text a reader sees: emphasis markers go, links and
// images leave their text, code spans their content, inline HTML its text, escapes their
// character. Every pass is linear, so a 5 MB line of stray brackets or stars stays fast.
import { htmlText } from './html-tree'

/** Text set aside from later passes (code, escaped characters, autolinks) as \uE000n\uE001. */
const SLOT = /\uE000(\d+)\uE001/g

/**
 * Inline HTML is stripped only for tags HTML has: legal templates write placeholders in angle
 * brackets ("<Party A>", "<date>"), which are text. (Comments are gone before: see markdown.ts.)
 */
const HTML_TAG =
  /<\/?(?:a|abbr|acronym|address|article|aside|audio|b|bdi|bdo|big|blockquote|br|button|caption|center|cite|code|col|colgroup|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|header|hr|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|option|p|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|summary|sup|svg|table|tbody|td|textarea|tfoot|th|thead|time|tr|tt|u|ul|var|video|wbr)(?=[\s/>])[^<>]*>/gi
const ENTITY = /&(?:#\d+|#x[\da-f]+|[a-z][a-z\d]*);/i

export function stripInline(source: string): string {
  const kept: string[] = []
  const keep = (text: string) => `\uE000${kept.push(text) - 1}\uE001`
  let t = codeSpans(source.replace(/[\uE000-\uE003]/g, ''), keep)
  t = t.replace(/\\([!-/:-@[-`{-~])/g, (_, c: string) => keep(c))
  t = t.replace(/<((?:https?|ftp|mailto):[^\s<>]*|[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+)>/gi, (_, url: string) => keep(url))
  // Images, then links (an image inside a link leaves its alt text as the link's text). Link
  // text holds no brackets, so each "[" is scanned up to the next bracket only.
  const target = String.raw`(?:\((?:\s*<[^<>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:"[^"]*"|'[^']*'|\([^()]*\)))?\s*\)|\[[^\][]*\])`
  t = t.replace(new RegExp(String.raw`!\[([^\][]*)\]` + target, 'g'), '$1')
  t = t.replace(new RegExp(String.raw`\[([^\][]*)\]` + target, 'g'), '$1')
  if (t.search(HTML_TAG) >= 0 || ENTITY.test(t)) {
    // Angle brackets that are not tags are set aside so the HTML parser reads them as text.
    const tags: string[] = []
    t = t.replace(HTML_TAG, (tag) => `\uE002${tags.push(tag) - 1}\uE003`)
    t = t.replace(/</g, () => keep('<'))
    t = htmlText(t.replace(/\uE002(\d+)\uE003/g, (_, i: string) => tags[Number(i)]!))
  }
  t = emphasis(t)
  // Slots can hold slots (an escape inside a link's text): restore until none is left.
  for (let i = 0; i < 3 && t.includes('\uE000'); i++) t = t.replace(SLOT, (_, n: string) => kept[Number(n)]!)
  return t
}

/**
 * Code spans: a run of backticks up to the next run of the same length; the content is kept
 * as written (one space either side trimmed, as CommonMark does). Unmatched runs stay text.
 */
function codeSpans(t: string, keep: (text: string) => string): string {
  const runs = [...t.matchAll(/`+/g)].map((m) => ({ start: m.index, end: m.index + m[0].length }))
  const byLength = new Map<number, number[]>()
  runs.forEach((r, i) => {
    const list = byLength.get(r.end - r.start) ?? []
    list.push(i)
    byLength.set(r.end - r.start, list)
  })
  const cursor = new Map<number, number>()
  let out = ''
  let pos = 0
  for (let i = 0; i < runs.length; i++) {
    const open = runs[i]!
    if (open.start < pos) continue
    const len = open.end - open.start
    const list = byLength.get(len)!
    let k = cursor.get(len) ?? 0
    while (k < list.length && list[k]! <= i) k++
    cursor.set(len, k)
    const close = k < list.length ? runs[list[k]!]! : undefined
    if (!close) continue
    let code = t.slice(open.end, close.start).replace(/\n/g, ' ')
    if (/^ .*[^ ].* $/s.test(code)) code = code.slice(1, -1)
    out += t.slice(pos, open.start) + keep(code)
    pos = close.end
    i = list[k]!
  }
  return out + t.slice(pos)
}

/**
 * Emphasis and strikethrough markers (runs of *, _ or ~) are removed in pairs: a run that can
 * close (no space before it) closes the nearest open run of the same character; a run that can
 * open (no space after it) waits for one. "_" inside a word stays ("snake_case"), and so does
 * any unpaired marker ("Price*", "2 * 3").
 */
function emphasis(t: string): string {
  const runs = [...t.matchAll(/\*+|_+|~+/g)]
  const drop = new Set<number>()
  const open: Record<string, number[]> = { '*': [], _: [], '~': [] }
  runs.forEach((m, i) => {
    const c = m[0][0]!
    const before = t[m.index - 1]
    const after = t[m.index + m[0].length]
    let canOpen = after !== undefined && !/\s/.test(after)
    let canClose = before !== undefined && !/\s/.test(before)
    if (c === '_') {
      canOpen &&= before === undefined || !/[\p{L}\p{N}]/u.test(before)
      canClose &&= after === undefined || !/[\p{L}\p{N}]/u.test(after)
    }
    if (c === '~' && m[0].length > 2) return
    const stack = open[c]!
    if (canClose && stack.length > 0) {
      drop.add(stack.pop()!)
      drop.add(i)
    } else if (canOpen) stack.push(i)
  })
  if (drop.size === 0) return t
  let out = ''
  let pos = 0
  runs.forEach((m, i) => {
    if (!drop.has(i)) return
    out += t.slice(pos, m.index)
    pos = m.index + m[0].length
  })
  return out + t.slice(pos)
}
