// One rule for turning a title into a file or folder name that Windows, macOS and Linux all
// accept: the export's proposed PDF name and a new matter's proposed folder.

/**
 * `text` with each run of control characters or characters Windows forbids (`<>:"/\|?*`) made
 * " - " ("Acme / Beta: terms" → "Acme - Beta - terms"), spaces
 * folded, no leading or trailing dots, spaces or hyphens (Windows drops trailing dots), cut at
 * `max` characters with an ellipsis; `fallback` when nothing is left.
 */
export function safeFileName(text: string, max: number, fallback: string): string {
  const name = text
    .replace(/[\p{Cc}<>:"/\\|?*]+/gu, ' - ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.-]+$/g, '')
  const cut = name.length > max ? `${name.slice(0, max).trimEnd()}…` : name
  return cut || fallback
}
