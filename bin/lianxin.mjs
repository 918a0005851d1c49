#!/usr/bin/env node
// Entry point of the `lianxin` CLI: runs the TypeScript sources through tsx, so a fresh
// clone needs no build step for the server.
import { register } from 'tsx/esm/api';

register();
await import('../server/src/cli.ts');
