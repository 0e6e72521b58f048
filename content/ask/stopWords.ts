import type { Locale } from '../schema'

/**
 * Words that say how a question is asked, not what it is about: question words, pronouns,
 * particles, politeness and auxiliaries, in the form the analyzer compares them (lower case,
 * Arabic folded, Japanese kana as hiragana, Chinese in both scripts). They are left out of the
 * index and of the question, so "how long does … take" never outweighs the word naming the
 * subject. Words that change the meaning ("not", "안", "long", "twice") are kept.
 */
const lists: Record<Locale, string> = {
  en: `a an the i me my mine myself you your u ur we us our it its is are was were be been being am do does did doing   whats
        who whom whose can could would should will shall may might must to of in on at for with from by about and or
    if so that this these those there here please pls plz hi hello hey im i'm ive i've id i'd ill i'll thanks thank get got getting
    any some just also still then than into now have has had having anyone someone something thing things tell know want wanna
    need gonna let lets help but because cause cuz like really very ok okay`,
  'zh-Hans': `的 了 吗 呢 吧 啊 呀 哦 嘛 我 我的 你 你们 您 是 在 有 没有  怎样 怎么样 如何   为何   哪 可以 能 能不能
    可不可以 要 会 请 请问 一下 这个 那个 这 那 就 都 也 还 和 跟 给 让 把 吗 么 咩 嘅 咗 系 係 唔 点 点样 乜 啦 喎 哋 我哋 佢 嗰 咁 嘢 样 樣
    麻烦 想 想要 知道 问 问题 一个 个 有个 一张 张 一笔 笔`,
  'zh-Hant': `的 了 嗎 呢 吧 啊 呀 哦 嘛 我 我的 你 你們 您 是 在 有 沒有  怎樣 怎麼樣 如何   為何   哪 可以 能 能不能
    可不可以 要 會 請 請問 一下 這個 那個 這 那 就 都 也 還 和 跟 給 讓 把 麼 咩 嘅 咗 係 唔 點  乜 啦 喎 哋 我哋 佢 嗰 咁 嘢 樣 样 麻煩 想
    知道 問 問題 一個 個 有個 想要 一張 張 一筆 筆`,
  ja: `は が を に で と の も へ か や ね よ な から まで より です ます ました ません でした ですか ますか ください くだ さい
     どうし どうすれ どうやっ どの どれ  なに なん 何  ます でしょ でしょう だ だっ た て って ん の よう ような ように
    する し して した しま しまし せん れ られ できる でき できま ある あり ない いい いる ちゃ じゃ けど けれど でも ため
    わたし 私 僕 ぼく 自分 それ これ あれ この その あの こと もの とき 時 場合 ばあい おしえ 教え 知り しり たい ほしい お ご`,
  ko: ` 어떡해 어떡하   뭐 뭔가 무엇 무슨  어느  제 저 내 나 저는 제가 내가 좀 그냥 수 있 있나 있어 없 할 하다 해
    해요 돼 되 돼요 하 건가요 거 것 게 건 걸 궁금 알려 주세요 주 세요 싶 싶어요 요 네 그 이 저기 혹시 어케 필요 왜그래 그래 그런가 그런데 근데`,
  th: `ไหม มั้ย มัย ครับ ค่ะ คะ นะ จ้า จ๊ะ   ทำไง ได้ ที่ จะ ของ และ หรือ ว่า เป็น อยู่ แล้ว เลย กับ ให้ ใน คือ อะไร ไหน
    ผม ฉัน หนู เรา คุณ บ้าง หน่อย ต้อง ก็ นี้ นั้น โดย การ ความ ช่วย รบกวน สอบถาม อยาก ทราบ`,
  vi: `toi minh ban em anh chi lam  the  gi co khong duoc cua va la thi cho voi nay do a nhe vay khi o ma nhi hay ve  de
    muon hoi giup xin vui long`,
  id: `  apa apakah     di ke dari yang dan atau saya aku gue ini itu untuk dengan bisa ada
    sudah udah kok sih dong ya nya mau akan harus jika kalau kalo tolong mohon cara`,
  ms: ` macam  apa    di ke dari yang dan atau saya aku ini itu untuk dengan boleh ada sudah dah ya nak
    akan jika kalau kat tolong cara`,
  fil: `ang ng sa na at ay ko ako mo ba po ano      yung iyong ito iyan naman lang din rin nga pa kung may mga
    para pag kapag siya ka kayo namin natin akin ni nang hindi ba't pwede puwede paki`,
  ar: `هل      ما من في علي الي عن مع انا لي هذا هذه ذلك تلك او و ثم يا لو اذا ان قد كان تم عندي ممكن اريد ابي ابغي
       شنو شو  ابا بدي انت انتم لك لكم ايش`,
}

export const stopWords: Record<Locale, Set<string>> = Object.fromEntries(
  Object.entries(lists).map(([locale, words]) => [locale, new Set(words.split(/\s+/).filter(Boolean))]),
) as Record<Locale, Set<string>>

/**
 * Question words ("when", "how long", "いつ", "متى"), and in English the verbs of looking ("where do
 * I find / see …"): they weigh a fifth of what their rarity says,
 * enough to tell "when does my refund arrive" from "in which currency", never enough to outweigh the
 * word naming the subject.
 */
const light: Record<Locale, string> = {
  en: 'how what when where why which find see look show view',
  'zh-Hans': '怎么 什么 为什么 哪里 哪儿 多久 几时 什么时候',
  'zh-Hant': '怎麼 什麼 為什麼 哪裡 哪兒 多久 幾時 幾耐 點樣',
  ja: 'いつ どこ なぜ どう いくら どのくらい',
  ko: '언제 어디 왜 얼마나 어떻게',
  th: 'เมื่อไหร่ เมื่อ ไหร่ ไง ที่ไหน ทำไม ยังไง อย่างไร กี่',
  vi: 'sao nao dau',
  id: 'bagaimana gimana kapan kenapa mengapa dimana berapa',
  ms: 'bagaimana bila kenapa mengapa mana berapa',
  fil: 'paano pano saan kailan bakit magkano',
  ar: 'كيف متي اين لماذا ليش شلون وين كم ماذا',
}

export const lightWords: Record<Locale, Set<string>> = Object.fromEntries(
  Object.entries(light).map(([locale, words]) => [locale, new Set(words.split(/\s+/).filter(Boolean))]),
) as Record<Locale, Set<string>>
