import type { Command } from 'commander';
import type { CliIo } from '../io.js';

export function registerProximityCommands(_program: Command, _io: CliIo): void {}
