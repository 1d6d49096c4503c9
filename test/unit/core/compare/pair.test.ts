import { describe, expect, it } from 'vitest'
import { join } from 'node:path'
import { alignClauses } from '../../../support/id-alignment'
import { heaviestIncreasing } from '../../../../src-main/core/compare/gaps'
import { normalizeLabel, pairClauses, type PairInput, type Pairing } from '../../../../src-main/core/compare/pair'
import { FolderLibrary } from '../../../../src-main/core/library'
import { perturbedPair } from '../../../../bench/perturb'
import { rng, syntheticPair } from '../../../../bench/synthetic'
import { loadLicenceModel } from '../../../fixtures/licences'

/** Ten clauses on distinct subjects, in the wording of real licences and agreements. */
const TEXTS = [
  'The Licensor grants the Licensee a worldwide, royalty-free, non-exclusive licence to reproduce, prepare derivative works of, publicly display and distribute the Work in source or object form.',
  'The Licensee shall pay the fees set out in Schedule 2 within thirty days of the date of each invoice; late payments bear interest at two percent above the base rate.',
  'Either party may terminate this Agreement by written notice if the other party commits a material breach and fails to remedy it within sixty days of being notified of the breach.',
  'Each party shall keep the Confidential Information of the other party secret, use it only to perform this Agreement and disclose it only to employees who need to know it.',
  'The Work is provided on an "as is" basis, without warranties or conditions of any kind, including warranties of title, merchantability or fitness for a particular purpose.',
  'In no event shall any contributor be liable for indirect, incidental, special or consequential damages, including loss of profits, data or goodwill, however caused.',
  'This Agreement is governed by the laws of England and Wales, and the courts of London have exclusive jurisdiction over any dispute arising out of it.',
  'Neither party may assign or transfer its rights under this Agreement without the prior written consent of the other party, which shall not be unreasonably withheld.',
  'A party affected by a force majeure event, such as flood, fire, epidemic or war, is excused from performance for as long as the event prevents it.',
  'The Licensee shall maintain accurate records of its use of the Software and allow the Licensor to audit those records once a year on reasonable notice.'
]

function clauses(entries: Array<[string, string]>): PairInput[] {
  return entries.map(([label, text], i) => ({ key: `k${i}`, label, heading: `Section ${label}`, text }))
}

/** The rows as "base→target" strings: "2→3", "-→4" (added), "5→-" (removed), "3→3,4,5" (split). */
function links(rows: Pairing[]): string[] {
  return rows.map((r) => `${r.base.join(',') || '-'}→${r.target.join(',') || '-'}`)
}

const rowOf = (rows: Pairing[], b: number): Pairing => rows.find((r) => r.base.includes(b))!

describe('pairClauses', () => {
  it('pairs a renumbered clause with its true partner, not with the new clause that took its number', () => {
    const base = clauses([['6.1', TEXTS[0]!], ['6.2', TEXTS[1]!], ['6.3', TEXTS[2]!], ['6.4', TEXTS[3]!]])
    const target = clauses([
      ['6.1', TEXTS[0]!],
      ['6.2', TEXTS[1]!],
      ['6.3', TEXTS[6]!], // inserted: every number after it shifts by one
      ['6.4', TEXTS[2]!.replace('sixty days', 'thirty days')],
      ['6.5', TEXTS[3]!]
    ])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['0→0', '1→1', '-→2', '2→3', '3→4'])
    expect(rowOf(rows, 2)).toMatchObject({ kind: 'one-to-one', renumbered: true, moved: false, review: false })
    expect(rowOf(rows, 0).renumbered).toBe(false)
    expect(rowOf(rows, 2).confidence).toBeGreaterThan(0.6)
  })

  it('pairs a moved and edited clause with its partner and marks it moved', () => {
    const base = clauses(TEXTS.slice(0, 6).map((t, i) => [String(i + 1), t]))
    const movedText = TEXTS[4]!.replace('"as is" basis', '"as is" and "as available" basis')
    const target = clauses([[ '1', movedText ], ...TEXTS.slice(0, 4).map((t, i): [string, string] => [String(i + 2), t]), ['6', TEXTS[5]!]])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['4→0', '0→1', '1→2', '2→3', '3→4', '5→5'])
    expect(rowOf(rows, 4)).toMatchObject({ moved: true, by: 'similarity', renumbered: true })
    expect(rows.filter((r) => r.moved)).toHaveLength(1)
  })

  it('shows a section split into three lightly edited subsections as one split row', () => {
    const whole = `${TEXTS[2]!} ${TEXTS[3]!} ${TEXTS[7]!}`
    const base = clauses([['2', TEXTS[0]!], ['3', whole], ['4', TEXTS[6]!]])
    const target = clauses([
      ['2', TEXTS[0]!],
      ['3.1', TEXTS[2]!.replace('sixty', 'ninety')],
      ['3.2', TEXTS[3]!.replace('secret', 'strictly confidential')],
      ['3.3', TEXTS[7]!],
      ['4', TEXTS[6]!]
    ])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['0→0', '1→1,2,3', '2→4'])
    expect(rowOf(rows, 1)).toMatchObject({ kind: 'split', by: 'similarity', how: 'split', review: false })
  })

  it('shows two clauses merged into one as one merged row', () => {
    const base = clauses([['1', TEXTS[0]!], ['2', TEXTS[4]!], ['3', TEXTS[5]!], ['4', TEXTS[6]!]])
    const target = clauses([['1', TEXTS[0]!], ['2', `${TEXTS[4]!} Furthermore, ${TEXTS[5]!.replace('any contributor', 'the Licensor')}`], ['3', TEXTS[6]!]])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['0→0', '1,2→1', '3→2'])
    expect(rowOf(rows, 1)).toMatchObject({ kind: 'merged', how: 'merge' })
  })

  it('still pairs a clause with about 30% of its words rewritten, with a lower confidence', () => {
    const original = TEXTS[2]!
    const rewritten =
      'Either party may end this contract by written notice if the other party commits a serious breach and does not cure it within sixty days after being told of that breach.'
    const base = clauses([['1', TEXTS[0]!], ['2', original], ['3', TEXTS[3]!]])
    const light = pairClauses(base, clauses([['1', TEXTS[0]!], ['2', original.replace('sixty', 'ninety')], ['3', TEXTS[3]!]]))
    const heavy = pairClauses(base, clauses([['1', TEXTS[0]!], ['2', rewritten], ['3', TEXTS[3]!]]))
    expect(links(heavy)).toEqual(['0→0', '1→1', '2→2'])
    expect(rowOf(heavy, 1).by).toBe('similarity')
    expect(rowOf(heavy, 1).confidence).toBeLessThan(rowOf(light, 1).confidence)
    expect(rowOf(heavy, 1).confidence).toBeGreaterThan(0)
    // Under the reviewer's threshold the pair is marked "check pairing"; identical clauses never are.
    const strict = pairClauses(base, clauses([['1', TEXTS[0]!], ['2', rewritten], ['3', TEXTS[3]!]]), { reviewThreshold: 0.9 })
    expect(strict.map((r) => r.review)).toEqual([false, true, false])
  })

  it('does not pair two different clauses because they share a number', () => {
    const base = clauses([['4', TEXTS[0]!], ['5', TEXTS[1]!], ['6', TEXTS[2]!]])
    const target = clauses([['4', TEXTS[0]!], ['5', TEXTS[8]!], ['6', TEXTS[2]!]])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['0→0', '1→-', '-→1', '2→2'])
  })

  it('finds no pairs between two versions with nothing in common', () => {
    const base = clauses(TEXTS.slice(0, 5).map((t, i) => [String(i + 1), t]))
    const target = clauses(TEXTS.slice(5).map((t, i) => [String(i + 1), t]))
    const rows = pairClauses(base, target)
    expect(rows.every((r) => r.kind === 'added' || r.kind === 'removed')).toBe(true)
    expect(rows).toHaveLength(10)
    expect(rows.filter((r) => r.kind === 'removed').map((r) => r.base[0])).toEqual([0, 1, 2, 3, 4])
  })

  it('pairs twenty repeated "Intentionally omitted." clauses in order, none twice', () => {
    const omitted = 'Intentionally omitted.'
    const base = clauses([['1', TEXTS[0]!], ...Array.from({ length: 20 }, (_, i): [string, string] => [String(i + 2), omitted]), ['22', TEXTS[1]!]])
    const target = clauses([['1', TEXTS[0]!], ['2', TEXTS[9]!], ...Array.from({ length: 20 }, (_, i): [string, string] => [String(i + 3), omitted]), ['23', TEXTS[1]!]])
    const rows = pairClauses(base, target)
    const repeated = rows.filter((r) => r.base.some((b) => base[b]!.text === omitted))
    expect(repeated.map((r) => [r.base, r.target])).toEqual(Array.from({ length: 20 }, (_, i) => [[i + 1], [i + 2]]))
    expect(repeated.every((r) => r.by === 'text' && !r.moved)).toBe(true)
    expect(new Set(rows.flatMap((r) => r.target)).size).toBe(target.length)
  })

  it('pairs globally: a clause does not take a later clause\'s near-identical partner first', () => {
    const fees = 'The Licensee shall pay the licence fees set out in Schedule 2 within thirty days of the date of each invoice issued by the Licensor.'
    const royalties = 'The Licensee shall pay the royalties set out in Schedule 3 within thirty days of the date of each invoice issued by the Licensor.'
    // The fees clause is rewritten heavily; the royalties clause barely changes. Taken first
    // come in document order, the fees clause would grab the royalties clause's partner.
    // (A new clause in front renumbers the rest, so the shared-label pass plays no part.)
    const feesRewritten = 'The licence fees in Schedule 2 fall due one month after the date of the invoice.'
    const base = clauses([['1', fees], ['2', royalties], ['3', TEXTS[2]!]])
    const target = clauses([['1', TEXTS[8]!], ['2', feesRewritten], ['3', royalties.replace('thirty', 'forty-five')], ['4', TEXTS[2]!]])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['-→0', '0→1', '1→2', '2→3'])
    expect(rowOf(rows, 0).confidence).toBeLessThan(rowOf(rows, 1).confidence)
  })

  it('breaks a tie between near-identical clauses by keeping document order', () => {
    const notice = 'Notices shall be sent to the registered office of the receiving party by registered post and take effect on receipt.'
    // Both copies become the same new text; the second was a hair closer to it, which must not
    // let it take the first copy's partner.
    const first = notice.replace('by registered post', 'by registered post or courier')
    const second = notice.replace('by registered post', 'by post')
    const changed = notice.replace('by registered post', 'by e-mail')
    const base = clauses([['1', TEXTS[0]!], ['2', first], ['3', TEXTS[1]!], ['4', second], ['5', TEXTS[2]!]])
    const target = clauses([['1', TEXTS[8]!], ['2', TEXTS[0]!], ['3', changed], ['4', TEXTS[1]!], ['5', changed], ['6', TEXTS[2]!]])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['-→0', '0→1', '1→2', '2→3', '3→4', '4→5'])
    expect(rows.some((r) => r.moved)).toBe(false)
  })

  it('pairs text that differs only in case, typography, spacing and its printed number', () => {
    const base = clauses([['6.3', '6.3 The Work is provided "as is" - without warranty.'], ['6.4', TEXTS[0]!]])
    const target = clauses([['6.4', '6.4  the work is provided \u201Cas is\u201D \u2014 without warranty.'], ['6.5', TEXTS[0]!]])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['0→0', '1→1'])
    expect(rowOf(rows, 0)).toMatchObject({ by: 'text', how: 'folded', renumbered: true, review: false })
    expect(rowOf(rows, 1)).toMatchObject({ by: 'text', how: 'exact', confidence: 1 })
    // A number that is part of the sentence is not numbering.
    const days = pairClauses(clauses([['1', '10 days notice is required.']]), clauses([['2', '0 days notice is required.']]))
    expect(days[0]!.how).not.toBe('folded')
  })

  it('lets a shared number decide between otherwise alike candidates', () => {
    const a = 'The Licensor shall provide support for the Software by telephone and e-mail during business hours on working days in the United Kingdom.'
    const b = 'The Licensor shall provide support for the Software by telephone and e-mail during business hours on working days in the United States.'
    const base = clauses([['7.1', a], ['7.2', b]])
    const target = clauses([['7.1', a.replace('telephone and e-mail', 'online chat')], ['7.2', b.replace('telephone and e-mail', 'online chat')]])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['0→0', '1→1'])
    expect(rows.map((r) => r.how)).toEqual(['label', 'label'])
  })

  it('reads "(a)", "a)" and "a." as one number, and "(4)" as "4."', () => {
    expect(['(a)', 'a)', 'a.', 'A.', ' (a) '].map(normalizeLabel)).toEqual(['a', 'a', 'a', 'a', 'a'])
    expect(['(4)', '4.', '4', 'Section 4.', '§ 4'].map(normalizeLabel)).toEqual(['4', '4', '4', '4', '4'])
    expect(['4(a)', 'Section 4(a).', '(iv)', 'IV.'].map(normalizeLabel)).toEqual(['4(a)', '4(a)', 'iv', 'iv'])
    // A list printed "a)" in one draft and "(a)" in the next is not renumbered; "(a)" → "(b)" is.
    const rows = pairClauses(clauses([['(a)', TEXTS[0]!], ['(b)', TEXTS[1]!]]), clauses([['a)', TEXTS[0]!], ['b.', TEXTS[1]!]]))
    expect(rows.map((r) => r.renumbered)).toEqual([false, false])
    expect(pairClauses(clauses([['(a)', TEXTS[0]!]]), clauses([['(b)', TEXTS[0]!]]))[0]!.renumbered).toBe(true)
    // And the number printed either way decides between otherwise alike candidates.
    const a = 'The Licensor shall provide support for the Software by telephone and e-mail during business hours on working days in the United Kingdom.'
    const b = 'The Licensor shall provide support for the Software by telephone and e-mail during business hours on working days in the United States.'
    const changed = (t: string): string => t.replace('telephone and e-mail', 'online chat')
    const byLabel = pairClauses(clauses([['(4)', a], ['(5)', b]]), clauses([['4.', changed(a)], ['5.', changed(b)]]))
    expect(links(byLabel)).toEqual(['0→0', '1→1'])
    expect(byLabel.map((r) => r.how)).toEqual(['label', 'label'])
  })

  it('lets a reviewer link and unlink clauses, overruling content', () => {
    const base = clauses([['1', TEXTS[0]!], ['2', TEXTS[1]!], ['3', TEXTS[2]!]])
    const target = clauses([['1', TEXTS[0]!], ['2', TEXTS[1]!], ['3', TEXTS[5]!]])
    const rows = pairClauses(base, target, { manual: [{ base: [2], target: [2] }, { base: [1], target: [] }] })
    expect(links(rows)).toEqual(['0→0', '1→-', '-→1', '2→2'])
    expect(rowOf(rows, 2)).toMatchObject({ by: 'manual', confidence: 1, review: false })
    expect(rowOf(rows, 1)).toMatchObject({ kind: 'removed', by: 'manual' })
  })

  it('rejects bad input with an error naming it', () => {
    const base = clauses([['1', TEXTS[0]!]])
    expect(() => pairClauses(base, base, { manual: [{ base: [0], target: [3] }] })).toThrow('manual link 1 names target clause 3, but the target has 1 clauses')
    expect(() => pairClauses(base, base, { manual: [{ base: [0], target: [0] }, { base: [0], target: [] }] })).toThrow('manual link 2 names base clause 0 ("k0"), already in an earlier manual link')
    expect(() => pairClauses(base, base, { ids: { base: [], target: ['a'] } })).toThrow('ids.base has 0 entries for 1 base clauses')
    expect(() => pairClauses(base, base, { reviewThreshold: 2 })).toThrow('reviewThreshold must be between 0 and 1')
  })

  it('pairs a version of one clause, and empty versions', () => {
    expect(links(pairClauses(clauses([['1', TEXTS[0]!]]), clauses([['1', TEXTS[0]!.replace('worldwide', 'perpetual')]])))).toEqual(['0→0'])
    expect(pairClauses([], [])).toEqual([])
    expect(links(pairClauses([], clauses([['1', TEXTS[0]!]])))).toEqual(['-→0'])
  })

  it('finds its one clause in a long version, and nothing in an unrelated one', () => {
    const one = clauses([['1', TEXTS[2]!]])
    const long = clauses(syntheticPair(40, 3).base.clauses.map((c, i): [string, string] => [String(i + 1), c.text]))
    long.splice(20, 0, { key: 'edited', label: '21', heading: 'Section 21', text: TEXTS[2]!.replace('sixty', 'ninety') })
    const rows = pairClauses(one, long)
    expect(rows.filter((r) => r.base.length > 0).map((r) => [r.base, r.target])).toEqual([[[0], [20]]])
    expect(rows.filter((r) => r.kind === 'added')).toHaveLength(40)
    expect(links(pairClauses(one, clauses([['1', TEXTS[8]!]])))).toEqual(['0→-', '-→0'])
  })

  it('does not take two copies of a clause for the pieces of one split clause', () => {
    const text = 'The parties agree to the terms of Schedule 4 in full.'
    const base = clauses([['1', TEXTS[0]!], ['2', text], ['3', TEXTS[1]!]])
    // Pasted twice, with a trailing full stop lost: both lie wholly inside the clause, and joined they are no more like it than one alone.
    const target = clauses([['1', TEXTS[0]!], ['2', text.replace(/\.$/, '')], ['3', text.replace(/\.$/, '').toLowerCase()], ['4', TEXTS[1]!]])
    const rows = pairClauses(base, target)
    expect(rows.every((r) => r.base.length <= 1 && r.target.length <= 1)).toBe(true)
    expect(links(rows)).toEqual(['0→0', '1→1', '-→2', '2→3'])
  })

  it('pairs no clause between two unrelated versions written in the same words', () => {
    // Two independent drafts from one small legal vocabulary: every clause shares words with every other.
    const base = clauses(syntheticPair(300, 1).base.clauses.map((c, i): [string, string] => [String(i + 1), c.text]))
    const target = clauses(syntheticPair(300, 2).base.clauses.map((c, i): [string, string] => [String(i + 1), c.text]))
    const rows = pairClauses(base, target)
    expect(rows.filter((r) => r.base.length > 0 && r.target.length > 0)).toEqual([])
    expect(rows.filter((r) => r.kind === 'removed')).toHaveLength(300)
    expect(rows.filter((r) => r.kind === 'added')).toHaveLength(300)
  })
})

describe('pairClauses where the wording is weak but the place is not', () => {
  const DEPLOY = '"Deploy" means to use, sublicense or distribute Covered Code other than for Your internal research and development, and includes any and all use of Covered Code to provide services to third parties.'
  const EXTERNALLY_DEPLOY = '"Externally Deploy" means to make Covered Code available to anyone other than You, whether directly or indirectly, or to use it to deliver a service by electronic communication to anyone other than You.'

  it('pairs a heavily rewritten clause that stands alone between two pairs that kept their place, marked for review', () => {
    const base = clauses([['1', TEXTS[0]!], ['2', DEPLOY], ['3', TEXTS[3]!]])
    const rows = pairClauses(base, clauses([['1', TEXTS[0]!], ['2', EXTERNALLY_DEPLOY], ['3', TEXTS[3]!]]))
    expect(links(rows)).toEqual(['0→0', '1→1', '2→2'])
    // The wording alone says little (a cosine of about 0.16): the row says so and asks for a check.
    expect(rowOf(rows, 1)).toMatchObject({ by: 'similarity', review: true })
    expect(rowOf(rows, 1).confidence).toBeLessThan(0.2)
    // A clause with nothing in common that took its place is still a removal and an addition.
    expect(links(pairClauses(base, clauses([['1', TEXTS[0]!], ['2', TEXTS[8]!], ['3', TEXTS[3]!]])))).toEqual(['0→0', '1→-', '-→1', '2→2'])
  })

  it('pairs rewritten list items in order between the pairs around them, and leaves a new item added', () => {
    const intro = 'You may distribute modified copies of the Software provided that you also meet all of these conditions:'
    const base = clauses([
      ['1', TEXTS[0]!],
      ['2', intro],
      ['(a)', 'You must cause the modified files to carry prominent notices stating that you changed the files and the date of any change.'],
      ['(b)', 'You must cause any work that you distribute or publish to be licensed as a whole at no charge to all third parties under the terms of this Licence.'],
      ['(c)', 'If the modified program reads commands interactively when run, it must print an announcement including an appropriate copyright notice and a notice that there is no warranty.'],
      ['3', TEXTS[6]!]
    ])
    const target = clauses([
      ['1', TEXTS[0]!],
      ['2', intro],
      ['(a)', 'The work must carry prominent notices stating that you modified it, and giving a relevant date.'],
      ['(b)', 'The work must carry prominent notices stating that it is released under this Licence.'],
      ['(c)', 'You must license the entire work, as a whole, under this Licence to anyone who comes into possession of a copy.'],
      ['(d)', 'If the work has interactive user interfaces, each must display appropriate legal notices.'],
      ['3', TEXTS[6]!]
    ])
    const rows = pairClauses(base, target)
    expect(links(rows)).toEqual(['0→0', '1→1', '2→2', '-→3', '3→4', '4→5', '5→6'])
    // Old (b) and (c) share under a tenth of their weighted words with new (c) and (d): the run of pairs pairs them, for review.
    for (const b of [3, 4]) expect(rowOf(rows, b)).toMatchObject({ how: 'position', review: true, renumbered: true })
    expect(Math.max(rowOf(rows, 3).confidence, rowOf(rows, 4).confidence)).toBeLessThan(0.12)
  })

  it('wants more wording for a pair no neighbouring pair corroborates, and the end of a document corroborates nothing', () => {
    const kept = 'The Licensee shall keep all copies of the Software in a secure place and shall tell the Licensor at once of any loss of a copy.'
    const weak = 'Copies held by the Licensee must be kept under lock and key, and their number reported each year.'
    const fair = 'Each copy of the Software must be stored safely, and the Licensor must be told at once if one is lost.'
    // In the middle of a stretch rewritten beyond recognition, the clauses around paired with nothing.
    const stretch = (middle: string): Pairing[] =>
      pairClauses(clauses([['1', TEXTS[0]!], ['2', TEXTS[4]!], ['3', kept], ['4', TEXTS[5]!], ['5', TEXTS[6]!]]), clauses([['1', TEXTS[0]!], ['2', TEXTS[7]!], ['3', middle], ['4', TEXTS[8]!], ['5', TEXTS[6]!]]))
    expect(rowOf(stretch(weak), 2)).toMatchObject({ kind: 'removed' })
    expect(rowOf(stretch(fair), 2)).toMatchObject({ target: [2], by: 'similarity', review: true })
    // The weak pair between pairs that kept their place pairs, and so it does right after the last one...
    expect(links(pairClauses(clauses([['1', TEXTS[0]!], ['2', kept], ['3', TEXTS[6]!]]), clauses([['1', TEXTS[0]!], ['2', weak], ['3', TEXTS[6]!]])))).toEqual(['0→0', '1→1', '2→2'])
    expect(links(pairClauses(clauses([['1', TEXTS[0]!], ['2', TEXTS[6]!], ['3', kept]]), clauses([['1', TEXTS[0]!], ['2', TEXTS[6]!], ['3', weak]])))).toEqual(['0→0', '1→1', '2→2'])
    // ...but not after a new clause, with only the end of the document after it.
    const atEnd = pairClauses(clauses([['1', TEXTS[0]!], ['2', TEXTS[6]!], ['3', kept]]), clauses([['1', TEXTS[0]!], ['2', TEXTS[6]!], ['3', TEXTS[8]!], ['4', weak]]))
    expect(links(atEnd)).toEqual(['0→0', '1→1', '2→-', '-→2', '-→3'])
  })

  it('never pairs by position two clauses that carry different ids', () => {
    const base = clauses([['1', TEXTS[0]!], ['2', DEPLOY], ['3', TEXTS[3]!]])
    const target = clauses([['1', TEXTS[0]!], ['2', EXTERNALLY_DEPLOY], ['3', TEXTS[3]!]])
    const ids = { base: ['grant', 'deploy', 'confidentiality'], target: ['grant', 'external-deploy', 'confidentiality'] }
    expect(links(pairClauses(base, target, { ids }))).toEqual(['0→0', '1→-', '-→1', '2→2'])
    // A clause its model gave no id may still be paired by where it stands.
    expect(links(pairClauses(base, target, { ids: { ...ids, target: ['grant', undefined, 'confidentiality'] } }))).toEqual(['0→0', '1→1', '2→2'])
  })

  it('shows a clause split in two as one split row when one piece moved away and the other stayed, both redrafted', () => {
    const backUp = 'The Licensee may make one copy of the Software for back-up purposes and shall reproduce every copyright notice of the Licensor on it.'
    const noRental = 'The Licensee shall not rent, lease or lend the Software to any third party, nor sublicense it, without the written consent of the Licensor.'
    const base = clauses([['1', TEXTS[0]!], ['2', `${backUp} ${noRental}`], ['3', TEXTS[3]!], ['4', TEXTS[6]!]])
    const stayed = 'The Licensee shall not rent, lease, lend or sublicense the Software to any third party unless the Licensor agrees in writing.'
    for (const moved of [
      // Closer to the whole than the piece that stayed: it pairs first, and the piece in the whole's place joins it.
      'The Licensee may make one back-up copy of the Software and must reproduce on it every copyright notice of the Licensor.',
      // Further: the piece that stayed pairs first, and the moved piece, similar enough by its wording alone, joins it.
      'The Licensee may keep a single back-up copy of the Software, which must carry every copyright notice of the Licensor.'
    ]) {
      const rows = pairClauses(base, clauses([['1', moved], ['2', TEXTS[0]!], ['3', stayed], ['4', TEXTS[3]!], ['5', TEXTS[6]!]]))
      expect(rowOf(rows, 1), moved).toMatchObject({ base: [1], target: [0, 2], kind: 'split', how: 'split', review: true })
      expect(rows).toHaveLength(4)
    }
  })

  it('does not merge a clause into a row when it resembles another clause standing there more', () => {
    // Two different licences. APSL 1.2 section 2 (Apple's grant) is most like CPL 2 a) (the
    // copyright grant), not 2 b) (the patent grant), which is weakly paired with APSL 2.2(d).
    const apsl = loadLicenceModel('apsl-1-2').clauses
    const cpl = loadLicenceModel('cpl-1-0').clauses
    const grant = apsl.findIndex((c) => c.label === '2')
    const patentGrant = cpl.findIndex((c) => c.text.startsWith('Subject to the terms of this Agreement, each Contributor hereby grants Recipient a non-exclusive, worldwide, royalty-free patent license'))
    expect(patentGrant).toBeGreaterThan(-1)
    const rows = pairClauses(apsl, cpl)
    expect(rows.find((r) => r.target.includes(patentGrant))?.base ?? []).not.toContain(grant)
  })

  it('keeps in place the surest pairs that kept their order', () => {
    // Two pairs swapped: the heavier stays in the chain, whichever comes first.
    expect(heaviestIncreasing([1, 0, 2], [0.3, 1, 1], 3)).toEqual([1, 2])
    expect(heaviestIncreasing([1, 0, 2], [1, 0.3, 1], 3)).toEqual([0, 2])
    // Equal weights: a longest chain; a long chain of weak pairs against one sure pair, by total.
    expect(heaviestIncreasing([0, 1, 2, 3], [1, 1, 1, 1], 4)).toEqual([0, 1, 2, 3])
    expect(heaviestIncreasing([3, 0, 1, 2], [1, 0.2, 0.2, 0.2], 4)).toEqual([0])
    expect(heaviestIncreasing([3, 0, 1, 2], [0.5, 0.2, 0.2, 0.2], 4)).toEqual([1, 2, 3])
    expect(heaviestIncreasing([], [], 0)).toEqual([])
  })

  it('does not take a clause that borrowed a few words from another for a piece of it', () => {
    const terminate = TEXTS[2]!
    // Suspension borrows "sixty days", "notified" and "terminating this Agreement" but is not part of termination.
    const suspend =
      'The Licensor may suspend the support services, without terminating this Agreement, while any invoice remains unpaid for more than sixty days after the Licensee has been notified of the late payment, and shall resume them within two working days of receiving payment in full.'
    const rows = pairClauses(clauses([['1', TEXTS[0]!], ['2', terminate], ['3', TEXTS[3]!]]), clauses([['1', TEXTS[0]!], ['2', terminate.replace('sixty days', 'thirty days').replace('written notice', 'notice in writing')], ['3', suspend], ['4', TEXTS[3]!]]))
    expect(links(rows)).toEqual(['0→0', '1→1', '-→2', '2→3'])
  })
})

describe('pairClauses on boilerplate', () => {
  const OMITTED = 'Intentionally omitted.'
  const distinct = syntheticPair(20, 5).base.clauses.map((c) => c.text)
  /** 200 "Intentionally omitted." clauses with a distinct clause before every tenth. */
  const base: string[] = []
  for (let i = 0; i < 200; i++) {
    if (i % 10 === 0) base.push(distinct[i / 10]!)
    base.push(OMITTED)
  }
  const inputs = (texts: readonly string[]): PairInput[] => texts.map((text, i) => ({ key: `c${i}`, label: String(i + 1), heading: `Section ${i + 1}`, text }))

  /** Every row holds at most one clause a side, the pairs keep their order, none is moved. */
  function expectInOrder(rows: Pairing[]): Array<[number, number]> {
    expect(rows.every((r) => r.base.length <= 1 && r.target.length <= 1)).toBe(true)
    const pairs = rows.filter((r) => r.base.length === 1 && r.target.length === 1).map((r): [number, number] => [r.base[0]!, r.target[0]!])
    const byBase = [...pairs].sort((x, y) => x[0] - y[0])
    expect(byBase.every(([, t], k) => k === 0 || t > byBase[k - 1]![1])).toBe(true)
    expect(rows.filter((r) => r.moved)).toEqual([])
    return pairs
  }

  it('pairs 200 identical copies in order when some are removed, never several with one', () => {
    // Drop the 3rd, 57th, 58th and 150th copy: every later copy's count shifts.
    const copies = base.flatMap((x, i) => (x === OMITTED ? [i] : []))
    const dropped = [3, 57, 58, 150].map((k) => copies[k]!)
    const target = base.filter((_, i) => !dropped.includes(i))
    const rows = pairClauses(inputs(base), inputs(target))
    const pairs = expectInOrder(rows)
    expect(pairs).toHaveLength(target.length)
    // Which of identical copies counts as removed is arbitrary; where it went missing is not:
    // the removed copies stand between the same distinct clauses as the dropped ones, and each
    // paired copy stays between the same two distinct clauses.
    const stretch = (texts: readonly string[], i: number): number => texts.slice(0, i + 1).filter((x) => x !== OMITTED).length
    const removed = rows.filter((r) => r.kind === 'removed').map((r) => r.base[0]!)
    expect(removed.every((b) => base[b] === OMITTED)).toBe(true)
    expect(removed.map((b) => stretch(base, b))).toEqual(dropped.map((b) => stretch(base, b)))
    for (const [b, t] of pairs) expect(stretch(target, t)).toBe(stretch(base, b))
  })

  it('pairs reworded copies among identical ones where they stand', () => {
    // Every seventh copy loses its full stop and gains a capital, so the text passes cannot pair it.
    const target = base.map((x, i) => (x === OMITTED && i % 7 === 3 ? 'Intentionally Omitted' : x))
    target.splice(100, 1) // and one copy goes
    const rows = pairClauses(inputs(base), inputs(target))
    const pairs = expectInOrder(rows)
    expect(pairs).toHaveLength(target.length)
    expect(rows.filter((r) => r.target.length > 0 && target[r.target[0]!] === 'Intentionally Omitted').every((r) => r.by === 'similarity')).toBe(true)
  })
})

describe('pairClauses with ids', async () => {
  // The versions as the app serves them: effective terms, carried over where not restated.
  const { versions } = await new FolderLibrary({ sourcesDir: join(__dirname, '../../../../resources/sources'), modelsDir: join(__dirname, '../../../../resources/models') }).loadModels()

  it('pairs the bundled versions exactly as alignClauses does', () => {
    expect(versions.length).toBeGreaterThan(1)
    for (const a of versions) {
      for (const b of versions) {
        if (a === b) continue
        const input = (v: typeof a): PairInput[] => v.clauses.map((c) => ({ key: c.id, heading: c.heading, text: c.text }))
        const ids = { base: a.clauses.map((c) => c.id), target: b.clauses.map((c) => c.id) }
        const rows = pairClauses(input(a), input(b), { ids })
        const expected = alignClauses(ids.base, ids.target).map((r) => `${r.baseIndex ?? '-'}→${r.targetIndex ?? '-'}${r.moved ? '*' : ''}`)
        const shared = new Set(ids.base.filter((id) => ids.target.includes(id)))
        // Only the clauses whose id both sides carry are decided by ids; the others may pair by content.
        const byId = rows.filter((r) => r.by === 'id')
        expect(byId).toHaveLength(shared.size)
        const actual = rows.map((r) => `${r.base.join(',') || '-'}→${r.target.join(',') || '-'}${r.moved ? '*' : ''}`)
        expect(actual, `${a.id} → ${b.id}`).toEqual(expected)
      }
    }
  })
})

describe('pairClauses at scale', () => {
  function score(n: number): { precision: number; recall: number; ms: number; rows: Pairing[] } {
    const pair = perturbedPair(n)
    const started = performance.now()
    const rows = pairClauses(pair.base, pair.target)
    const ms = performance.now() - started
    const predicted = new Set(rows.flatMap((r) => r.base.flatMap((b) => r.target.map((t) => `${b}:${t}`))))
    const truth = new Set(pair.truth.map(([b, t]) => `${b}:${t}`))
    const hits = [...predicted].filter((x) => truth.has(x)).length
    return { precision: hits / predicted.size, recall: hits / truth.size, ms, rows }
  }

  it('pairs a perturbed 1,000-clause id-less pair with precision and recall of at least 0.98', () => {
    const { precision, recall, ms, rows } = score(1000)
    const count = (kind: string): number => rows.filter((r) => r.kind === kind).length
    console.log(`1,000 clauses: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, ${ms.toFixed(0)} ms; ${count('split')} split, ${count('merged')} merged, ${rows.filter((r) => r.moved).length} moved, ${rows.filter((r) => r.review).length} for review`)
    expect(precision).toBeGreaterThanOrEqual(0.98)
    expect(recall).toBeGreaterThanOrEqual(0.98)
    expect(count('split')).toBeGreaterThan(0)
    expect(count('merged')).toBeGreaterThan(0)
    expect(rows.filter((r) => r.kind === 'one-to-one').every((r) => r.renumbered || r.base[0] === r.target[0])).toBe(true)
  }, 60_000)

  it('pairs 20,000 tiny clauses a side within seconds, and shows most unchanged ones unchanged', () => {
    // One to four words from a twenty-word vocabulary, list labels that repeat every 26 clauses:
    // every word is in thousands of clauses and every clause has many identical twins.
    const rand = rng(20_000)
    const words = 'notice fee term party licence breach consent audit records data service support payment law court invoice schedule renewal warranty liability'.split(' ')
    const word = (): string => words[Math.floor(rand() * words.length)]!
    const tiny = (): string => `${Array.from({ length: 1 + Math.floor(rand() * 4) }, word).join(' ')}.`
    const baseTexts = Array.from({ length: 20_000 }, tiny)
    const targetTexts: string[] = []
    let unchanged = 0
    for (const text of baseTexts) {
      const r = rand()
      if (r < 0.01) continue // removed
      if (r < 0.02) targetTexts.push(tiny()) // added
      if (r < 0.12) targetTexts.push(text.replace(/\.$/, ` ${word()}.`)) // edited
      else {
        targetTexts.push(text)
        unchanged++
      }
    }
    const inputs = (texts: string[]): PairInput[] => texts.map((text, i) => ({ key: `c${i}`, label: `(${String.fromCharCode(97 + (i % 26))})`, heading: '', text }))
    const [base, target] = [inputs(baseTexts), inputs(targetTexts)]
    const started = performance.now()
    const rows = pairClauses(base, target)
    const ms = performance.now() - started
    console.log(`20,000 tiny clauses a side: ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(10_000) // catches a quadratic blow-up only; the machine may be busy
    expect(rows.flatMap((r) => r.base).sort((a, b) => a - b)).toEqual(baseTexts.map((_, i) => i))
    expect(rows.flatMap((r) => r.target).sort((a, b) => a - b)).toEqual(targetTexts.map((_, i) => i))
    const shownUnchanged = rows.filter((r) => r.kind === 'one-to-one' && !r.moved && baseTexts[r.base[0]!] === targetTexts[r.target[0]!]).length
    expect(shownUnchanged).toBeGreaterThan(0.85 * unchanged)
  }, 120_000)

  it('pairs a 5,000-clause id-less pair within seconds', () => {
    const { precision, recall, ms } = score(5000)
    console.log(`5,000 clauses: precision ${precision.toFixed(4)}, recall ${recall.toFixed(4)}, ${ms.toFixed(0)} ms`)
    expect(ms).toBeLessThan(10_000) // catches a quadratic blow-up only; the machine may be busy
    expect(precision).toBeGreaterThanOrEqual(0.98)
    expect(recall).toBeGreaterThanOrEqual(0.98)
  }, 120_000)
})
