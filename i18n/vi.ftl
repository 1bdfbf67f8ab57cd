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
