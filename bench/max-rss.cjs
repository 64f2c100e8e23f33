// Preloaded into a measured Node process when GNU time is missing: on exit,
// writes "user system maxRSS-KB" (seconds, seconds, kilobytes) like
// `/usr/bin/time -f '%U %S %M'` does, to the file LECTERN_BENCH_STATS names.
'use strict'
const {writeFileSync} = require('node:fs')
const file = process.env.LECTERN_BENCH_STATS
if (file && require('node:worker_threads').isMainThread) {
  process.on('exit', () => {
    const usage = process.resourceUsage()
    writeFileSync(file, `${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6} ${usage.maxRSS}\n`)
  })
}
