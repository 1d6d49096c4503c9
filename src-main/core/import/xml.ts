// A small, safe XML tree for the parts of an Office package: saxes parses strictly, a DOCTYPE is
// refused before any entity could be declared or used, and element names are rewritten to one
// canonical prefix per namespace so the readers match `w:p` whatever prefix the writer chose.
import { SaxesParser, type SaxesTagPlain } from 'saxes'
import { ClausewiseError } from '../errors'

export interface XmlElement {
  /** Canonical `prefix:local` (see NAMESPACES), the bare local name when unqualified, `?:local` for a namespace we do not know. */
  readonly name: string
  /** Attributes by the same canonical names (`w:val`, `r:id`, `xml:space`, unprefixed `Target`). */
  readonly attrs: Readonly<Record<string, string>>
  readonly children: XmlNode[]
}
export type XmlNode = XmlElement | string

// Transitional and Strict OOXML spell the same vocabularies with different URIs; both map to one prefix.
const NAMESPACES: Readonly<Record<string, string>> = {
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main': 'w',
  'http://purl.oclc.org/ooxml/wordprocessingml/main': 'w',
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships': 'r',
  'http://purl.oclc.org/ooxml/officeDocument/relationships': 'r',
  'http://schemas.openxmlformats.org/officeDocument/2006/math': 'm',
  'http://purl.oclc.org/ooxml/officeDocument/math': 'm',
  'http://schemas.openxmlformats.org/markup-compatibility/2006': 'mc',
  'http://schemas.openxmlformats.org/package/2006/relationships': 'rel',
  'http://schemas.openxmlformats.org/package/2006/metadata/core-properties': 'cp',
  'http://purl.org/dc/elements/1.1/': 'dc',
  'http://purl.org/dc/terms/': 'dcterms',
  'http://www.w3.org/XML/1998/namespace': 'xml'
}

/** Nesting deeper than this is refused: the readers walk the tree recursively and Word never comes near it. */
const MAX_DEPTH = 2000

// Whitespace-only text is dropped (it is indentation between elements) except inside these,
// where a lone space is the document's own text.
const TEXT_ELEMENTS = new Set(['w:t', 'w:delText', 'w:instrText', 'm:t'])

interface Namespaces {
  /** Prefix ('' for the default namespace) → canonical prefix, '?' for a namespace we do not know. */
  prefixes: Map<string, string>
  /** Raw element name → canonical name, under these prefixes. */
  elements: Map<string, string>
  /** The same for prefixed attribute names. */
  attributes: Map<string, string>
  parent: Namespaces | undefined
  /** Stack depth of the element that declared this scope. */
  depth: number
}

function declare(outer: Namespaces, attrs: Record<string, string>, depth: number): Namespaces {
  const prefixes = new Map(outer.prefixes)
  for (const key in attrs) {
    if (key !== 'xmlns' && !key.startsWith('xmlns:')) continue
    const uri = attrs[key] ?? ''
    prefixes.set(key === 'xmlns' ? '' : key.slice(6), uri === '' ? '' : (NAMESPACES[uri] ?? '?'))
  }
  return { prefixes, elements: new Map(), attributes: new Map(), parent: outer, depth }
}

/** `w:p` under any prefix bound to WordprocessingML; unprefixed attributes have no namespace. */
function qualify(scope: Namespaces, raw: string, element: boolean): string {
  const cache = element ? scope.elements : scope.attributes
  const known = cache.get(raw)
  if (known !== undefined) return known
  const colon = raw.indexOf(':')
  const prefix = colon < 0 ? '' : raw.slice(0, colon)
  const local = colon < 0 ? raw : raw.slice(colon + 1)
  const canonical = scope.prefixes.get(prefix)
  // Unbound or unknown prefixes and namespaces read as '?:local', so they never pass for Word's.
  const name = canonical ? `${canonical}:${local}` : canonical === '' || (colon < 0 && canonical === undefined) ? local : `?:${local}`
  cache.set(raw, name)
  return name
}

function decode(bytes: Uint8Array): string {
  // Office writes UTF-8; UTF-16 with a byte-order mark is legal XML and some tools write it.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes)
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes)
  return new TextDecoder('utf-8').decode(bytes)
}

/**
 * Parses one part of a package. Every problem is a ClausewiseError naming `file` (the document
 * the user chose) and `part` (the XML inside it), so the user learns which file is damaged.
 */
export function parseXml(bytes: Uint8Array, part: string, file: string): XmlElement {
  // Namespaces are resolved here rather than by saxes (xmlns: true), which costs twice the time
  // on a long document: Office declares them all on the root, so a prefix's meaning rarely
  // changes and each raw name is canonicalised once, from a cache dropped when a scope changes.
  const parser = new SaxesParser({ xmlns: false, position: true })
  const root: XmlElement = { name: '#document', attrs: {}, children: [] }
  const stack: XmlElement[] = [root]
  let top: XmlElement = root
  let scope: Namespaces = { prefixes: new Map([['xml', 'xml']]), elements: new Map(), attributes: new Map(), parent: undefined, depth: 0 }

  parser.on('doctype', () => {
    throw new ClausewiseError({
      code: 'invalid-file',
      file,
      message: `${part} contains a DOCTYPE, which Word never writes; not read for safety`
    })
  })
  parser.on('opentag', (tag: SaxesTagPlain) => {
    const raw = tag.attributes
    for (const key in raw) {
      if (key === 'xmlns' || key.startsWith('xmlns:')) {
        scope = declare(scope, raw, stack.length)
        break
      }
    }
    const attrs: Record<string, string> = {}
    for (const key in raw) {
      // Revision-session ids (w:rsidR…, on nearly every element Word writes) never bear on the text.
      if (key.startsWith('xmlns') || key.includes(':rsid')) continue
      attrs[key.includes(':') ? qualify(scope, key, false) : key] = raw[key] ?? ''
    }
    const el: XmlElement = { name: qualify(scope, tag.name, true), attrs, children: [] }
    top.children.push(el)
    stack.push(el)
    top = el
    if (stack.length > MAX_DEPTH) {
      throw new ClausewiseError({ code: 'invalid-file', file, message: `${part} is nested too deeply to be a Word document; not read for safety` })
    }
  })
  parser.on('closetag', () => {
    if (scope.depth === stack.length - 1 && scope.parent) scope = scope.parent
    stack.pop()
    top = stack[stack.length - 1] ?? root
  })
  const onText = (text: string) => {
    if (TEXT_ELEMENTS.has(top.name) || text.trim() !== '') top.children.push(text)
  }
  parser.on('text', onText)
  parser.on('cdata', onText)
  parser.on('error', (e: Error) => {
    // saxes prefixes "line:col: "; the user needs the part and line, said plainly.
    const reason = e.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')
    throw new ClausewiseError({
      code: 'invalid-file',
      file,
      message: `the file is damaged: ${part} is not well-formed XML (line ${parser.line}: ${reason})`
    })
  })
  parser.write(decode(bytes)).close()

  const doc = root.children.find((c): c is XmlElement => typeof c !== 'string')
  if (!doc) throw new ClausewiseError({ code: 'invalid-file', file, message: `the file is damaged: ${part} is empty` })
  return doc
}

export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  if (!el) return undefined
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) return c
  return undefined
}

export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  if (!el) return []
  const out: XmlElement[] = []
  for (const c of el.children) if (typeof c !== 'string' && c.name === name) out.push(c)
  return out
}

/** The `w:val` (or other) attribute of the named child: the usual shape of a Word property. */
export function childVal(el: XmlElement | undefined, name: string, attr = 'w:val'): string | undefined {
  return child(el, name)?.attrs[attr]
}

/** All text below an element, in document order (for small parts: core properties, relationships). */
export function textContent(el: XmlElement): string {
  const parts: string[] = []
  const visit = (e: XmlElement) => {
    for (const c of e.children) {
      if (typeof c === 'string') parts.push(c)
      else visit(c)
    }
  }
  visit(el)
  return parts.join('')
}

/** OOXML on/off properties: present means on unless val says false, 0 or off. */
export function isOn(el: XmlElement | undefined): boolean {
  if (!el) return false
  const v = el.attrs['w:val']
  return v === undefined || !(v === 'false' || v === '0' || v === 'off')
}
