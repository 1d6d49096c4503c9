// Parses HTML forgivingly (htmlparser2) into a light element tree, built and walked without
// recursion so that a page nested 10,000 levels deep cannot overflow the stack. Nothing is
// fetched and no script runs: htmlparser2 only tokenises text.
import { Parser } from 'htmlparser2'

export interface Element {
  name: string
  attrs: Readonly<Record<string, string>>
  children: Node[]
  parent: Element | null
  /** Direct <li> children: a reversed list counts down from their number. */
  items: number
  /** A table used for layout rather than data (see `closeCell`): its cells are read as text. */
  layout: boolean
  /** What the element holds, for the layout test: bits of `HOLDS`, and its paragraph count. */
  holds: number
  paragraphs: number
}

export type Node = Element | string

const HOLDS = { table: 1, heading: 2, list: 4 } as const
const HOLDS_BY_TAG: Readonly<Record<string, number>> = {
  table: HOLDS.table,
  h1: HOLDS.heading, h2: HOLDS.heading, h3: HOLDS.heading, h4: HOLDS.heading, h5: HOLDS.heading, h6: HOLDS.heading,
  ul: HOLDS.list, ol: HOLDS.list
}
const PARAGRAPH_LIKE = new Set(['p', 'blockquote', 'pre'])

/** Parses `html` into a root element named "#root"; the parser closes what the page left open. */
export function parseHtml(html: string): Element {
  const root = element('#root', {}, null)
  let current = root
  const tables: Element[] = []
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        const el = element(name, attrs, current)
        current.children.push(el)
        if (name === 'li') current.items++
        if (name === 'table') tables.push(el)
        current = el
      },
      ontext(text) {
        const last = current.children[current.children.length - 1]
        if (typeof last === 'string') current.children[current.children.length - 1] = last + text
        else current.children.push(text)
      },
      onclosetag(name) {
        const el = current
        const parent = el.parent
        if (!parent) return
        if (name === 'table') tables.pop()
        if ((name === 'td' || name === 'th') && tables.length > 0) closeCell(el, tables[tables.length - 1]!)
        parent.holds |= el.holds | (HOLDS_BY_TAG[name] ?? 0)
        parent.paragraphs += el.paragraphs + (PARAGRAPH_LIKE.has(name) ? 1 : 0)
        current = parent
      }
    },
    { decodeEntities: true }
  )
  parser.end(html)
  return root
}

function element(name: string, attrs: Record<string, string>, parent: Element | null): Element {
  return { name, attrs, children: [], parent, items: 0, layout: false, holds: 0, paragraphs: 0 }
}

/**
 * A table is for layout when one of its cells holds a table, a heading, a list or three
 * paragraphs or more: data cells hold a value or a few sentences, while old pages set their
 * whole article inside a table cell, which must be read as paragraphs, not as one row.
 */
function closeCell(cell: Element, table: Element): void {
  if (cell.holds !== 0 || cell.paragraphs >= 3) table.layout = true
}

/**
 * Visits the tree in document order without recursion: `enter` returns false to skip an
 * element's content (`leave` is then not called for it); text goes to `text`.
 */
export function walk(
  root: Element,
  visit: { enter(el: Element): boolean; leave(el: Element): void; text?(text: string): void }
): void {
  const stack: Array<{ el: Element; next: number }> = [{ el: root, next: 0 }]
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!
    const child = frame.el.children[frame.next++]
    if (child === undefined) {
      stack.pop()
      if (frame.el !== root) visit.leave(frame.el)
    } else if (typeof child === 'string') visit.text?.(child)
    else if (visit.enter(child)) stack.push({ el: child, next: 0 })
  }
}

/** The text inside `el` (script and style left out), without recursion. */
export function textOf(el: Element): string {
  let out = ''
  const stack: Node[] = [el]
  while (stack.length > 0) {
    const node = stack.pop()!
    if (typeof node === 'string') out += node
    else if (node.name !== 'script' && node.name !== 'style') {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!)
    }
  }
  return out
}

/**
 * The text of an inline HTML fragment as a reader sees it (tags dropped, entities decoded,
 * script and style content left out, <br> as a space); whitespace is left as written.
 */
export function htmlText(fragment: string): string {
  let out = ''
  let hidden = 0
  const parser = new Parser(
    {
      onopentag(name) {
        if (name === 'script' || name === 'style') hidden++
        else if (name === 'br') out += ' '
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') hidden--
      },
      ontext(text) {
        if (hidden === 0) out += text
      }
    },
    { decodeEntities: true }
  )
  parser.end(fragment)
  return out
}
