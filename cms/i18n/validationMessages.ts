import type { Words } from './fieldLabels'
import { adminLanguages, type AdminLanguage } from './index'

/**
 * What our own field checks and hooks tell an editor who saved something they may not, in each of
 * the admin's languages. `{{name}}` stands for a value the message names (a slug, a locale, a
 * ratio), the same in every language. Codes and syntax an editor types (https://, #RRGGBB,
 * ISO 4217, JWKS, locale codes, slugs) stay as they are. The English texts are those the admin
 * showed before it spoke the editor's language.
 */
export const validationMessages = {
  slugFormat: {
    en: 'Use lowercase letters, digits and hyphens, like "pay-online".',
    ja: '小文字の英字、数字、ハイフンを使ってください（例: "pay-online"）。',
    ar: 'استخدم أحرفًا لاتينية صغيرة وأرقامًا وشرطات، مثل "pay-online".',
    ko: '영문 소문자, 숫자, 하이픈만 사용하세요(예: "pay-online").',
    zh: '请使用小写字母、数字和连字符，例如 "pay-online"。',
    'zh-TW': '請使用小寫字母、數字和連字號，例如 "pay-online"。',
    th: 'ใช้ตัวอักษรภาษาอังกฤษพิมพ์เล็ก ตัวเลข และยัติภังค์ เช่น "pay-online"',
    vi: 'Hãy dùng chữ thường không dấu, chữ số và dấu gạch ngang, như "pay-online".',
    id: 'Gunakan huruf kecil, angka, dan tanda hubung, seperti "pay-online".',
  },
  slugTaken: {
    en: 'This MPP already has a document with the slug "{{slug}}".',
    ja: 'この MPP には、スラッグが "{{slug}}" のドキュメントがすでにあります。',
    ar: 'لدى مزوّد الدفع هذا مستند بالاسم اللطيف "{{slug}}" بالفعل.',
    ko: '이 MPP에 슬러그가 "{{slug}}"인 문서가 이미 있습니다.',
    zh: '此 MPP 已有别名为 "{{slug}}" 的文档。',
    'zh-TW': '此 MPP 已有代稱為 "{{slug}}" 的文件。',
    th: 'MPP นี้มีเอกสารที่ใช้ชื่อใน URL "{{slug}}" อยู่แล้ว',
    vi: 'MPP này đã có một tài liệu với đường dẫn "{{slug}}".',
    id: 'MPP ini sudah punya dokumen dengan slug "{{slug}}".',
  },
  colourFormat: {
    en: 'Use a colour like #1a2b3c.',
    ja: '#1a2b3c のような形式で色を指定してください。',
    ar: 'استخدم لونًا بصيغة مثل #1a2b3c.',
    ko: '#1a2b3c 같은 형식으로 색상을 입력하세요.',
    zh: '请使用 #1a2b3c 这样的颜色值。',
    'zh-TW': '請使用 #1a2b3c 這樣的色碼。',
    th: 'ใช้รหัสสีแบบ #1a2b3c',
    vi: 'Hãy dùng mã màu dạng #1a2b3c.',
    id: 'Gunakan warna seperti #1a2b3c.',
  },
  colourContrast: {
    en: '{{label}} {{colour}} with white text ({{text}}) has a contrast of {{ratio}}:1; WCAG AA needs at least {{needed}}:1. Choose a darker colour.',
    ja: '{{label}} {{colour}} と白い文字（{{text}}）のコントラスト比は {{ratio}}:1 です。WCAG AA では {{needed}}:1 以上が必要です。もっと濃い色を選んでください。',
    ar: 'تباين {{label}} {{colour}} مع النص الأبيض ({{text}}) هو {{ratio}}:1، ويتطلب معيار WCAG AA نسبة {{needed}}:1 على الأقل. اختر لونًا أغمق.',
    ko: '{{label}} {{colour}}와(과) 흰색 글자({{text}})의 명암비는 {{ratio}}:1입니다. WCAG AA는 {{needed}}:1 이상이어야 합니다. 더 어두운 색을 고르세요.',
    zh: '{{label}} {{colour}} 与白色文字（{{text}}）的对比度为 {{ratio}}:1；WCAG AA 要求至少 {{needed}}:1。请选择更深的颜色。',
    'zh-TW': '{{label}} {{colour}} 與白色文字（{{text}}）的對比度為 {{ratio}}:1；WCAG AA 要求至少 {{needed}}:1。請選擇更深的顏色。',
    th: '{{label}} {{colour}} กับตัวอักษรสีขาว ({{text}}) มีค่าคอนทราสต์ {{ratio}}:1 แต่ WCAG AA ต้องการอย่างน้อย {{needed}}:1 โปรดเลือกสีที่เข้มขึ้น',
    vi: '{{label}} {{colour}} với chữ trắng ({{text}}) có độ tương phản {{ratio}}:1; WCAG AA cần ít nhất {{needed}}:1. Hãy chọn màu tối hơn.',
    id: '{{label}} {{colour}} dengan teks putih ({{text}}) memiliki kontras {{ratio}}:1; WCAG AA memerlukan minimal {{needed}}:1. Pilih warna yang lebih gelap.',
  },
  linkScheme: {
    en: 'A link may not use "{{scheme}}:" ({{url}}): browsers would run or open it as code. Link to an https:, mailto: or tel: address instead.',
    ja: 'リンクに "{{scheme}}:" は使えません（{{url}}）。ブラウザーがコードとして実行したり開いたりしてしまいます。代わりに https:、mailto:、tel: のアドレスにリンクしてください。',
    ar: 'لا يجوز أن يستخدم الرابط "{{scheme}}:" ({{url}}): ستشغّله المتصفحات أو تفتحه كشيفرة. اربط بعنوان https: أو mailto: أو tel: بدلًا من ذلك.',
    ko: '링크에는 "{{scheme}}:"을(를) 쓸 수 없습니다({{url}}). 브라우저가 코드로 실행하거나 열게 됩니다. 대신 https:, mailto:, tel: 주소로 연결하세요.',
    zh: '链接不能使用 "{{scheme}}:"（{{url}}）：浏览器会将其作为代码运行或打开。请改为链接到 https:、mailto: 或 tel: 地址。',
    'zh-TW': '連結不能使用 "{{scheme}}:"（{{url}}）：瀏覽器會將其當作程式碼執行或開啟。請改為連結到 https:、mailto: 或 tel: 位址。',
    th: 'ลิงก์ใช้ "{{scheme}}:" ไม่ได้ ({{url}}) เพราะเบราว์เซอร์จะเรียกใช้หรือเปิดเป็นโค้ด โปรดลิงก์ไปยังที่อยู่ https:, mailto: หรือ tel: แทน',
    vi: 'Liên kết không được dùng "{{scheme}}:" ({{url}}): trình duyệt sẽ chạy hoặc mở nó như mã. Hãy liên kết tới địa chỉ https:, mailto: hoặc tel: thay vào đó.',
    id: 'Tautan tidak boleh memakai "{{scheme}}:" ({{url}}): browser akan menjalankan atau membukanya sebagai kode. Tautkan ke alamat https:, mailto:, atau tel: sebagai gantinya.',
  },
  defaultLocaleRequired: {
    en: "{{mpp}}'s default locale is {{locale}} ({{language}}): write this field in {{locale}} before publishing.",
    ja: '{{mpp}} の既定の言語は {{locale}}（{{language}}）です。公開する前に、このフィールドを {{locale}} で入力してください。',
    ar: 'اللغة الافتراضية لـ {{mpp}} هي {{locale}} ({{language}}): اكتب هذا الحقل بـ {{locale}} قبل النشر.',
    ko: '{{mpp}}의 기본 언어는 {{locale}}({{language}})입니다. 게시하기 전에 이 필드를 {{locale}}(으)로 작성하세요.',
    zh: '{{mpp}} 的默认语言是 {{locale}}（{{language}}）：发布前请用 {{locale}} 填写此字段。',
    'zh-TW': '{{mpp}} 的預設語言是 {{locale}}（{{language}}）：發布前請以 {{locale}} 填寫此欄位。',
    th: 'ภาษาเริ่มต้นของ {{mpp}} คือ {{locale}} ({{language}}) โปรดกรอกช่องนี้เป็น {{locale}} ก่อนเผยแพร่',
    vi: 'Ngôn ngữ mặc định của {{mpp}} là {{locale}} ({{language}}): hãy viết trường này bằng {{locale}} trước khi xuất bản.',
    id: 'Bahasa bawaan {{mpp}} adalah {{locale}} ({{language}}): isi kolom ini dalam {{locale}} sebelum menerbitkan.',
  },
  restoreNeedsPublisher: {
    en: 'Restoring a version publishes it, which needs the publisher role in this MPP. Restore it as a draft (?draft=true) instead.',
    ja: 'バージョンを復元すると公開されるため、この MPP の公開担当ロールが必要です。代わりに下書きとして復元してください（?draft=true）。',
    ar: 'استعادة إصدار تنشره، وهذا يتطلب دور الناشر لدى مزوّد الدفع هذا. استعده كمسودة (?draft=true) بدلًا من ذلك.',
    ko: '버전을 복원하면 게시되므로 이 MPP의 게시 담당자 역할이 필요합니다. 대신 초안으로 복원하세요(?draft=true).',
    zh: '恢复版本会将其发布，这需要此 MPP 的发布者角色。请改为以草稿形式恢复（?draft=true）。',
    'zh-TW': '還原版本會將其發布，這需要此 MPP 的發布者角色。請改為以草稿形式還原（?draft=true）。',
    th: 'การกู้คืนเวอร์ชันจะเผยแพร่เวอร์ชันนั้น ซึ่งต้องมีบทบาทผู้เผยแพร่ใน MPP นี้ โปรดกู้คืนเป็นฉบับร่าง (?draft=true) แทน',
    vi: 'Khôi phục một phiên bản sẽ xuất bản nó, việc này cần vai trò người xuất bản trong MPP này. Hãy khôi phục dưới dạng bản nháp (?draft=true).',
    id: 'Memulihkan versi berarti menerbitkannya, dan itu memerlukan peran penerbit di MPP ini. Pulihkan sebagai draf (?draft=true) saja.',
  },
  reviewWhat: {
    en: 'Name a Q&A, a guide or a campaign to review.',
    ja: 'レビューする Q&A、ガイド、キャンペーンのいずれかを指定してください。',
    ar: 'حدّد سؤالًا وجوابًا أو دليلًا أو حملة لمراجعتها.',
    ko: '검토할 Q&A, 가이드 또는 캠페인을 지정하세요.',
    zh: '请指定要审核的问答、指南或活动。',
    'zh-TW': '請指定要審核的問答、指南或活動。',
    th: 'โปรดระบุถาม-ตอบ คู่มือ หรือแคมเปญที่จะตรวจทาน',
    vi: 'Hãy chọn một hỏi đáp, hướng dẫn hoặc chiến dịch để duyệt.',
    id: 'Sebutkan tanya jawab, panduan, atau kampanye yang akan ditinjau.',
  },
  reviewAlreadyRequested: {
    en: 'A review of this document is already requested.',
    ja: 'このドキュメントのレビューはすでに依頼されています。',
    ar: 'طُلبت مراجعة هذا المستند بالفعل.',
    ko: '이 문서의 검토가 이미 요청되었습니다.',
    zh: '此文档已请求审核。',
    'zh-TW': '此文件已請求審核。',
    th: 'เอกสารนี้มีคำขอตรวจทานอยู่แล้ว',
    vi: 'Tài liệu này đã được yêu cầu duyệt.',
    id: 'Tinjauan dokumen ini sudah diminta.',
  },
  httpsUrl: {
    en: 'Use an https:// address.',
    ja: 'https:// で始まるアドレスを使ってください。',
    ar: 'استخدم عنوانًا يبدأ بـ https://.',
    ko: 'https:// 주소를 사용하세요.',
    zh: '请使用 https:// 地址。',
    'zh-TW': '請使用 https:// 網址。',
    th: 'ใช้ที่อยู่ที่ขึ้นต้นด้วย https://',
    vi: 'Hãy dùng địa chỉ https://.',
    id: 'Gunakan alamat https://.',
  },
  currencyCode: {
    en: 'Use an ISO 4217 code like USD.',
    ja: 'USD のような ISO 4217 コードを使ってください。',
    ar: 'استخدم رمز ISO 4217 مثل USD.',
    ko: 'USD 같은 ISO 4217 코드를 사용하세요.',
    zh: '请使用 ISO 4217 代码，例如 USD。',
    'zh-TW': '請使用 ISO 4217 代碼，例如 USD。',
    th: 'ใช้รหัส ISO 4217 เช่น USD',
    vi: 'Hãy dùng mã ISO 4217, như USD.',
    id: 'Gunakan kode ISO 4217 seperti USD.',
  },
  dateAfter: {
    en: 'Must be after {{field}}.',
    ja: '{{field}}より後の日時にしてください。',
    ar: 'يجب أن يكون بعد {{field}}.',
    ko: '{{field}} 이후여야 합니다.',
    zh: '必须晚于{{field}}。',
    'zh-TW': '必須晚於{{field}}。',
    th: 'ต้องอยู่หลัง{{field}}',
    vi: 'Phải sau {{field}}.',
    id: 'Harus setelah {{field}}.',
  },
  phraseEmpty: {
    en: 'Remove the empty phrase, or write the word users type.',
    ja: '空の語句を削除するか、ユーザーが入力する語を書いてください。',
    ar: 'احذف العبارة الفارغة، أو اكتب الكلمة التي يكتبها المستخدمون.',
    ko: '빈 표현을 삭제하거나 사용자가 입력하는 단어를 쓰세요.',
    zh: '请删除空的词语，或写下用户会输入的词。',
    'zh-TW': '請刪除空白的詞語，或寫下使用者會輸入的字詞。',
    th: 'ลบวลีที่ว่างออก หรือเขียนคำที่ผู้ใช้พิมพ์',
    vi: 'Hãy xoá cụm từ trống, hoặc viết từ mà người dùng gõ.',
    id: 'Hapus frasa yang kosong, atau tulis kata yang diketik pengguna.',
  },
  phrasesTooFew: {
    en: 'Give two phrases or more, or pick a built-in group that this word joins.',
    ja: '語句を 2 つ以上入力するか、この語を加える組み込みのグループを選んでください。',
    ar: 'أدخل عبارتين أو أكثر، أو اختر مجموعة مدمجة تنضم إليها هذه الكلمة.',
    ko: '표현을 두 개 이상 입력하거나 이 단어가 들어갈 기본 제공 그룹을 고르세요.',
    zh: '请填写两个或更多词语，或选择此词所属的内置组。',
    'zh-TW': '請填寫兩個以上的詞語，或選擇此字詞所屬的內建群組。',
    th: 'ใส่วลีอย่างน้อยสองวลี หรือเลือกกลุ่มในตัวที่คำนี้จะเข้าร่วม',
    vi: 'Hãy nhập từ hai cụm từ trở lên, hoặc chọn một nhóm có sẵn mà từ này thuộc về.',
    id: 'Isi dua frasa atau lebih, atau pilih grup bawaan yang akan diikuti kata ini.',
  },
  synonymLocale: {
    en: 'This MPP\'s site is not in "{{locale}}". Pick one of: {{locales}}.',
    ja: 'この MPP のサイトは "{{locale}}" に対応していません。次から選んでください: {{locales}}。',
    ar: 'موقع مزوّد الدفع هذا غير متوفر بـ "{{locale}}". اختر إحدى: {{locales}}.',
    ko: '이 MPP의 사이트는 "{{locale}}"을(를) 지원하지 않습니다. 다음 중에서 고르세요: {{locales}}.',
    zh: '此 MPP 的网站没有 "{{locale}}" 版本。请从以下选择：{{locales}}。',
    'zh-TW': '此 MPP 的網站沒有 "{{locale}}" 版本。請從以下選擇：{{locales}}。',
    th: 'เว็บไซต์ของ MPP นี้ไม่มีภาษา "{{locale}}" โปรดเลือกจาก: {{locales}}',
    vi: 'Trang của MPP này không có "{{locale}}". Hãy chọn một trong: {{locales}}.',
    id: 'Situs MPP ini tidak tersedia dalam "{{locale}}". Pilih salah satu: {{locales}}.',
  },
  defaultLocaleEnabled: {
    en: 'The default locale must be one of the enabled locales.',
    ja: '既定の言語は、有効な言語のいずれかにしてください。',
    ar: 'يجب أن تكون اللغة الافتراضية إحدى اللغات المفعّلة.',
    ko: '기본 언어는 사용 언어 중 하나여야 합니다.',
    zh: '默认语言必须是启用的语言之一。',
    'zh-TW': '預設語言必須是啟用的語言之一。',
    th: 'ภาษาเริ่มต้นต้องเป็นหนึ่งในภาษาที่เปิดใช้',
    vi: 'Ngôn ngữ mặc định phải là một trong các ngôn ngữ đã bật.',
    id: 'Bahasa bawaan harus salah satu bahasa aktif.',
  },
  jwksShape: {
    en: 'Give a JSON Web Key Set: { "keys": [ { "kty": "EC", ... } ] }.',
    ja: 'JSON Web Key Set を入力してください: { "keys": [ { "kty": "EC", ... } ] }',
    ar: 'أدخل مجموعة مفاتيح JSON Web Key Set: { "keys": [ { "kty": "EC", ... } ] }',
    ko: 'JSON Web Key Set을 입력하세요: { "keys": [ { "kty": "EC", ... } ] }',
    zh: '请提供 JSON Web Key Set：{ "keys": [ { "kty": "EC", ... } ] }',
    'zh-TW': '請提供 JSON Web Key Set：{ "keys": [ { "kty": "EC", ... } ] }',
    th: 'ใส่ JSON Web Key Set: { "keys": [ { "kty": "EC", ... } ] }',
    vi: 'Hãy nhập một JSON Web Key Set: { "keys": [ { "kty": "EC", ... } ] }.',
    id: 'Isi JSON Web Key Set: { "keys": [ { "kty": "EC", ... } ] }.',
  },
  jwksKty: {
    en: 'Every key needs a "kty".',
    ja: 'すべての鍵に "kty" が必要です。',
    ar: 'يحتاج كل مفتاح إلى "kty".',
    ko: '모든 키에 "kty"가 있어야 합니다.',
    zh: '每个密钥都需要 "kty"。',
    'zh-TW': '每個金鑰都需要 "kty"。',
    th: 'ทุกคีย์ต้องมี "kty"',
    vi: 'Mỗi khoá cần có "kty".',
    id: 'Setiap kunci memerlukan "kty".',
  },
  jwksPrivate: {
    en: 'This key set holds a private key ("d"). Give the public keys only.',
    ja: 'この鍵セットには秘密鍵（"d"）が含まれています。公開鍵だけを入力してください。',
    ar: 'تحتوي مجموعة المفاتيح هذه على مفتاح خاص ("d"). أدخل المفاتيح العامة فقط.',
    ko: '이 키 세트에 개인 키("d")가 들어 있습니다. 공개 키만 입력하세요.',
    zh: '此密钥集包含私钥（"d"）。请只提供公钥。',
    'zh-TW': '此金鑰集包含私密金鑰（"d"）。請只提供公開金鑰。',
    th: 'ชุดคีย์นี้มีคีย์ส่วนตัว ("d") โปรดใส่เฉพาะคีย์สาธารณะ',
    vi: 'Bộ khoá này chứa khoá riêng tư ("d"). Chỉ nhập các khoá công khai.',
    id: 'Set kunci ini berisi kunci privat ("d"). Isi kunci publik saja.',
  },
  mppApiUrl: {
    en: 'Give a full URL like https://api.mpp.example/center.',
    ja: 'https://api.mpp.example/center のような完全な URL を入力してください。',
    ar: 'أدخل عنوان URL كاملًا مثل https://api.mpp.example/center.',
    ko: 'https://api.mpp.example/center 같은 전체 URL을 입력하세요.',
    zh: '请提供完整的 URL，例如 https://api.mpp.example/center。',
    'zh-TW': '請提供完整的網址，例如 https://api.mpp.example/center。',
    th: 'ใส่ URL แบบเต็ม เช่น https://api.mpp.example/center',
    vi: 'Hãy nhập URL đầy đủ, như https://api.mpp.example/center.',
    id: 'Isi URL lengkap seperti https://api.mpp.example/center.',
  },
} satisfies Record<string, Words>

export type ValidationMessageKey = keyof typeof validationMessages

/** Something that knows the editor's admin language: a request (Payload's `req`) or the language itself. */
type LanguageSource = AdminLanguage | { i18n?: { language?: string } | null } | null | undefined

/** The editor's admin language: the one Payload chose for the request (`req.i18n.language`), English when it is none of ours. */
export function adminLanguageOf(source: LanguageSource): AdminLanguage {
  const language = typeof source === 'string' ? source : source?.i18n?.language
  return adminLanguages.includes(language as AdminLanguage) ? (language as AdminLanguage) : 'en'
}

/** A label in the editor's language, from a table of words, a plain string or nothing (English, then the first one given). */
export function wordIn(label: unknown, source: LanguageSource): string | undefined {
  if (typeof label === 'string') return label
  if (!label || typeof label !== 'object') return undefined
  const words = label as Partial<Record<string, string>>
  return words[adminLanguageOf(source)] ?? words.en ?? Object.values(words).find((word) => typeof word === 'string')
}

/** The `{{name}}` placeholders a message names, sorted. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]!).sort()

/** A message in the editor's admin language with its values filled in (`{{slug}}` becomes the slug). */
export function adminMessage(source: LanguageSource, key: ValidationMessageKey, values: Record<string, number | string> = {}): string {
  const text: string = validationMessages[key][adminLanguageOf(source)]
  return text.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole))
}
