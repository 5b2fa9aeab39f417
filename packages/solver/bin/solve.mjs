#!/usr/bin/env node
// CLI launcher: solve --format solomon|hhc --time-limit-ms N [--seed N] [--threads N] FILE
import { ensureBuilt } from './ensure-built.mjs'

ensureBuilt('cli.js')
const { runCliAsync } = await import('../dist/cli.js')
const r = await runCliAsync(process.argv.slice(2), 0, process.env.INIT_CWD || process.cwd())
if (r.stderr) process.stderr.write(r.stderr)
if (r.stdout) process.stdout.write(r.stdout)
process.exitCode = r.code
