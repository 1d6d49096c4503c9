// Dates and labels as a reviewer reads them: "28 October 2025", "January 2025", "2019".
// (Mirrors src-main/core/text/dates.ts: the renderer may not import main-process code.)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  const month = m ? MONTHS[Number(m) - 1] : undefined
  if (!month) return y ?? iso
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}

export const KIND_LABEL = { agreement: 'Agreement', amendment: 'Amendment', statement: 'Joint statement' } as const
