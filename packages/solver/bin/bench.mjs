#!/usr/bin/env node
// Bench launcher: npm run bench:solver [-- --only solomon,eight,homberger200,homberger400,hhc,scale,replan --set FOLDER --time-limit-ms N --threads 1,4 --filter REGEX --md FILE]
import { ensureBuilt } from './ensure-built.mjs'

ensureBuilt('bench.js')
const { main } = await import('../dist/bench.js')
try {
  await main(process.argv.slice(2))
} catch (e) {
  process.stderr.write(`bench: ${e?.message ?? e}\n`)
  process.exitCode = 2
}
