// Paragraph styles from styles.xml, with basedOn inheritance resolved: the display name a
// reviewer knows ("Heading 1"), the heading level, and numbering a style carries.
import { child, childVal, childrenNamed, type XmlElement } from './xml'

export interface ParagraphStyle {
  id: string
  /** Display name as Word shows it: built-in names are stored lower case ("heading 1"). */
  name: string
  /** 0-based outline level (own or inherited), or the level a "heading N"/"Title" name implies; undefined for body text. */
  outline: number | undefined
  numId: string | undefined
  ilvl: number | undefined
  /** This style's id, then the ids it is based on, nearest first. */
  lineage: string[]
}

interface RawStyle {
  id: string
  name: string
  basedOn: string | undefined
  outline: number | undefined
  numId: string | undefined
  ilvl: number | undefined
}

function int(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  const n = Number.parseInt(v, 10)
  return Number.isFinite(n) ? n : undefined
}

/** Word lists its built-in styles under lower-case names and shows them capitalised. */
function displayName(name: string): string {
  if (name !== name.toLowerCase()) return name
  return name.replace(/\b[a-z]+/g, (w) => (w === 'toc' ? 'TOC' : w.charAt(0).toUpperCase() + w.slice(1)))
}

// Outline level implied by the name alone, for writers (the docx package among them) that give
// the built-in heading styles no w:outlineLvl: Word itself knows "heading N" is outline level N-1.
function nameOutline(name: string): number | undefined {
  const m = /^heading ([1-9])$/i.exec(name)
  if (m) return Number(m[1]) - 1
  return /^title$/i.test(name) ? 0 : undefined
}

export class Styles {
  private readonly raw = new Map<string, RawStyle>()
  private readonly resolved = new Map<string, ParagraphStyle>()
  private readonly numberingStyles = new Map<string, string>()
  private readonly defaultId: string | undefined

  constructor(root: XmlElement | undefined) {
    let defaultId: string | undefined
    for (const s of childrenNamed(root, 'w:style')) {
      const id = s.attrs['w:styleId']
      if (id === undefined) continue
      const pPr = child(s, 'w:pPr')
      const numPr = child(pPr, 'w:numPr')
      const type = s.attrs['w:type'] ?? 'paragraph'
      if (type === 'numbering') {
        const numId = childVal(numPr, 'w:numId')
        if (numId !== undefined) this.numberingStyles.set(id, numId)
        continue
      }
      if (type !== 'paragraph') continue
      if (s.attrs['w:default'] === '1' || s.attrs['w:default'] === 'true') defaultId = id
      this.raw.set(id, {
        id,
        name: childVal(s, 'w:name') ?? id,
        basedOn: childVal(s, 'w:basedOn'),
        outline: int(childVal(pPr, 'w:outlineLvl')),
        numId: childVal(numPr, 'w:numId'),
        ilvl: int(childVal(numPr, 'w:ilvl'))
      })
    }
    this.defaultId = defaultId
  }

  /** The paragraph's style (its pStyle, else the default paragraph style), resolved; undefined when styles.xml has neither. */
  paragraph(styleId: string | undefined): ParagraphStyle | undefined {
    const id = styleId !== undefined && this.raw.has(styleId) ? styleId : this.defaultId
    return id === undefined ? undefined : this.resolve(id, 0)
  }

  /** The numId a numbering style (type="numbering") names: the target of an abstractNum's numStyleLink. */
  numberingStyleNum(styleId: string): string | undefined {
    return this.numberingStyles.get(styleId)
  }

  private resolve(id: string, depth: number): ParagraphStyle | undefined {
    const done = this.resolved.get(id)
    if (done) return done
    const raw = this.raw.get(id)
    if (!raw) return undefined
    // basedOn chains are short; a cycle (which Word would refuse) simply stops inheriting.
    const parent = raw.basedOn !== undefined && raw.basedOn !== id && depth < 20 ? this.resolve(raw.basedOn, depth + 1) : undefined
    const style: ParagraphStyle = {
      id,
      name: displayName(raw.name),
      outline: raw.outline ?? nameOutline(raw.name) ?? parent?.outline,
      numId: raw.numId ?? parent?.numId,
      // An ilvl is inherited only with the numbering it belongs to.
      ilvl: raw.numId !== undefined ? raw.ilvl : (raw.ilvl ?? parent?.ilvl),
      lineage: [id, ...(parent?.lineage ?? [])]
    }
    this.resolved.set(id, style)
    return style
  }
}
