#!/usr/bin/env node
// Entry point of the `bluezone` command; the code lives in ../dist (built by `npm install` / `npm run build`).
import { endQuietlyWhenOutputCloses, main } from '../dist/main.js';

endQuietlyWhenOutputCloses(process.stdout, (code) => process.exit(code));
process.exitCode = await main(process.argv.slice(2));
