import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { cp, mkdtemp, symlink, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { loadModels, parseModel, ModelFileError } from '../../../../src-main/core/models/library'

const BUNDLED = join(__dirname, '../../../../resources/models')

const GOOD = `id: "2025-10"
title: Definitive agreement
date: "2025-10-28"
kind: agreement
summary: The October terms.
clauses:
  - id: ip-licence
    heading: IP licence
    text: Exclusive until 2032.
  - id: equity-stake
    heading: Equity stake
    text: About 27%.
`

function problemsOf(text: string, file = 'model.yaml') {
  try {
    parseModel(text, file)
  } catch (err) {
    if (err instanceof ModelFileError) return err.problems
    throw err
  }
  return []
}

describe('bundled models', async () => {
  const { versions, problems } = await loadModels(BUNDLED)

  it('all load without problems, oldest first', () => {
    expect(problems).toEqual([])
    expect(versions.map((v) => v.id)).toEqual(['2019', '2025-01', '2025-10', '2026-02', '2026-04'])
    expect(versions.map((v) => v.date)).toEqual(['2019', '2025-01', '2025-10-28', '2026-02-27', '2026-04-27'])
  })

  it('share clause ids across versions so the redline can align them', () => {
    const counts = new Map<string, number>()
    for (const v of versions) for (const c of v.clauses) counts.set(c.id, (counts.get(c.id) ?? 0) + 1)
    const recurring = [...counts.entries()].filter(([, n]) => n >= 3).map(([id]) => id)
    expect(recurring).toEqual(expect.arrayContaining(['cloud-exclusivity', 'stateless-api', 'ip-licence']))
  })

  it('state the IP licence terms as most articles report them', () => {
    const ip = (id: string) => versions.find((v) => v.id === id)!.clauses.find((c) => c.id === 'ip-licence')!.text
    expect(ip('2025-10')).toMatch(/2032/)
    expect(ip('2025-10')).toMatch(/exclusive/i)
    expect(ip('2026-04')).toMatch(/2032/)
    expect(ip('2026-04')).toMatch(/non-exclusive|no longer exclusive/i)
  })
})

describe('parseModel', () => {
  it('accepts a valid model and counts its clauses', () => {
    expect(parseModel(GOOD, 'good.yaml')).toMatchObject({ id: '2025-10', file: 'good.yaml', clauseCount: 2 })
  })

  it('reads an unquoted year as text', () => {
    expect(parseModel(GOOD.replace('id: "2025-10"', 'id: 2019').replace('date: "2025-10-28"', 'date: 2019'), 'y.yaml')).toMatchObject({ id: '2019', date: '2019' })
  })

  // YAML reports an unclosed bracket where it finds out: the line after the opening one.
  it('reports malformed YAML with its line', () => {
    expect(problemsOf(GOOD.replace('kind: agreement', 'kind: [agreement'), 'bad.yaml')).toEqual([
      expect.objectContaining({ file: 'bad.yaml', line: 5, message: expect.stringMatching(/^YAML syntax:/) })
    ])
  })

  it('reports a missing field at the line of its parent', () => {
    // A clause's heading and id are optional (real drafts have neither); its text is not.
    expect(problemsOf(GOOD.replace('    heading: Equity stake\n', ''))).toEqual([])
    expect(problemsOf(GOOD.replace('    text: About 27%.\n', ''))).toEqual([
      { code: 'invalid-file', file: 'model.yaml', line: 10, field: 'clauses[1].text', message: 'text must be text' }
    ])
  })

  it('reports a duplicate clause id at the duplicate', () => {
    expect(problemsOf(GOOD.replace('id: equity-stake', 'id: ip-licence'))).toEqual([
      { code: 'invalid-file', file: 'model.yaml', line: 10, field: 'clauses[1].id', message: 'duplicate clause id "ip-licence" (also clauses[0])' }
    ])
  })

  it('reports a wrong kind, an impossible date, an unknown key and empty text', () => {
    const text = GOOD.replace('kind: agreement', 'kind: contract')
      .replace('"2025-10-28"', '"2025-02-30"')
      .replace('summary: The October terms.', 'summary: The October terms.\nsigned: yes')
      .replace('text: About 27%.', 'text: "  "')
    const problems = problemsOf(text)
    expect(problems.map((p) => [p.line, p.field, p.message])).toEqual([
      [3, 'date', 'is not a real calendar date'],
      [4, 'kind', 'must be one of agreement, amendment, statement'],
      [6, 'signed', 'unknown field "signed"'],
      [13, 'clauses[1].text', 'text must not be empty']
    ])
  })

  it('reports duplicate keys as a YAML problem', () => {
    expect(problemsOf(GOOD.replace('kind: agreement', 'kind: agreement\nkind: statement'))[0]).toMatchObject({ line: 5, message: expect.stringContaining('unique') })
  })
})

describe('loadModels with bad files beside good ones', () => {
  it('loads the good files and names each bad one', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-models-'))
    await writeFile(join(dir, 'a-good.yaml'), GOOD)
    await writeFile(join(dir, 'b-broken.yaml'), 'id: x\ntitle: [unclosed\n')
    await writeFile(join(dir, 'c-binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 1]))
    await writeFile(join(dir, 'd-same-id.yaml'), GOOD)
    await writeFile(join(dir, 'notes.txt'), 'ignored: not a model')
    const { versions, problems } = await loadModels(dir)
    expect(versions.map((v) => v.file)).toEqual(['a-good.yaml'])
    expect(problems).toEqual([
      expect.objectContaining({ file: 'b-broken.yaml', line: 3 }),
      { code: 'invalid-file', file: 'c-binary.yaml', message: 'binary file, expected UTF-8 text' },
      { code: 'invalid-file', file: 'd-same-id.yaml', field: 'id', message: 'version id "2025-10" is already used by a-good.yaml' }
    ])
  })

  it('refuses a huge file without reading it', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-models-'))
    await writeFile(join(dir, 'huge.yaml'), Buffer.alloc(17 * 1024 * 1024, 0x20))
    const { problems } = await loadModels(dir)
    expect(problems).toEqual([{ code: 'invalid-file', file: 'huge.yaml', message: 'file is 17.0 MB, more than the 16.0 MB limit' }])
  })

  it('reports a missing folder', async () => {
    const { versions, problems } = await loadModels(join(tmpdir(), 'no-such-clausewise-models'))
    expect(versions).toEqual([])
    expect(problems[0]).toMatchObject({ code: 'unreadable', message: 'models folder not found' })
  })
})

/** Model files that once hung the load, ate gigabytes or overflowed the stack (issue 10). */
function hostileModels(): Record<string, string> {
  const head = 'id: hostile\ntitle: Hostile\ndate: "2025"\nkind: agreement\nsummary: s\n'
  let laughs = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
  for (let i = 1; i < 10; i++) laughs += `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]\n`
  return {
    'laughs.yaml': laughs,
    'deep.yaml': `${head}clauses: ${'['.repeat(100_000)}\n`,
    // Just under the 16 MB cap, so it is really read: about 650,000 list items.
    'bad-integers.yaml': `${head}clauses:\n${'  - 12345678901234567890\n'.repeat(650_000)}`,
    'bad-clauses.yaml': `${head}clauses:\n${'- [1]\n'.repeat(200_000)}`,
    // Few tokens but too many clauses: refused by the clause count, not the token count.
    'many-clauses.yaml': `${head}clauses:\n${'-\n'.repeat(200_000)}`,
    'many-bad-clauses.yaml': `${head}clauses:\n${'- 1\n'.repeat(15_000)}`
  }
}

describe('loadModels with hostile files beside good ones', () => {
  it('refuses each within seconds, naming it, lists at most 20 problems per file, and loads the good ones', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'clausewise-models-'))
    await cp(BUNDLED, dir, { recursive: true })
    for (const [file, text] of Object.entries(hostileModels())) await writeFile(join(dir, file), text)
    const posix = process.platform !== 'win32'
    if (posix && existsSync('/dev/zero')) await symlink('/dev/zero', join(dir, 'zero.yaml'))
    if (posix) execFileSync('mkfifo', [join(dir, 'pipe.yaml')])

    const t0 = performance.now()
    const { versions, problems } = await loadModels(dir)
    const ms = performance.now() - t0
    console.log(`loadModels with ${Object.keys(hostileModels()).length + 2} hostile files: ${ms.toFixed(0)} ms`)
    // Before the fix: the FIFO hung forever, /dev/zero grew without end, bad-integers took ~20 s and 2.6 GB.
    expect(ms).toBeLessThan(30_000)
    expect(versions.map((v) => v.id)).toEqual(['2019', '2025-01', '2025-10', '2026-02', '2026-04'])

    const byFile = (file: string) => problems.filter((p) => p.file === file)
    expect(byFile('laughs.yaml')).toEqual([{ code: 'invalid-file', file: 'laughs.yaml', message: expect.stringContaining('too many alias expansions') }])
    expect(byFile('deep.yaml')).toEqual([expect.objectContaining({ line: 6, message: expect.stringContaining('nested too deeply') })])
    for (const file of ['bad-integers.yaml', 'bad-clauses.yaml']) {
      expect(byFile(file)).toEqual([expect.objectContaining({ message: 'too large: more than 240,000 keys, values and list items (a model holds at most 20,000 clauses)' })])
    }
    expect(byFile('many-clauses.yaml')).toEqual([
      { code: 'invalid-file', file: 'many-clauses.yaml', line: 7, field: 'clauses', message: '200,000 clauses, more than the 20,000 a model may hold' }
    ])
    const many = byFile('many-bad-clauses.yaml')
    expect(many).toHaveLength(21)
    expect(many[0]).toMatchObject({ line: 7, field: 'clauses[0]' })
    expect(many[20]).toEqual({ code: 'invalid-file', file: 'many-bad-clauses.yaml', message: 'and 14,980 more problems not listed' })
    if (posix && existsSync('/dev/zero')) expect(byFile('zero.yaml')).toEqual([{ code: 'invalid-file', file: 'zero.yaml', message: 'is a device, expected a regular file' }])
    if (posix) expect(byFile('pipe.yaml')).toEqual([{ code: 'invalid-file', file: 'pipe.yaml', message: 'is a named pipe (FIFO), expected a regular file' }])
  }, 120_000)

  it('says how many problems a file has beyond the first', () => {
    const err = (() => {
      try {
        parseModel(hostileModels()['many-bad-clauses.yaml']!, 'm.yaml')
      } catch (e) {
        return e as ModelFileError
      }
      throw new Error('expected a ModelFileError')
    })()
    expect(err.total).toBe(15_000)
    expect(err.message).toMatch(/^m\.yaml:7: clauses\[0\]: .* \(and 14,999 more problems\)$/)
  })
})
