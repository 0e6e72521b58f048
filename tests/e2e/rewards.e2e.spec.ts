import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, test } from 'vitest'

import { adminTranslations } from '../../cms/i18n/translations'
import { actAsReactNativeHost, demoToken as demoTokenFrom, launchBrowser, openPage, signIn } from '../helpers/browser'

const siteUrl = inject('siteUrl')
const mppUrl = inject('mppUrl')
const cmsUrl = inject('cmsUrl')

let browser: Browser

beforeAll(async () => {
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
})

const demoToken = (tenant: string, user: string) => demoTokenFrom(mppUrl, tenant, user)

type Answer = { status: number; body: Record<string, any> }

/** Calls a rewards endpoint of the Center API as the rewards island does, with the user's token. */
async function rewardsApi(
  token: string,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<Answer> {
  const response = await fetch(`${cmsUrl}/api/rewards${path}?tenant=lumopay`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return { status: response.status, body: (await response.json()) as Record<string, any> }
}

/** A new user of its own finishes a live campaign's tutorial over the API, claims its voucher, then claims again: one issued, one refused as already claimed. */
async function claimTwiceAsNewUser(): Promise<string> {
  const token = await demoToken('lumopay', `new-e2e-stats-${Date.now()}`)
  const live = await rewardsApi(token, 'GET', '')
  const mine = await rewardsApi(token, 'GET', '/mine')
  const tutorial = (mine.body.tutorials as { campaign: string; parts: number }[]).find(
    (t) => t.campaign === live.body.campaigns[0].campaign,
  )!
  for (let step = 1; step <= tutorial.parts; step++)
    expect((await rewardsApi(token, 'POST', `/${tutorial.campaign}/progress`, { step })).status).toBe(200)
  const claim = (key: string) => rewardsApi(token, 'POST', `/${tutorial.campaign}/claim`, undefined, { 'idempotency-key': key })
  expect((await claim(`e2e-stats-${Date.now()}-1`)).status).toBe(201)
  expect(await claim(`e2e-stats-${Date.now()}-2`)).toMatchObject({ status: 409, body: { code: 'already-claimed' } })
  return tutorial.campaign
}

/** A user's rewards page, recording every URL it asks for (`requests`); `reducedMotion` as the phone's setting says. */
async function openRewards(token: string, reducedMotion: 'reduce' | 'no-preference' = 'no-preference') {
  const requests: string[] = []
  const opened = await openPage(browser, `${siteUrl}/lumopay/en/rewards/#token=${token}`, async (page) => {
    page.on('request', (request) => requests.push(request.url()))
    await page.emulateMedia({ reducedMotion })
  })
  return { ...opened, requests }
}

describe('rewards', () => {
  test('a new demo user watches the tutorial, claims the voucher and sees it in My vouchers; a second claim shows it already claimed', async () => {
    const token = await demoToken('lumopay', `new-e2e-${Date.now()}`)
    const { page, errors, requests } = await openRewards(token)
    const card = page.locator('.campaign').first()
    const slug = (await card.getAttribute('id'))!
    const before = await fetch(`${cmsUrl}/api/rewards?tenant=lumopay`).then(
      (r) => r.json() as Promise<{ campaigns: { campaign: string; remaining: number }[] }>,
    )
    const left = before.campaigns.find((c) => c.campaign === slug)!.remaining
    await expect
      .poll(() => card.locator('.left').textContent())
      .toBe(`${left.toLocaleString('en')} ${left === 1 ? 'voucher' : 'vouchers'} left`)
    expect(page.url()).toBe(`${siteUrl}/lumopay/en/rewards/`)
    await expect.poll(() => page.getByRole('heading', { name: 'My vouchers' }).count()).toBe(1)
    expect(await page.locator('.my-vouchers').textContent()).toContain('You have no vouchers yet.')

    await card.getByRole('button', { name: 'Watch the tutorial' }).click()
    // The Center's own animation: Next waits until its three scenes have played.
    await expect.poll(() => card.locator('.part').textContent()).toMatch(/^Part 1 of \d+$/)
    const parts = Number((await card.locator('.part').textContent())!.split(' of ')[1])
    expect(await card.locator('.tut svg').isVisible()).toBe(true)
    expect(await card.locator('.tut-captions li').allTextContents()).toEqual([
      "At the till, scan the shop's code with LumoPay, or show yours.",
      'Check the amount and confirm the payment.',
      'Your voucher comes off the amount by itself.',
    ])
    expect(await card.getByRole('button', { name: 'Next' }).isDisabled()).toBe(true)
    expect(await card.textContent()).toContain('Watch the three steps, then continue.')
    await expect.poll(() => card.getByRole('button', { name: 'Next' }).isEnabled(), { timeout: 15_000 }).toBe(true)
    for (let part = 1; part <= parts; part++) {
      await expect.poll(() => card.locator('.part').textContent()).toBe(`Part ${part} of ${parts}`)
      if (part > 1) expect(await card.locator('.step').textContent()).not.toBe('')
      await card.getByRole('button', { name: 'Next' }).click()
    }
    await expect.poll(() => card.textContent()).toContain('Tutorial finished: you can claim your voucher.')

    // A second tab of the same user, opened before the claim, still offers it.
    const second = await openRewards(token)
    const secondCard = second.page.locator(`.campaign#${slug}`)
    await expect.poll(() => secondCard.getByRole('button', { name: 'Claim voucher' }).count()).toBe(1)

    await card.getByRole('button', { name: 'Claim voucher' }).click()
    await expect.poll(() => card.getByRole('status').textContent()).toBe("Your voucher is ready: it's in My vouchers below.")
    const voucher = page.locator('.voucher')
    await expect.poll(() => voucher.count()).toBe(1)
    const code = (await voucher.locator('code').textContent())!
    expect(code).toMatch(/^LUMO-[A-Z2-9]{4}-[A-Z2-9]{4}$/)
    // The code is on the screen once, in My vouchers beside its copy button.
    expect((await page.locator('main').textContent())!.split(code).length - 1).toBe(1)
    expect(await voucher.locator('.value').textContent()).toBe('HK$50.00 voucher at Sakura Drug')
    expect(await voucher.locator('.meta').textContent()).toMatch(/^Valid until [A-Z][a-z]{2} \d{1,2}, \d{4} · Ready to use$/)
    await expect
      .poll(() => card.locator('.left').textContent())
      .toBe(`${(left - 1).toLocaleString('en')} ${left - 1 === 1 ? 'voucher' : 'vouchers'} left`)
    expect(await card.getByRole('button', { name: 'Claim voucher' }).count()).toBe(0)

    await secondCard.getByRole('button', { name: 'Claim voucher' }).click()
    await expect.poll(() => secondCard.getByRole('alert').count()).toBe(0)
    await expect.poll(() => secondCard.getByRole('status').textContent()).toBe('You already claimed this voucher. It is in My vouchers.')
    await expect.poll(() => second.page.locator('.voucher code').textContent()).toBe(code)

    // Reopened later, the campaign shows the voucher instead of a tutorial.
    await page.reload()
    await expect.poll(() => card.locator('.claimed').textContent()).toBe("Claimed: it's in My vouchers.")
    await expect.poll(() => page.locator('.voucher code').textContent()).toBe(code)
    expect((await page.locator('main').textContent())!.split(code).length - 1).toBe(1)
    expect(await card.getByRole('button').count()).toBe(0)
    expect([...errors, ...second.errors]).toEqual([])
    // The tutorial played from the Center itself: the page asked only its own site and the Center API.
    const origins = new Set([...requests, ...second.requests].map((url) => new URL(url).origin))
    expect([...origins].sort()).toEqual([new URL(cmsUrl).origin, new URL(siteUrl).origin].sort())
    await Promise.all([page.close(), second.page.close()])
  })

  test('with reduced motion the tutorial animation stands still, its captions say every step, and the user may go on at once', async () => {
    const token = await demoToken('lumopay', `new-e2e-still-${Date.now()}`)
    const { page, errors } = await openRewards(token, 'reduce')
    const card = page.locator('.campaign').first()
    await card.getByRole('button', { name: 'Watch the tutorial' }).click()
    await expect.poll(() => card.locator('.tut-captions li').count()).toBe(3)
    expect(await card.locator('.tut-scene-3').evaluate((scene) => getComputedStyle(scene).animationName)).toBe('none')
    expect(await card.locator('.tut-scene-3').evaluate((scene) => getComputedStyle(scene).opacity)).toBe('1')
    await expect.poll(() => card.getByRole('button', { name: 'Next' }).isEnabled()).toBe(true)
    expect(errors).toEqual([])
    await page.close()
  })

  test('an expired token on the rewards page is renewed by the wallet app, and the new user is offered the tutorial', async () => {
    const user = `new-e2e-renewed-${Date.now()}`
    const expired = await demoTokenFrom(mppUrl, 'lumopay', user, -60)
    const { page, errors } = await openPage(browser, `${siteUrl}/lumopay/en/rewards/#token=${expired}`, (page) =>
      actAsReactNativeHost(page, 'lumopay', () => demoToken('lumopay', user)),
    )
    const card = page.locator('.campaign').first()
    await expect.poll(() => card.getByRole('button', { name: 'Watch the tutorial' }).count()).toBe(1)
    expect(await page.evaluate(() => (window as unknown as { asked: unknown[] }).asked)).toHaveLength(1)
    expect(await page.getByRole('alert').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('a user who already pays abroad with the MPP is told the vouchers are for new users, and gets no tutorial to claim', async () => {
    const { page, errors } = await openRewards(await demoToken('lumopay', 'e2e-regular'))
    const card = page.locator('.campaign').first()
    await expect.poll(() => card.locator('.note').textContent()).toBe('These vouchers are for users new to paying abroad with LumoPay.')
    expect(await card.getByRole('button').count()).toBe(0)
    expect(errors).toEqual([])
    await page.close()
  })

  test('opened outside the app, with no token, the page lists the campaigns and says to open it from the app', async () => {
    const page = await browser.newPage()
    await page.goto(`${siteUrl}/lumopay/en/rewards/`)
    await expect
      .poll(() => page.locator('.rewards .notice').textContent())
      .toBe('Open this page from the LumoPay app to watch the tutorials and claim your vouchers.')
    expect(await page.locator('.campaign').count()).toBeGreaterThan(0)
    expect(await page.locator('.campaign button').count()).toBe(0)
    await page.close()
  })

  test("the MPP's editor sees the campaign's vouchers issued, what is left and refused claims by reason in the admin", async () => {
    const claimedSlug = await claimTwiceAsNewUser()
    const page = await browser.newPage()
    await signIn(page, cmsUrl, 'editor@lumopay.local', 'center-editor')
    // The admin's cookie counts only on requests from the admin's own origin (Payload's csrf list).
    const asAdmin = { headers: { origin: new URL(cmsUrl).origin } }
    const found = (await (
      await page.request.get(`${cmsUrl}/api/campaigns?where[slug][equals]=${claimedSlug}&depth=0`, asAdmin)
    ).json()) as {
      docs: { id: number | string }[]
    }
    const id = found.docs[0]!.id
    const stats = (await (await page.request.get(`${cmsUrl}/api/campaigns/${id}/reward-stats`, asAdmin)).json()) as {
      issued: number
      remaining: number
      budget: number
      refused: Record<string, number>
    }
    expect(stats.issued).toBeGreaterThanOrEqual(1)
    expect(stats.refused['already-claimed']).toBeGreaterThanOrEqual(1)
    await page.goto(`${cmsUrl}/admin/collections/campaigns/${id}`)
    const panel = page.locator('.reward-stats')
    await expect
      .poll(() => panel.textContent(), { timeout: 30_000 })
      .toContain(`${stats.issued} issued, ${stats.remaining} of ${stats.budget} left`)
    expect(await panel.locator('[data-reason="already-claimed"]').textContent()).toBe(
      `Already claimed: ${stats.refused['already-claimed']}`,
    )

    // An editor who uses the admin in Japanese reads the panel in Japanese, each reason by its name.
    await page.context().addCookies([{ name: 'payload-lng', value: 'ja', url: cmsUrl }])
    await page.reload()
    const ja = adminTranslations.ja.rewardStats
    const summary = ja.summary
      .replace('{{issued}}', String(stats.issued))
      .replace('{{remaining}}', String(stats.remaining))
      .replace('{{budget}}', String(stats.budget))
    await expect.poll(() => panel.textContent(), { timeout: 30_000 }).toContain(summary)
    expect(await panel.locator('.field-label').allTextContents()).toEqual([ja.vouchers, ja.refused])
    expect(await panel.locator('[data-reason="already-claimed"]').textContent()).toBe(
      `${ja.alreadyClaimed}: ${stats.refused['already-claimed']}`,
    )
    expect(await panel.locator('[data-reason="sold-out"]').textContent()).toBe(`${ja.soldOut}: ${stats.refused['sold-out']}`)
    await page.close()
  })
})
