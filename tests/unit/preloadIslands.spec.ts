import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'

import { preloadEagerIslands } from '../../cms/publish/preloadIslands'

let dir: string
const island = (client: string) =>
  `<astro-island uid="a1" component-url="/lumopay/_astro/AskBox.js" component-export="default" renderer-url="/lumopay/_astro/client.js" props="{}" client="${client}" opts="{}"></astro-island>`
const page = (body: string) => `<!doctype html><html><head><title>Search</title></head><body>${body}</body></html>`
const read = (...path: string[]) => readFileSync(join(dir, ...path), 'utf8')

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'center-preload-'))
  const astro = join(dir, 'lumopay', '_astro')
  mkdirSync(astro, { recursive: true })
  writeFileSync(join(astro, 'AskBox.js'), 'import{t as e}from"./react.js";import{a}from"./engine.js";const m=()=>import("./Markdown.js");')
  writeFileSync(join(astro, 'client.js'), 'import"./runtime.js";import{t}from"./react.js";')
  writeFileSync(join(astro, 'react.js'), 'import{r}from"./runtime.js";')
  writeFileSync(join(astro, 'engine.js'), 'export const a=1')
  writeFileSync(join(astro, 'runtime.js'), 'export const r=1')
  writeFileSync(join(astro, 'Markdown.js'), 'export default 1')
  writeFileSync(join(astro, 'firstAnswer.js'), 'import{l}from"./askBox.js";')
  writeFileSync(join(astro, 'askBox.js'), 'import{a}from"./engine.js";export const l=1')
  for (const [path, body] of [
    ['search', island('load')],
    ['results', `${island('answered')}<script type="module" src="/lumopay/_astro/firstAnswer.js"></script>`],
    ['bills', island('idle')],
    ['guides', '<p>No island</p>'],
  ] as const) {
    mkdirSync(join(dir, 'lumopay', 'en', path), { recursive: true })
    writeFileSync(join(dir, 'lumopay', 'en', path, 'index.html'), page(body))
  }
  expect(preloadEagerIslands(dir)).toBe(2)
})

afterAll(() => rmSync(dir, { recursive: true, force: true }))

describe('preloading the modules of islands that hydrate at load', () => {
  test("a page's head lists the island's renderer, component and every module they import, each once", () => {
    const head = read('lumopay', 'en', 'search', 'index.html').split('</head>')[0]!
    const preloaded = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => href)
    expect(preloaded.sort()).toEqual(['AskBox', 'client', 'engine', 'react', 'runtime'].map((name) => `/lumopay/_astro/${name}.js`).sort())
  })

  test("a page's own module script and what it imports are preloaded, and its waiting island is not", () => {
    const head = read('lumopay', 'en', 'results', 'index.html').split('</head>')[0]!
    const preloaded = [...head.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map(([, href]) => href)
    expect(preloaded.sort()).toEqual(['askBox', 'engine', 'firstAnswer'].map((name) => `/lumopay/_astro/${name}.js`).sort())
  })

  test('a module imported only when needed (import()) is not preloaded', () => {
    expect(read('lumopay', 'en', 'search', 'index.html')).not.toContain('Markdown.js')
  })

  test('pages whose islands wait, or that have none, are left as they were', () => {
    expect(read('lumopay', 'en', 'bills', 'index.html')).toBe(page(island('idle')))
    expect(read('lumopay', 'en', 'guides', 'index.html')).toBe(page('<p>No island</p>'))
  })

  test('a second run adds nothing twice', () => {
    const before = read('lumopay', 'en', 'search', 'index.html')
    preloadEagerIslands(dir)
    expect(read('lumopay', 'en', 'search', 'index.html')).toBe(before)
  })
})
