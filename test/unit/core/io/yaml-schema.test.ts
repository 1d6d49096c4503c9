import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { MAX_PROBLEMS_PER_FILE, parseYamlWithSchema } from '../../../../src-main/core/io/yaml-schema'

const Items = z.object({ items: z.array(z.object({ n: z.number() }).strict()) }).strict()

function problemsOf(text: string, options = {}) {
  const parsed = parseYamlWithSchema(text, 'f.yaml', Items, options)
  if (parsed.ok) throw new Error('expected problems')
  return parsed
}

describe('parseYamlWithSchema on hostile input', () => {
  it('lists at most 20 problems, then one line counting the rest', () => {
    const parsed = problemsOf(`items:\n${'  - n: bad\n'.repeat(500)}`)
    expect(parsed.total).toBe(500)
    expect(parsed.problems).toHaveLength(MAX_PROBLEMS_PER_FILE + 1)
    expect(parsed.problems[0]).toEqual({ code: 'invalid-file', file: 'f.yaml', line: 2, field: 'items[0].n', message: expect.any(String) })
    expect(parsed.problems.at(-1)).toEqual({ code: 'invalid-file', file: 'f.yaml', message: 'and 480 more problems not listed' })
  })

  it('caps YAML syntax errors the same way', () => {
    const parsed = problemsOf(`items: [${'{n: 1, '.repeat(300)}`)
    expect(parsed.problems.length).toBeLessThanOrEqual(MAX_PROBLEMS_PER_FILE + 1)
    expect(parsed.problems[0]?.message).toMatch(/^(YAML syntax|nested too deeply)/)
  })

  it('refuses a billion-laughs file before expanding it', () => {
    let text = 'a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n'
    for (let i = 1; i < 10; i++) text += `${'abcdefghij'[i]}: &${'abcdefghij'[i]} [${Array(9).fill(`*${'abcdefghij'[i - 1]}`).join(', ')}]\n`
    expect(problemsOf(text).problems).toEqual([{ code: 'invalid-file', file: 'f.yaml', message: expect.stringContaining('too many alias expansions') }])
  })

  it.each([
    ['100,000 open brackets', `items: ${'['.repeat(100_000)}`],
    ['100,000 compact list markers', `items:\n${'- '.repeat(100_000)}x\n`],
    ['a line indented 5,000 spaces deep', `items:\n${' '.repeat(5_000)}- n: 1\n`]
  ])('refuses %s as nested too deeply, with the line', (_, text) => {
    expect(problemsOf(text).problems).toEqual([
      { code: 'invalid-file', file: 'f.yaml', line: expect.any(Number), message: 'nested too deeply: more than 100 levels of brackets, list markers or indentation' }
    ])
  })

  it('refuses a file with more values than allowed, saying why', () => {
    const parsed = problemsOf(`items:\n${'  - n: 1\n'.repeat(1_000)}`, { maxValues: 500, valuesHint: 'at most 100 items' })
    expect(parsed.problems).toEqual([
      { code: 'invalid-file', file: 'f.yaml', line: expect.any(Number), message: 'too large: more than 500 keys, values and list items (at most 100 items)' }
    ])
  })

  it('does not count a block scalar or comments as nesting', () => {
    const deepText = `${' '.repeat(150)}indented prose inside a block scalar`
    const text = `# comment\nitems:\n  - n: 1\n${' '.repeat(150)}# a comment far to the right\nnote: |\n  ${deepText}\n`
    const parsed = parseYamlWithSchema(text, 'f.yaml', Items.extend({ note: z.string() }))
    expect(parsed.ok).toBe(true)
  })

  // The yaml package's own uniqueKeys check compares each key with every other: minutes here.
  it('finds a duplicate key among 30,000 keys in one pass', () => {
    const keys = Array.from({ length: 30_000 }, (_, i) => `k${i}: ${i}`)
    keys.push('k7: again')
    const parsed = parseYamlWithSchema(keys.join('\n'), 'f.yaml', z.record(z.string(), z.unknown()))
    expect(parsed).toMatchObject({ ok: false, problems: [{ line: 30_001, message: 'YAML syntax: map keys must be unique, "k7" is already at line 8' }] })
  })
})
