import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { adminTranslations } from '../../cms/i18n/translations'
import type { Locale } from '../../content/schema'
import { translator } from '../../site/src/i18n'
import { centerPath } from '../../site/src/lib/routes'
import { launchBrowser, signIn } from '../helpers/browser'
import { contentSnapshot } from '../helpers/contentSnapshots'

const siteUrl = inject('siteUrl')
const cmsUrl = inject('cmsUrl')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

/** Opens a tenant's Q&A page and types a question into the ask box as a user would. */
async function ask(tenant: string, locale: Locale, question: string): Promise<Page> {
  const page = await browser.newPage()
  page.on('dialog', (dialog) => {
    throw new Error(`a dialog opened: ${dialog.message()}`)
  })
  await page.goto(`${siteUrl}${centerPath(tenant, locale, 'qas')}`)
  await page.getByLabel(translator(locale)('ask.label')).pressSequentially(question, { delay: 15 })
  return page
}

/** Sends one feedback event to the Center API as the ask box does; it must be stored. */
async function postFeedback(body: { tenant: string; locale: Locale; kind: 'unanswered'; query: string }): Promise<void> {
  const response = await fetch(`${cmsUrl}/api/feedback`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  expect(response.status, await response.text()).toBe(201)
}

/** The feedback rows the CMS holds for a question, read as the super-admin through the REST API. */
async function storedFeedback(query: string): Promise<{ kind: string; locale: string; qa?: { slug: string } | null }[]> {
  const login = await fetch(`${cmsUrl}/api/users/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: 'admin@center.local', password: 'center-admin' }),
  })
  const { token } = (await login.json()) as { token: string }
  const response = await fetch(`${cmsUrl}/api/feedback?where[query][equals]=${encodeURIComponent(query)}&depth=1`, {
    headers: { authorization: `JWT ${token}` },
  })
  return ((await response.json()) as { docs: { kind: string; locale: string; qa?: { slug: string } | null }[] }).docs
}

describe('the ask box', () => {
  test('a misspelled question shows the right answer at once, and a "yes" vote is stored for that MPP, locale and Q&A', async () => {
    const question = 'how lnog dose a refnd take'
    const page = await ask('lumopay', 'en', question)
    const t = translator('en')
    const qa = contentSnapshot('lumopay').qas.find((item) => item.slug === 'refund-time')!
    const title = page.locator('#ask-answer-title a')
    const href = centerPath('lumopay', 'en', 'qas', qa.category, qa.slug)
    await expect.poll(() => title.getAttribute('href')).toBe(href)
    // The answer is titled with the question as the live site publishes it (another test edits its wording).
    const published = await browser.newPage()
    await published.goto(`${siteUrl}${href}`)
    expect(await title.textContent()).toBe(await published.locator('h1').textContent())
    await published.close()
    await page.getByRole('button', { name: t('ask.vote.yes'), exact: true }).click()
    await expect.poll(() => page.locator('.ask-vote').textContent()).toContain(t('ask.vote.thanks'))
    await expect
      .poll(async () => (await storedFeedback(question)).map((row) => `${row.kind} ${row.locale} ${row.qa?.slug}`).sort())
      .toEqual(['helpful en refund-time', 'view en refund-time'])
    await page.close()
  })

  test('a question about something else says it is not sure and shows the support contact instead of an answer', async () => {
    const question = '明日の天気は'
    const page = await ask('hoshi', 'ja', question)
    const t = translator('ja')
    await expect.poll(() => page.locator('.ask-unsure').textContent()).toContain(t('ask.unsure'))
    expect(await page.locator('.ask-unsure a.button').getAttribute('href')).toBe('mailto:support@hoshi.example')
    expect(await page.locator('#ask-answer-title').count()).toBe(0)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await storedFeedback(question)).map((row) => `${row.kind} ${row.locale}`)).toEqual(['unanswered ja'])
    await page.close()
  })

  test('a script-laden question is shown and stored as text, and runs nothing', async () => {
    const question = '<img src=x onerror=alert(1)> refund'
    const page = await ask('nakhla', 'en', question)
    await expect.poll(() => page.locator('.ask-reply').textContent()).not.toBe('')
    expect(await page.locator('.ask img').count()).toBe(0)
    await page.keyboard.press('Enter')
    await expect.poll(async () => (await storedFeedback(question)).length).toBeGreaterThan(0)
    await page.close()
  })

  test('a Q&A page loads no script until "Did this answer your question?" is answered; "No" is stored and shows the contact', async () => {
    const qa = contentSnapshot('nakhla').qas.find((item) => item.slug === 'refund-how-long')!
    const page = await browser.newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(request.url())
    })
    await page.goto(`${siteUrl}${centerPath('nakhla', 'ar', 'qas', qa.category, qa.slug)}`)
    await page.waitForLoadState('networkidle')
    expect(scripts).toEqual([])
    const t = translator('ar')
    const question = (await page.locator('h1').textContent())!
    await page.getByRole('button', { name: t('ask.vote.no'), exact: true }).click()
    await expect.poll(() => page.locator('.qa-vote').textContent()).toContain(t('ask.vote.thanks'))
    expect(await page.locator('.qa-vote a.button').getAttribute('href')).toBe('mailto:care@nakhla.example')
    await expect
      .poll(async () => (await storedFeedback(question)).map((row) => `${row.kind} ${row.locale} ${row.qa?.slug}`))
      .toEqual(['unhelpful ar refund-how-long'])
    await page.close()
  })

  test('an editor sees the unanswered question in the admin, grouped, with a button to start a Q&A from it', async () => {
    // Its own questions, so it needs no earlier test: one for hoshi, and another MPP's that hoshi's editor must not see.
    await postFeedback({ tenant: 'hoshi', locale: 'ja', kind: 'unanswered', query: '来週の天気は' })
    await postFeedback({ tenant: 'nakhla', locale: 'en', kind: 'unanswered', query: '<img src=x onerror=alert(1)> weather' })
    const page = await browser.newPage()
    await signIn(page, cmsUrl, 'editor@hoshi.local', 'center-editor')
    await page.goto(`${cmsUrl}/admin/collections/feedback`)
    const section = page.locator('.unanswered-questions')
    await expect.poll(() => section.textContent(), { timeout: 30_000 }).toContain('来週の天気は')
    expect(await section.textContent()).not.toContain('onerror')
    await section
      .getByRole('row', { name: /来週の天気は/ })
      .getByRole('button', { name: 'Start a Q&A draft' })
      .click()
    await page.waitForURL(/\/admin\/collections\/qas\/\w+/)
    await expect.poll(() => page.locator('input[name="question"]').inputValue(), { timeout: 30_000 }).toBe('来週の天気は')
    await page.close()
  })

  test('an editor who uses the admin in Japanese sees the unanswered questions in Japanese', async () => {
    await postFeedback({ tenant: 'hoshi', locale: 'ja', kind: 'unanswered', query: '両替の手数料はいくら' })
    const page = await browser.newPage()
    await signIn(page, cmsUrl, 'editor@hoshi.local', 'center-editor')
    await page.context().addCookies([{ name: 'payload-lng', value: 'ja', url: cmsUrl }])
    await page.goto(`${cmsUrl}/admin/collections/feedback`)
    const ja = adminTranslations.ja.unanswered
    const section = page.locator('.unanswered-questions')
    await expect.poll(() => section.textContent(), { timeout: 30_000 }).toContain('両替の手数料はいくら')
    expect(await section.getByRole('heading', { level: 2 }).textContent()).toBe(ja.title)
    // Japanese words, not the English table's copied over.
    expect(ja.title).toMatch(/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u)
    expect(await section.locator('thead th').allTextContents()).toEqual([
      ja.question,
      ja.locale,
      ja.asked,
      ja.unansweredUnhelpful,
      ja.action,
    ])
    const row = section.getByRole('row', { name: /両替の手数料はいくら/ })
    expect(await row.getByRole('button', { name: ja.startDraft }).count()).toBe(1)
    // Adding a phrasing before choosing the Q&A it belongs to says so, in Japanese.
    await row.getByRole('button', { name: ja.addPhrasing }).click()
    await expect.poll(() => section.getByRole('alert').textContent()).toBe(ja.chooseFirst)
    expect(await row.getByRole('combobox', { name: ja.answeredByLabel }).locator('option').first().textContent()).toBe(ja.answeredBy)
    await page.close()
  })
})
