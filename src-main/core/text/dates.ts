// Dates as a reviewer reads them, keeping the precision of the ISO value: "28 October 2025",
// "January 2025", "2019". (The renderer has its own copy: it may not import main-process code.)

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

export function longDate(iso: string): string {
  const [y, m, d] = iso.split('-')
  const month = m ? MONTHS[Number(m) - 1] : undefined
  if (!month) return y ?? iso
  return d ? `${Number(d)} ${month} ${y}` : `${month} ${y}`
}
