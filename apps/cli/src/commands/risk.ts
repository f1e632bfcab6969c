import type { Command } from 'commander';
import type { CliIo } from '../io.js';

export function registerRiskCommand(_program: Command, _io: CliIo): void {}
