import type { Locale } from '../../content/schema'

/**
 * Hand-written text for the locales the demo content does not cover, so generated tenants in
 * th, vi, id and ms carry real script and word lengths; the other locales borrow the demo text.
 */
export type PhraseBank = {
  questions: string[]
  answers: string[]
  titles: string[]
  steps: string[]
  categories: string[]
  keywords: string[]
}

export const extraPhrases: Partial<Record<Locale, PhraseBank>> = {
  th: {
    questions: [
      'ฉันจะถูกเรียกเก็บเงินเป็นสกุลเงินใด',
      'การคืนเงินใช้เวลากี่วัน',
      'ทำไมการชำระเงินของฉันไม่สำเร็จ',
      'ฉันจะยกเลิกการหักเงินอัตโนมัติได้อย่างไร',
      'อัตราแลกเปลี่ยนกำหนดเมื่อใด',
      'วงเงินการชำระเงินต่อวันคือเท่าไร',
    ],
    answers: [
      'ร้านค้าได้รับเงินในสกุลเงินของตนเอง และคุณจะถูกเรียกเก็บเงินในสกุลเงินของกระเป๋าเงินตามอัตราที่แสดงก่อนยืนยัน',
      'การคืนเงินส่วนใหญ่จะเข้าบัญชีภายใน 3 ถึง 7 วันทำการ ขึ้นอยู่กับร้านค้า',
      'ตรวจสอบยอดเงินคงเหลือและการเชื่อมต่ออินเทอร์เน็ต แล้วลองอีกครั้ง หากยังไม่สำเร็จโปรดติดต่อฝ่ายบริการลูกค้า',
      'เปิด **ข้อตกลง** เลือกร้านค้า แล้วแตะ **ยกเลิก** การยกเลิกมีผลทันที',
    ],
    titles: ['ชำระเงินในร้านค้าออนไลน์', 'ชำระเงินที่ร้านค้า', 'ตั้งค่าการหักเงินอัตโนมัติ'],
    steps: [
      'ที่หน้าชำระเงิน เลือก Alipay+ เป็นวิธีการชำระเงิน',
      'ตรวจสอบชื่อร้านค้าและจำนวนเงิน แล้วยืนยันด้วยรหัส PIN',
      'สแกนคิวอาร์โค้ดของร้านค้าหรือแสดงรหัสชำระเงินของคุณ',
      'ใบเสร็จจะแสดงใน **บิล** ทันทีหลังชำระเงิน',
    ],
    categories: ['การชำระเงินในต่างประเทศ', 'การคืนเงิน', 'การหักเงินอัตโนมัติ', 'อัตราแลกเปลี่ยนและค่าธรรมเนียม', 'วงเงินและความปลอดภัย', 'บิลและใบเสร็จ'],
    keywords: ['สกุลเงิน', 'คืนเงิน', 'ล้มเหลว', 'ยกเลิก', 'อัตรา', 'วงเงิน'],
  },
  vi: {
    questions: [
      'Tôi bị trừ tiền bằng loại tiền tệ nào?',
      'Hoàn tiền mất bao nhiêu ngày?',
      'Vì sao thanh toán của tôi không thành công?',
      'Làm sao để hủy trừ tiền tự động?',
      'Tỷ giá được xác định khi nào?',
      'Hạn mức thanh toán mỗi ngày là bao nhiêu?',
    ],
    answers: [
      'Người bán nhận tiền bằng đồng tiền của họ; bạn bị trừ bằng đồng tiền của ví theo tỷ giá hiển thị trước khi xác nhận.',
      'Phần lớn khoản hoàn tiền về ví trong 3 đến 7 ngày làm việc, tùy người bán.',
      'Hãy kiểm tra số dư và kết nối mạng rồi thử lại. Nếu vẫn lỗi, hãy liên hệ bộ phận hỗ trợ.',
      'Mở **Thỏa thuận**, chọn người bán rồi nhấn **Hủy**. Việc hủy có hiệu lực ngay.',
    ],
    titles: ['Thanh toán tại cửa hàng trực tuyến', 'Thanh toán tại cửa hàng', 'Cài đặt trừ tiền tự động'],
    steps: [
      'Tại trang thanh toán, chọn Alipay+ làm phương thức thanh toán.',
      'Kiểm tra tên người bán và số tiền, sau đó xác nhận bằng mã PIN.',
      'Quét mã QR của người bán hoặc đưa mã thanh toán của bạn.',
      'Biên lai xuất hiện trong **Hóa đơn** ngay sau khi thanh toán.',
    ],
    categories: ['Thanh toán ở nước ngoài', 'Hoàn tiền', 'Trừ tiền tự động', 'Tỷ giá và phí', 'Hạn mức và bảo mật', 'Hóa đơn và biên lai'],
    keywords: ['tiền tệ', 'hoàn tiền', 'thất bại', 'hủy', 'tỷ giá', 'hạn mức'],
  },
  id: {
    questions: [
      'Dalam mata uang apa saya ditagih?',
      'Berapa hari pengembalian dana?',
      'Mengapa pembayaran saya gagal?',
      'Bagaimana cara membatalkan debit otomatis?',
      'Kapan kurs ditetapkan?',
      'Berapa batas pembayaran harian?',
    ],
    answers: [
      'Pedagang dibayar dalam mata uangnya sendiri; Anda ditagih dalam mata uang dompet dengan kurs yang ditampilkan sebelum konfirmasi.',
      'Sebagian besar pengembalian dana masuk dalam 3 sampai 7 hari kerja, tergantung pedagang.',
      'Periksa saldo dan koneksi internet Anda, lalu coba lagi. Jika masih gagal, hubungi layanan pelanggan.',
      'Buka **Perjanjian**, pilih pedagang, lalu ketuk **Batalkan**. Pembatalan berlaku segera.',
    ],
    titles: ['Bayar di toko online', 'Bayar di toko', 'Atur debit otomatis'],
    steps: [
      'Di halaman pembayaran, pilih Alipay+ sebagai metode pembayaran.',
      'Periksa nama pedagang dan jumlahnya, lalu konfirmasi dengan PIN.',
      'Pindai kode QR pedagang atau tunjukkan kode pembayaran Anda.',
      'Tanda terima muncul di **Tagihan** segera setelah pembayaran.',
    ],
    categories: [
      'Membayar di luar negeri',
      'Pengembalian dana',
      'Debit otomatis',
      'Kurs dan biaya',
      'Batas dan keamanan',
      'Tagihan dan tanda terima',
    ],
    keywords: ['mata uang', 'pengembalian', 'gagal', 'batalkan', 'kurs', 'batas'],
  },
  ms: {
    questions: [
      'Dalam mata wang apakah saya dicaj?',
      'Berapa hari bayaran balik diambil?',
      'Mengapa pembayaran saya gagal?',
      'Bagaimana untuk membatalkan debit automatik?',
      'Bilakah kadar pertukaran ditetapkan?',
      'Berapakah had pembayaran harian?',
    ],
    answers: [
      'Peniaga dibayar dalam mata wangnya sendiri; anda dicaj dalam mata wang dompet pada kadar yang ditunjukkan sebelum anda mengesahkan.',
      'Kebanyakan bayaran balik diterima dalam 3 hingga 7 hari bekerja, bergantung pada peniaga.',
      'Semak baki dan sambungan internet anda, kemudian cuba lagi. Jika masih gagal, hubungi khidmat pelanggan.',
      'Buka **Perjanjian**, pilih peniaga, kemudian ketik **Batal**. Pembatalan berkuat kuasa serta-merta.',
    ],
    titles: ['Bayar di kedai dalam talian', 'Bayar di kedai', 'Sediakan debit automatik'],
    steps: [
      'Di halaman pembayaran, pilih Alipay+ sebagai kaedah pembayaran.',
      'Semak nama peniaga dan jumlah, kemudian sahkan dengan PIN.',
      'Imbas kod QR peniaga atau tunjukkan kod pembayaran anda.',
      'Resit dipaparkan dalam **Bil** sejurus selepas pembayaran.',
    ],
    categories: [
      'Membayar di luar negara',
      'Bayaran balik',
      'Debit automatik',
      'Kadar pertukaran dan fi',
      'Had dan keselamatan',
      'Bil dan resit',
    ],
    keywords: ['mata wang', 'bayaran balik', 'gagal', 'batal', 'kadar', 'had'],
  },
}
