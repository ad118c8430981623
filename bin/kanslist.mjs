#!/usr/bin/env node
// The `kanslist` command. Bots, system maps and schedules are TypeScript that organisations
// write and run without a build step, so the CLI runs under tsx's loader.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
