# Các thông báo của chiso bằng tiếng Việt (ngôn ngữ mặc định).
# Mỗi id có trong cả vi.ftl và en.ftl, với cùng các biến ($tên) — kiểm thử của crate bắt buộc.
# Số trong thông báo đã được viết theo kiểu Việt Nam (dấu phẩy thập phân) trước khi vào đây.

## Kiểm thử của bộ thông báo
test-probe = thử { $name }
test-number = số { $value }

## Mức độ
severity-error = lỗi
severity-warning = cảnh báo

## Kiểm thử trong bộ tiêu chí (T001)
t001-this-expectation = mong đợi này
t001-status-points = { $points } điểm
t001-status-not-evaluated = không đánh giá ({ $reason })
t001-status-survey = để cho điều tra xã hội học
t001-status-missing = thiếu { $items }
t001-status-failed = một lỗi: { $errors }
t001-missing-input = đầu vào `{ $name }`
t001-missing-points = điểm của { $id }
t001-not-scored = đơn vị không chấm được điểm (xem các lỗi)
t001-incomplete = đơn vị chưa đủ dữ liệu: thiếu { $items }
t001-expected-score = mong đợi { $id } = { $expected }, nhưng được { $got }
t001-expected-not-evaluated = mong đợi { $id } không đánh giá, nhưng được { $got }
t001-expected-percent = mong đợi tỷ lệ phần trăm = { $expected }, nhưng được { $got }
t001-expected-percent-but = mong đợi tỷ lệ phần trăm = { $expected }, nhưng { $why }
t001-expected-grade = mong đợi xếp loại “{ $expected }”, nhưng được “{ $got }”
t001-expected-grade-no-band = mong đợi xếp loại “{ $expected }”, nhưng không khoảng xếp loại nào khớp
t001-expected-grade-but = mong đợi xếp loại “{ $expected }”, nhưng { $why }
t001-expected-achieved-but = mong đợi điểm đạt được = { $expected }, nhưng { $why }
t001-expected-achieved = mong đợi điểm đạt được = { $expected }, nhưng được { $got }
t001-expected-max = mong đợi điểm tối đa = { $expected }, nhưng được { $got }

## Nguồn (văn bản) có lỗi đã thừa nhận
known-fault-of-source = { $message } (lỗi của văn bản nguồn đã được thừa nhận: { $reason })
known-fault-acknowledged-here = thừa nhận tại đây

## Biểu mẫu
form-label-row = { $message } ({ $label }: dòng { $row })

## Thao tác sửa trong trình soạn thảo
action-declare-input = khai báo đầu vào `{ $name }`
action-close-gap = lấp khoảng trống: `{ $from }` → `{ $to }`

## Ống kính kiểm thử trong trình soạn thảo
lens-not-run = ▶ chưa chạy: hãy sửa các lỗi trước
lens-passed = ✔ đạt ({ $checks } phép kiểm tra)
lens-failed = ✘ không đạt { $failed } trên { $checks } phép kiểm tra: { $first }

## Danh sách
list-or = { $init } hoặc { $last }

## Cú pháp (E001, E019)
e001-chained-comparison = lỗi cú pháp: không thể nối liền các phép so sánh
e001-chained-comparison-help = nối hai phép so sánh bằng `và`: `a < b và b < c`
e001-not-inside-arithmetic = lỗi cú pháp: `không phải` không thể đứng trong phép tính hay phép so sánh
e001-not-inside-arithmetic-help = đặt phần phủ định trong ngoặc: `a = (không phải b)` hoặc `không phải (a = b)`
e001-never-closed = dấu `{"{"}` này không bao giờ được đóng
e001-opened-here = mở tại đây
e001-never-closed-help = thêm dấu `{"}"}` tương ứng; mọi thứ sau nó đã bị đọc như nằm trong khối này
e001-number-too-long = số quá dài: tối đa 28 chữ số
e001-percent-not-allowed = không được dùng tỷ lệ phần trăm ở đây
e001-percent-not-allowed-help = viết điểm hoặc số lượng, không có `%`
e001-number-too-large = số quá lớn
e001-invalid-date = `{ $text }` không phải là ngày hợp lệ
e019-expression-too-deep = biểu thức lồng sâu quá { $depth } phép toán
e019-expression-too-deep-help = tách quy tắc thành nhiều tiêu chí hoặc các quy tắc ngắn hơn
e019-nesting-too-deep = lồng sâu quá { $depth } cấp
e019-nesting-too-deep-help = tách quy tắc thành nhiều tiêu chí hoặc đơn giản hoá nó
e001-unmatched-close = dấu `{"}"}` không có dấu mở tương ứng
e001-unmatched-close-help = xoá nó, hoặc thêm dấu `{"{"}` mà nó định đóng
e001-unclosed-open = dấu `{"{"}` chưa được đóng
e001-unclosed-open-help = mỗi dấu `{"{"}` cần một dấu `{"}"}` tương ứng
e001-statement-not-understood = không hiểu câu lệnh này ở đây
e001-statement-not-allowed = câu lệnh này không được phép ở đây
e001-header-holds = phần đầu của bộ tiêu chí chứa: cơ quan ban hành, quyết định, năm, cấp, tổng điểm, số lượng, tỷ trọng, xếp loại, làm tròn
e001-node-holds = một tiêu chí chứa: tối đa, chủ trì, nguồn, điểm thưởng, ghi chú, căn cứ, không đánh giá, mẫu số bằng 0, làm tròn, điểm = và các tiêu chí con
e001-band-arm-reads = một bậc được viết `từ 90%: 1,5`, `dưới 80%: 0,5` hoặc `còn lại: 0`
e001-test-holds = một kiểm thử chứa các dòng `cho`, `điểm`, `không đánh giá` và `mong đợi`
e001-found-word = `{ $word }`
e001-end-of-line = cuối dòng
e001-unexpected = gặp { $found } ở chỗ không mong đợi
e001-expected-found = cần { $expected }, nhưng gặp { $found }
e001-syntax-error = lỗi cú pháp: { $message }
e001-here = tại đây
e001-syntax-error-help = xem docs/language.md để biết các dạng câu lệnh

## Những gì trình phân tích cú pháp chờ đợi
expected-a-quoted-text = một đoạn văn bản trong ngoặc kép
expected-a-number = một số
expected-a-whole-number = một số nguyên
expected-a-date-31-12 = một ngày (31/12/2023 hoặc 2023-12-31)
expected-an-id-such-as = một mã số như 1.2.3
expected-a-name = một tên
expected-an-expression = một biểu thức
expected-max = `tối đa`/`max`
expected-open-brace = `{"{"}`
expected-a-criterion = một tiêu chí
expected-a-type-count-decimal = một kiểu (số lượng, số, phần trăm, có/không, ngày, điểm, mức(…))
expected-a-bound-from-below = một cận (từ …, dưới …)
expected-otherwise-con-lai = `còn lại`/`otherwise`
expected-ratio-score-total-or = tỷ lệ, điểm, tổng hoặc phần trăm
expected-a-rounding-mode-half = một cách làm tròn (nửa lên, nửa chẵn, xuống, lên)
expected-self-survey-or-satisfaction = tự đánh giá, điều tra hoặc hài lòng
expected-not-evaluated-zero-or = không đánh giá, 0 hoặc lỗi
expected-department-district-commune-province = sở, huyện, xã, tỉnh hoặc bộ
expected-areas-criteria-or-subcriteria = lĩnh vực, tiêu chí hoặc tiêu chí thành phần
expected-a-comparison = một phép so sánh
expected-an-operator = một phép toán
expected-then-thi = `thì`/`then`
expected-else-nguoc-lai = `ngược lại`/`else`
expected-when-khi = `khi`/`when`
expected-because-vi = `vì`/`because`
expected-end-of-statement = hết câu lệnh
expected-score = `điểm =`/`score =`
expected-not-evaluated-keyword = `không đánh giá`/`not evaluated`
expected-expect = `mong đợi`/`expect`
expected-given = `cho`/`given`
expected-name-value = `tên = giá trị`
expected-a-value = một giá trị
expected-a-statement = một câu lệnh
expected-grade-xep-loai = `xếp loại`/`grade`
expected-percent = `phần trăm`/`percent`
expected-achieved = `đạt`/`achieved`
expected-id-points = `MÃ = điểm`
expected-ruleset-bo-tieu-chi = `bộ tiêu chí`/`ruleset`
expected-input = `đầu vào`/`input`
expected-test-kiem-thu = `kiểm thử`/`test`
