// Opens an Office package (a zip) without trusting it: sizes are read from the central directory
// and checked before anything is inflated, only the parts asked for are inflated, and each is
// cut off the moment it grows past the size the directory declared (fflate's one-shot inflate
// would silently truncate a lie, or churn through gigabytes to find it).
import { Inflate } from 'fflate'
import { ClausewiseError } from '../errors'

/** Most the parts we read may expand to, together. A 300-page agreement's XML is ~20 MB. */
export const MAX_TOTAL_SIZE = 256 * 1024 * 1024
/**
 * Most a part larger than RATIO_FLOOR may be compressed. Word's XML compresses about 10 to 1,
 * very repetitive documents 50 to 1; 200 to 1 takes the same bytes over and over, which is what
 * a zip bomb is (deflate's ceiling is about 1000 to 1).
 */
export const MAX_RATIO = 200
const RATIO_FLOOR = 1024 * 1024
const CHUNK = 64 * 1024

interface Entry {
  name: string
  flags: number
  method: number
  compressedSize: number
  size: number
  localOffset: number
}

const SIG_LOCAL = 0x04034b50
const SIG_CENTRAL = 0x02014b50
const SIG_END = 0x06054b50
const SIG_END64 = 0x06064b50
const SIG_END64_LOCATOR = 0x07064b50

export class ZipPackage {
  private readonly entries = new Map<string, Entry>()
  private readonly view: DataView

  /** `canRead(name)`: the parts the caller may ever ask for; their declared sizes are capped now. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    canRead: (name: string) => boolean
  ) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
    this.readDirectory()
    const readable = [...this.entries.values()].filter((e) => canRead(e.name))
    const total = readable.reduce((sum, e) => sum + e.size, 0)
    if (total > MAX_TOTAL_SIZE) {
      throw this.error(`its text would expand to more than ${MAX_TOTAL_SIZE / 1024 / 1024} MB; not read for safety (a "zip bomb")`)
    }
    for (const e of readable) {
      if (e.size > RATIO_FLOOR && e.size > e.compressedSize * MAX_RATIO) {
        throw this.error(`part ${e.name} is compressed more than ${MAX_RATIO} to 1, which Word never does; not read for safety (a "zip bomb")`)
      }
    }
  }

  /** Part names are case-insensitive in a package (OPC); `name` without a leading slash. */
  has(name: string): boolean {
    return this.entries.has(name.toLowerCase())
  }

  /** The part's bytes, or undefined when the package has no such part. */
  read(name: string): Uint8Array | undefined {
    const e = this.entries.get(name.toLowerCase())
    if (!e) return undefined
    if (e.flags & 1) throw this.error(`part ${e.name} is encrypted; remove the password in Word and import the document again`)
    const start = this.dataStart(e)
    const end = start + e.compressedSize
    if (end > this.bytes.length) throw this.damaged(`part ${e.name} runs past the end of the file`)
    const data = this.bytes.subarray(start, end)
    if (e.method === 0) {
      if (e.compressedSize !== e.size) throw this.damaged(`part ${e.name} is not the size the package says`)
      return data
    }
    if (e.method !== 8) throw this.error(`part ${e.name} uses a compression method Word never writes (${e.method})`)
    return this.inflate(e, data)
  }

  private inflate(e: Entry, data: Uint8Array): Uint8Array {
    const out = new Uint8Array(e.size)
    let length = 0
    let finished = false
    const stream = new Inflate((chunk, final) => {
      if (length + chunk.length > e.size) throw this.damaged(`part ${e.name} expands past the size the package says; not read for safety`)
      out.set(chunk, length)
      length += chunk.length
      if (final) finished = true
    })
    try {
      for (let i = 0; i < data.length; i += CHUNK) stream.push(data.subarray(i, i + CHUNK), i + CHUNK >= data.length)
      if (data.length === 0) stream.push(data, true)
    } catch (err) {
      if (err instanceof ClausewiseError) throw err
      throw this.damaged(`part ${e.name} cannot be decompressed (${(err as Error).message})`)
    }
    if (!finished || length !== e.size) throw this.damaged(`part ${e.name} is not the size the package says`)
    return out
  }

  private dataStart(e: Entry): number {
    const o = e.localOffset
    if (o + 30 > this.bytes.length || this.u32(o) !== SIG_LOCAL) throw this.damaged(`part ${e.name} has no local header`)
    return o + 30 + this.u16(o + 26) + this.u16(o + 28)
  }

  private readDirectory(): void {
    const n = this.bytes.length
    // The end record is the last 22 bytes unless a comment (at most 65,535 bytes) follows it.
    let end = -1
    for (let i = n - 22; i >= 0 && i >= n - 22 - 65535; i--) {
      if (this.u32(i) === SIG_END) {
        end = i
        break
      }
    }
    if (end < 0) throw this.damaged('it has no zip directory')
    let count = this.u16(end + 10)
    let offset = this.u32(end + 16)
    if ((count === 0xffff || offset === 0xffffffff) && end >= 20 && this.u32(end - 20) === SIG_END64_LOCATOR) {
      const end64 = this.u64(end - 12)
      if (end64 + 56 > n || this.u32(end64) !== SIG_END64) throw this.damaged('its zip64 directory is missing')
      count = this.u64(end64 + 32)
      offset = this.u64(end64 + 48)
    }
    for (let i = 0; i < count; i++) {
      if (offset + 46 > n || this.u32(offset) !== SIG_CENTRAL) throw this.damaged('its zip directory is cut short')
      const nameLength = this.u16(offset + 28)
      const extraLength = this.u16(offset + 30)
      const commentLength = this.u16(offset + 32)
      const nameEnd = offset + 46 + nameLength
      if (nameEnd + extraLength > n) throw this.damaged('its zip directory is cut short')
      const name = new TextDecoder().decode(this.bytes.subarray(offset + 46, nameEnd)).replace(/^\/+/, '')
      const entry: Entry = {
        name,
        flags: this.u16(offset + 8),
        method: this.u16(offset + 10),
        compressedSize: this.u32(offset + 20),
        size: this.u32(offset + 24),
        localOffset: this.u32(offset + 42)
      }
      this.zip64Sizes(entry, nameEnd, nameEnd + extraLength)
      const key = name.toLowerCase()
      if (this.entries.has(key)) throw this.damaged(`it holds two parts named ${name}`)
      if (!name.endsWith('/')) this.entries.set(key, entry)
      offset = nameEnd + extraLength + commentLength
    }
  }

  // A 0xFFFFFFFF size or offset means the real one is in the zip64 extra field, in this order.
  private zip64Sizes(e: Entry, from: number, to: number): void {
    if (e.size !== 0xffffffff && e.compressedSize !== 0xffffffff && e.localOffset !== 0xffffffff) return
    for (let p = from; p + 4 <= to; p += 4 + this.u16(p + 2)) {
      if (this.u16(p) !== 1) continue
      let q = p + 4
      if (e.size === 0xffffffff) { e.size = this.u64(q); q += 8 }
      if (e.compressedSize === 0xffffffff) { e.compressedSize = this.u64(q); q += 8 }
      if (e.localOffset === 0xffffffff) e.localOffset = this.u64(q)
      return
    }
    throw this.damaged(`part ${e.name} has no zip64 sizes`)
  }

  private u16(at: number): number {
    return at >= 0 && at + 2 <= this.bytes.length ? this.view.getUint16(at, true) : -1
  }

  private u32(at: number): number {
    return at >= 0 && at + 4 <= this.bytes.length ? this.view.getUint32(at, true) : -1
  }

  private u64(at: number): number {
    if (at < 0 || at + 8 > this.bytes.length) return Number.MAX_SAFE_INTEGER
    const v = this.view.getBigUint64(at, true)
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(v)
  }

  private error(message: string): ClausewiseError {
    return new ClausewiseError({ code: 'invalid-file', file: this.file, message })
  }

  private damaged(reason: string): ClausewiseError {
    return this.error(`the file is damaged: ${reason}`)
  }
}
