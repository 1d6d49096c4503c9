import { diffWords } from 'diff'
import DiffMatchPatch from 'diff-match-patch'
import { syntheticPair } from './bench/synthetic'
const { base, target } = syntheticPair(5000)
const bt = base.clauses.map(c => `${c.heading}\n${c.text}`).join('\n\n'), tt = target.clauses.map(c => `${c.heading}\n${c.text}`).join('\n\n')
const dmp = new DiffMatchPatch(); dmp.Diff_Timeout = 0
let t = performance.now(); dmp.diff_cleanupSemantic(dmp.diff_main(bt, tt)); console.log('dmp', performance.now() - t)
t = performance.now(); const r = diffWords(bt, tt); console.log('jsdiff', performance.now() - t, r?.length)
