import { syntheticPair } from './bench/synthetic'
import { compareVersions } from './src-main/core/compare/compare'
const { base, target } = syntheticPair(5000)
const xs = []
for (let i = 0; i < 15; i++) { const t = performance.now(); compareVersions(base, target); xs.push(performance.now() - t) }
console.log(xs.map(x => x.toFixed(0)).join(' '))
