// Page furniture: the lines a web page wraps around an article (share buttons, comment boxes,
// credits, promos) that are not the article and must never be cited or matched.

export interface FurnitureRule {
  name: string
  test: RegExp
}

/**
 * Each rule matches a whole trimmed line. They are deliberately anchored and short-range:
 * a sentence of the article that merely mentions "comments" or "source" must survive.
 */
export const FURNITURE_RULES: readonly FurnitureRule[] = [
  { name: 'share buttons', test: /^share(?: this (?:post|article|story))?:?$/i },
  { name: 'comment box', test: /^(?:comments \(\d+\)|leave a (?:comment|reply)|no comments yet\b.*|be the first to comment!?)$/i },
  { name: 'related links', test: /^(?:related (?:articles|posts|stories)|read more|more from .{1,40})$/i },
  { name: 'language switcher', test: /^read in other languages\b/i },
  { name: 'link to original', test: /^original:.*\bview original\b|\bview original\s*(?:→|->)?$/i },
  { name: 'image credit', test: /^(?:image )?credits?:|\((?:image )?credits?:[^)]*\)$/i },
  { name: 'copyright line', test: /^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\.?$/i },
  { name: 'subscribe prompt', test: /^(?:subscribe\b|discover more from\b|sign up (?:for|to)\b|get the latest\b)/i },
  { name: 'source credit', test: /^source:\s*\S.{0,60}$/i },
  { name: 'AI disclosure', test: /^(?:this article was (?:written|generated|produced) with ai\b|ai-processed from\b)/i },
  { name: 'byline and reading time', test: /\b\d+\s+min(?:ute)?s? read\b/i }
]

/**
 * Furniture is a short line. A longer one is article text even when it mentions "5 min read" or
 * ends in "all rights reserved" (a text saved without line breaks is one such line).
 */
export const MAX_FURNITURE_CHARS = 500

export function matchFurniture(line: string): string | null {
  if (line.length > MAX_FURNITURE_CHARS) return null
  for (const rule of FURNITURE_RULES) if (rule.test.test(line)) return rule.name
  return null
}
