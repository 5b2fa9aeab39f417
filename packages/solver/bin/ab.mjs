#!/usr/bin/env node
// A/B launcher: node packages/solver/bin/ab.mjs --set solomon (--cpu-ms N | --iterations N) [--seeds 1,2] [--opts JSON] INSTANCE...
import { ensureBuilt } from './ensure-built.mjs'

ensureBuilt('ab.js')
const { main } = await import('../dist/ab.js')
try {
  main(process.argv.slice(2))
} catch (e) {
  process.stderr.write(`ab: ${e?.message ?? e}\n`)
  process.exitCode = 2
}
