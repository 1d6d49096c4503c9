// Builds small DOCX packages in memory from WordprocessingML snippets, so each reader test states
// exactly the markup it is about (the fixtures script covers whole documents written by a library).
import { strToU8, zipSync, type Zippable } from 'fflate'

export const W_NS = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main'
const R_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export interface DocxParts {
  /** Inner XML of w:body. */
  body: string
  /** Inner XML of w:numbering. */
  numbering?: string
  /** Inner XML of w:styles. */
  styles?: string
  /** Inner XML of w:footnotes / w:endnotes / w:comments / w:settings. */
  footnotes?: string
  endnotes?: string
  comments?: string
  settings?: string
  /** Inner XML of each w:hdr / w:ftr part. */
  headers?: string[]
  footers?: string[]
  /** docProps/core.xml inner XML (dc:title…). */
  core?: string
  /** Anything else, by part name, written as given. */
  extra?: Record<string, string | Uint8Array>
  /** Replaces the whole word/document.xml. */
  documentXml?: string
}

const root = (name: string, inner: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:${name} xmlns:w="${W_NS}" xmlns:r="${R_NS}" ` +
  `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
  `xmlns:m="http://schemas.openxmlformats.org/officeDocument/2006/math">${inner}</w:${name}>`

/** A paragraph with plain text runs: p('Hello') or p('Hello', '<w:pStyle w:val="Heading1"/>'). */
export function p(text: string, pPr = ''): string {
  return `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`
}

export function numbered(text: string, numId: number, ilvl = 0): string {
  return p(text, `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`)
}

export function makeDocx(parts: DocxParts): Uint8Array {
  const files: Zippable = {}
  const rels: string[] = []
  const add = (name: string, type: string, target: string, xml: string) => {
    files[name] = strToU8(xml)
    rels.push(`<Relationship Id="rId${rels.length + 1}" Type="${REL}/${type}" Target="${target}"/>`)
  }
  files['[Content_Types].xml'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>'
  )
  files['_rels/.rels'] = strToU8(
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      '</Relationships>'
  )
  files['word/document.xml'] = strToU8(parts.documentXml ?? root('document', `<w:body>${parts.body}</w:body>`))
  if (parts.numbering !== undefined) add('word/numbering.xml', 'numbering', 'numbering.xml', root('numbering', parts.numbering))
  if (parts.styles !== undefined) add('word/styles.xml', 'styles', 'styles.xml', root('styles', parts.styles))
  if (parts.footnotes !== undefined) add('word/footnotes.xml', 'footnotes', 'footnotes.xml', root('footnotes', parts.footnotes))
  if (parts.endnotes !== undefined) add('word/endnotes.xml', 'endnotes', 'endnotes.xml', root('endnotes', parts.endnotes))
  if (parts.comments !== undefined) add('word/comments.xml', 'comments', 'comments.xml', root('comments', parts.comments))
  if (parts.settings !== undefined) add('word/settings.xml', 'settings', 'settings.xml', root('settings', parts.settings))
  parts.headers?.forEach((h, i) => add(`word/header${i + 1}.xml`, 'header', `header${i + 1}.xml`, root('hdr', h)))
  parts.footers?.forEach((f, i) => add(`word/footer${i + 1}.xml`, 'footer', `/word/footer${i + 1}.xml`, root('ftr', f)))
  files['word/_rels/document.xml.rels'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`
  )
  if (parts.core !== undefined) {
    files['docProps/core.xml'] = strToU8(
      '<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ' +
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
        `${parts.core}</cp:coreProperties>`
    )
  }
  for (const [name, data] of Object.entries(parts.extra ?? {})) files[name] = typeof data === 'string' ? strToU8(data) : data
  return zipSync(files)
}

/** An abstractNum with the given levels ([format, lvlText, extra XML]) and a num pointing at it. */
export function list(abstractId: number, levels: Array<[string, string, string?]>, ...nums: Array<[number, string?]>): string {
  const lvls = levels
    .map(([fmt, text, extra], i) => `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="${text}"/>${extra ?? ''}</w:lvl>`)
    .join('')
  return (
    `<w:abstractNum w:abstractNumId="${abstractId}">${lvls}</w:abstractNum>` +
    nums.map(([numId, inner]) => `<w:num w:numId="${numId}"><w:abstractNumId w:val="${abstractId}"/>${inner ?? ''}</w:num>`).join('')
  )
}
