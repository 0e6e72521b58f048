#!/usr/bin/env node
// The `center` command. Its code is TypeScript, loaded through tsx.
import { register } from 'tsx/esm/api'

register()
await import('./cli.ts')
