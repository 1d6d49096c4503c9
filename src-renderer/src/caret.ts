// Where the caret is in a clause's text, as an offset into the clause's text string. The page
// shows the text as paragraphs, one element each with `data-at` = where it starts in the string,
// so a DOM position is mapped back through them; a DOM offset is never taken as a text offset.

export interface TextParagraph {
  /** Offset of the paragraph's first character in the clause's text. */
  at: number
  text: string
}

/** The text's paragraphs (split at blank lines), each with its offset; single line breaks stay inside. */
export function paragraphsOf(text: string): TextParagraph[] {
  const out: TextParagraph[] = []
  const gap = /\n\s*\n/g
  let start = 0
  for (let m = gap.exec(text); ; m = gap.exec(text)) {
    const end = m ? m.index : text.length
    const chunk = text.slice(start, end)
    if (chunk.trim()) out.push({ at: start, text: chunk })
    if (!m) return out
    start = m.index + m[0].length
  }
}

/**
 * The offset in the clause's text of the DOM position (`node`, `offset`) inside `container`, the
 * element holding the paragraphs; null when the position is not in it. Counting the characters
 * of a Range from the paragraph's start gives the string's own characters: each paragraph
 * element holds its slice of the text as one text node, line breaks included.
 */
export function caretOffset(container: Element, node: Node, offset: number): number | null {
  if (!container.contains(node)) return null
  const holder = node instanceof Element ? node : node.parentElement
  const paragraph = holder?.closest<HTMLElement>('[data-at]')
  if (paragraph && container.contains(paragraph)) {
    const range = document.createRange()
    range.setStart(paragraph, 0)
    range.setEnd(node, offset)
    return Number(paragraph.dataset['at']) + range.toString().length
  }
  // Between paragraphs (the container itself holds the position): the start of the next one.
  if (node !== container) return null
  for (let i = offset; i < container.childNodes.length; i++) {
    const child = container.childNodes[i]
    if (child instanceof HTMLElement && child.dataset['at'] !== undefined) return Number(child.dataset['at'])
  }
  return Number((container as HTMLElement).dataset['length'] ?? 0)
}
