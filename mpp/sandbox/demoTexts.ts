/**
 * The sandbox's free texts (what only an MPP knows: plan descriptions, promotion names, a
 * merchant's refusal) in every shipped locale, and how the sandbox picks the locale it answers in.
 * Everything that can be listed goes out as a code instead (mpp/contract/schema.ts).
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

import { contentDir } from '../../content/files'
import { locales, type Locale } from '../../content/schema'

/** One free text in every shipped locale. */
export type DemoText = Record<Locale, string>

export const demoTexts = {
  grabPlan: {
    en: 'Grab rides and GrabFood in Singapore, charged after each order',
    'zh-Hans': '新加坡 Grab 乘车和 GrabFood，每单完成后扣款',
    'zh-Hant': '新加坡 Grab 乘車和 GrabFood，每張訂單完成後扣款',
    ja: 'シンガポールの Grab 配車と GrabFood（注文ごとに引き落とし）',
    ko: '싱가포르 Grab 차량 호출과 GrabFood, 주문마다 결제',
    th: 'Grab และ GrabFood ในสิงคโปร์ ตัดเงินหลังแต่ละคำสั่งซื้อ',
    vi: 'Grab và GrabFood tại Singapore, trừ tiền sau mỗi đơn',
    id: 'Grab dan GrabFood di Singapura, ditagih setelah setiap pesanan',
    ms: 'Grab dan GrabFood di Singapura, dicaj selepas setiap pesanan',
    fil: 'Grab rides at GrabFood sa Singapore, sinisingil pagkatapos ng bawat order',
    ar: 'رحلات Grab وطلبات GrabFood في سنغافورة، تُخصم بعد كل طلب',
  },
  esimPlan: {
    en: 'Monthly roaming eSIM plan',
    'zh-Hans': '每月漫游 eSIM 套餐',
    'zh-Hant': '每月漫遊 eSIM 月費計劃',
    ja: '月額ローミング eSIM プラン',
    ko: '월정액 로밍 eSIM 요금제',
    th: 'แพ็กเกจ eSIM โรมมิ่งรายเดือน',
    vi: 'Gói eSIM chuyển vùng hằng tháng',
    id: 'Paket eSIM roaming bulanan',
    ms: 'Pelan eSIM perayauan bulanan',
    fil: 'Buwanang roaming eSIM plan',
    ar: 'باقة eSIM تجوال شهرية',
  },
  esimRefusal: {
    en: 'Monthly eSIM plans can only be ended in the KT app.',
    'zh-Hans': '每月 eSIM 套餐只能在 KT App 中终止。',
    'zh-Hant': '每月 eSIM 計劃只能在 KT App 內終止。',
    ja: '月額 eSIM プランは KT アプリでのみ解約できます。',
    ko: '월정액 eSIM 요금제는 KT 앱에서만 해지할 수 있습니다.',
    th: 'แพ็กเกจ eSIM รายเดือนยกเลิกได้ในแอป KT เท่านั้น',
    vi: 'Gói eSIM hằng tháng chỉ có thể hủy trong ứng dụng KT.',
    id: 'Paket eSIM bulanan hanya dapat dihentikan di aplikasi KT.',
    ms: 'Pelan eSIM bulanan hanya boleh ditamatkan dalam aplikasi KT.',
    fil: 'Sa KT app lang maaaring tapusin ang buwanang eSIM plan.',
    ar: 'لا يمكن إنهاء باقات eSIM الشهرية إلا من تطبيق KT.',
  },
  tmoneyPlan: {
    en: 'T-money card top-up when the balance runs low',
    'zh-Hans': '余额不足时自动为 T-money 卡充值',
    'zh-Hant': '餘額不足時自動為 T-money 卡增值',
    ja: '残高が少なくなると T-money カードにチャージ',
    ko: '잔액이 부족하면 T-money 카드 자동 충전',
    th: 'เติมเงินบัตร T-money เมื่อยอดเงินเหลือน้อย',
    vi: 'Nạp thẻ T-money khi số dư sắp hết',
    id: 'Isi ulang kartu T-money saat saldo menipis',
    ms: 'Tambah nilai kad T-money apabila baki rendah',
    fil: 'Pag-top up sa T-money card kapag paubos na ang balance',
    ar: 'شحن بطاقة T-money عندما ينخفض الرصيد',
  },
  wifiPlan: {
    en: 'Pocket Wi-Fi rental, charged per trip',
    'zh-Hans': '随身 Wi-Fi 租赁，按行程扣款',
    'zh-Hant': '隨身 Wi-Fi 租借，按行程扣款',
    ja: 'ポケット Wi-Fi レンタル（旅行ごとに請求）',
    ko: '포켓 와이파이 대여, 여행마다 결제',
    th: 'เช่าพ็อกเก็ตไวไฟ ตัดเงินต่อทริป',
    vi: 'Thuê Wi-Fi bỏ túi, trừ tiền theo chuyến',
    id: 'Sewa pocket Wi-Fi, ditagih per perjalanan',
    ms: 'Sewa Wi-Fi poket, dicaj setiap perjalanan',
    fil: 'Pocket Wi-Fi rental, sinisingil bawat biyahe',
    ar: 'استئجار واي فاي محمول، يُخصم لكل رحلة',
  },
  welcomeOffer: {
    en: 'Alipay+ Welcome Offer',
    'zh-Hans': 'Alipay+ 新用户优惠',
    'zh-Hant': 'Alipay+ 新用戶優惠',
    ja: 'Alipay+ ウェルカム特典',
    ko: 'Alipay+ 웰컴 혜택',
    th: 'ข้อเสนอต้อนรับ Alipay+',
    vi: 'Ưu đãi chào mừng Alipay+',
    id: 'Promo Sambutan Alipay+',
    ms: 'Tawaran Alu-aluan Alipay+',
    fil: 'Pambungad na Alok ng Alipay+',
    ar: 'عرض Alipay+ الترحيبي',
  },
  spotifyPlan: {
    en: 'Premium Individual, billed monthly',
    'zh-Hans': 'Premium 个人版，按月扣费',
    'zh-Hant': 'Premium 個人方案，按月扣款',
    ja: 'Premium 個人プラン、毎月請求',
    ko: 'Premium 개인 요금제, 매월 청구',
    th: 'แพ็กเกจ Premium Individual เรียกเก็บเงินรายเดือน',
    vi: 'Gói Premium cá nhân, thanh toán hằng tháng',
    id: 'Premium Individual, ditagih bulanan',
    ms: 'Premium Individu, dibilkan setiap bulan',
    fil: 'Premium Individual, sinisingil buwan-buwan',
    ar: 'اشتراك Premium الفردي، يُدفع شهريًا',
  },
  tepcoPlan: {
    en: "Your home's electricity bill, paid each month",
    'zh-Hans': '家庭电费，每月自动支付',
    'zh-Hant': '住家電費，每月自動繳付',
    ja: 'ご家庭の電気料金（毎月のお支払い）',
    ko: '가정용 전기 요금, 매월 자동 납부',
    th: 'ค่าไฟฟ้าที่บ้าน ชำระทุกเดือน',
    vi: 'Tiền điện gia đình, thanh toán hằng tháng',
    id: 'Tagihan listrik rumah, dibayar tiap bulan',
    ms: 'Bil elektrik rumah, dibayar setiap bulan',
    fil: 'Bayarin sa kuryente ng bahay, binabayaran buwan-buwan',
    ar: 'فاتورة كهرباء المنزل، تُدفع كل شهر',
  },
  tepcoRefusal: {
    en: 'Electricity contracts can only be ended with the supplier.',
    'zh-Hans': '电力合约只能向供电公司申请终止。',
    'zh-Hant': '電力合約只能向供電公司申請終止。',
    ja: '電気の契約は電力会社でのみ解約できます。',
    ko: '전기 계약은 전력 회사에서만 해지할 수 있습니다.',
    th: 'สัญญาไฟฟ้ายกเลิกได้กับผู้ให้บริการไฟฟ้าเท่านั้น',
    vi: 'Hợp đồng điện chỉ có thể chấm dứt với nhà cung cấp.',
    id: 'Kontrak listrik hanya dapat diakhiri melalui penyedia listrik.',
    ms: 'Kontrak elektrik hanya boleh ditamatkan dengan pembekal.',
    fil: 'Sa supplier lang maaaring tapusin ang kontrata sa kuryente.',
    ar: 'لا يمكن إنهاء عقود الكهرباء إلا لدى شركة الكهرباء.',
  },
  klookPlan: {
    en: 'Pay for bookings without confirming each one',
    'zh-Hans': '预订时直接付款，无需逐笔确认',
    'zh-Hant': '預訂時直接付款，毋須逐筆確認',
    ja: '予約ごとの確認なしで支払う',
    ko: '예약할 때마다 확인하지 않고 결제',
    th: 'ชำระค่าการจองโดยไม่ต้องยืนยันทุกครั้ง',
    vi: 'Thanh toán đặt chỗ mà không cần xác nhận từng lần',
    id: 'Bayar pemesanan tanpa konfirmasi satu per satu',
    ms: 'Bayar tempahan tanpa mengesahkan setiap satu',
    fil: 'Magbayad ng booking nang hindi kinukumpirma ang bawat isa',
    ar: 'ادفع مقابل الحجوزات دون تأكيد كل حجز',
  },
  netflixPlan: {
    en: 'Standard plan, billed monthly',
    'zh-Hans': '标准方案，按月扣费',
    'zh-Hant': '標準方案，按月扣款',
    ja: 'スタンダードプラン、毎月請求',
    ko: '스탠다드 멤버십, 매월 청구',
    th: 'แพ็กเกจมาตรฐาน เรียกเก็บเงินรายเดือน',
    vi: 'Gói Tiêu chuẩn, thanh toán hằng tháng',
    id: 'Paket Standar, ditagih bulanan',
    ms: 'Pelan Standard, dibilkan setiap bulan',
    fil: 'Standard na plano, sinisingil buwan-buwan',
    ar: 'الخطة القياسية، تُدفع شهريًا',
  },
} satisfies Record<string, DemoText>

/** The locales a demo MPP answers in and its default: its own from content/tenants, or every shipped locale with English first. */
export function mppLocales(tenant: string): { locales: readonly Locale[]; defaultLocale: Locale } {
  let known = localesOf.get(tenant)
  if (!known) localesOf.set(tenant, (known = readLocales(tenant)))
  return known
}

const localesOf = new Map<string, { locales: readonly Locale[]; defaultLocale: Locale }>()

function readLocales(tenant: string): { locales: readonly Locale[]; defaultLocale: Locale } {
  try {
    const { tenant: config } = JSON.parse(readFileSync(join(contentDir, `${tenant}.json`), 'utf8')) as {
      tenant: { locales: Locale[]; defaultLocale: Locale }
    }
    return { locales: config.locales, defaultLocale: config.defaultLocale }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    return { locales, defaultLocale: 'en' }
  }
}

/** The language and script of a tag, so "zh-TW" meets "zh-Hant" and "ja-JP" meets "ja"; null for a tag that is not BCP 47. */
function languageAndScript(tag: string): string | null {
  try {
    const { language, script } = new Intl.Locale(tag).maximize()
    return `${language}-${script ?? ''}`
  } catch (error) {
    if (error instanceof RangeError) return null
    throw error
  }
}

/**
 * The locale to answer in for an Accept-Language header: the first of the user's choices (by
 * weight) that the MPP has, exactly or by language and script; else the MPP's default.
 */
export function negotiateLocale(acceptLanguage: string | undefined, available: readonly Locale[], fallback: Locale): Locale {
  const wanted = (acceptLanguage ?? '')
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';')
      const q = Number(/^q=([\d.]+)$/.exec(params.map((p) => p.trim()).find((p) => p.startsWith('q=')) ?? 'q=1')?.[1] ?? 0)
      return { tag: tag.trim(), q: Number.isFinite(q) ? q : 0, index }
    })
    .filter(({ tag, q }) => tag && tag !== '*' && q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index)
  for (const { tag } of wanted) {
    const exact = available.find((locale) => locale.toLowerCase() === tag.toLowerCase())
    if (exact) return exact
    const key = languageAndScript(tag)
    const near = key && available.find((locale) => languageAndScript(locale) === key)
    if (near) return near
  }
  return fallback
}
