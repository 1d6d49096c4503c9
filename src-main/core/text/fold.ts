// Typography folding for matching and search: same-length output, so offsets found in the
// folded text are offsets into the original text and display never changes.

/**
 * One replacement per UTF-16 code unit. Every entry maps a single code unit to a single code
 * unit, which is what keeps `fold(s).length === s.length`: an ellipsis is therefore left as
 * it is rather than expanded to three dots.
 */
const FOLDS: Readonly<Record<string, string>> = {
  '\u2018': "'", // left single quotation mark
  '\u2019': "'", // right single quotation mark / apostrophe
  '\u201A': "'", // single low-9 quotation mark
  '\u201B': "'", // single high-reversed-9 quotation mark
  '\u2032': "'", // prime
  '\u201C': '"', // left double quotation mark
  '\u201D': '"', // right double quotation mark
  '\u201E': '"', // double low-9 quotation mark
  '\u201F': '"', // double high-reversed-9 quotation mark
  '\u2033': '"', // double prime
  '\u00AB': '"', // left guillemet
  '\u00BB': '"', // right guillemet
  '\u2010': '-', // hyphen
  '\u2011': '-', // non-breaking hyphen
  '\u2012': '-', // figure dash
  '\u2013': '-', // en dash
  '\u2014': '-', // em dash
  '\u2015': '-', // horizontal bar
  '\u2212': '-', // minus sign
  '\u00A0': ' ', // no-break space
  '\u2007': ' ', // figure space
  '\u2009': ' ', // thin space
  '\u202F': ' ', // narrow no-break space
  '\u200A': ' ' // hair space
}

const FOLDABLE = new RegExp(`[${Object.keys(FOLDS).join('')}]`, 'g')

/** Folds typography only (quotes, dashes, hyphens, spaces); case is kept. */
export function foldTypography(text: string): string {
  return text.replace(FOLDABLE, (ch) => FOLDS[ch] ?? ch)
}

/**
 * Folds typography and case. Lower-casing is applied per character and skipped for the few
 * characters whose lower case has another length (e.g. U+0130 'İ'), so the invariant
 * `fold(s).length === s.length` holds for every input.
 */
export function fold(text: string): string {
  let out = ''
  for (const ch of foldTypography(text)) {
    const lower = ch.toLowerCase()
    out += lower.length === ch.length ? lower : ch
  }
  return out
}

/** All start offsets of `needle` in `haystack`, compared through {@link fold}. */
export function findFolded(haystack: string, needle: string): number[] {
  const hits: number[] = []
  if (needle.length === 0) return hits
  const h = fold(haystack)
  const n = fold(needle)
  for (let i = h.indexOf(n); i !== -1; i = h.indexOf(n, i + 1)) hits.push(i)
  return hits
}
