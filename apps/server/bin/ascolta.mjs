#!/usr/bin/env node
// Runs the TypeScript sources directly (ADR 0002): tsx compiles each module on first import.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
