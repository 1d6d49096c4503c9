// Preloaded into electronegativity by security.mjs: the scan runs offline. Its only network use
// (translations fetched at start, and the release list of a check we exclude) gets an immediate
// failure instead of a request, so it falls back to its bundled English and never waits on, or
// crashes in, got's retries (which throw under Node 24 when the host cannot be reached).
'use strict'
const Module = require('node:module')
const load = Module._load
const offline = () => Promise.reject(new Error('clausewise security scan: network access is disabled'))
offline.head = offline
offline.get = offline
Module._load = function (request, ...rest) {
  return request === 'got' ? offline : load.call(this, request, ...rest)
}
