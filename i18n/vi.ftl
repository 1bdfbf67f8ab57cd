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

## Trình soạn thảo: di chuột, gợi ý, dàn ý, đổi tên
hover-level-area = lĩnh vực
hover-level-criterion = tiêu chí
hover-level-subcriterion = tiêu chí thành phần
hover-maximum = điểm tối đa: **{ $max }**
hover-maximum-children = điểm tối đa: **{ $max }** (các tiêu chí con cộng lại { $sum })
hover-owner = chủ trì: { $owner }
hover-source = nguồn điểm: { $source }
hover-bonus = điểm thưởng
hover-not-evaluated-when = không đánh giá khi `{ $condition }` ({ $reason })
hover-not-evaluated = không đánh giá ({ $reason })
hover-rule = quy tắc: `{ $rule }`
hover-rule-awarded = quy tắc: điểm do hội đồng chấm
hover-sum-of-children = tổng điểm các tiêu chí con
hover-reference = căn cứ: { $reference }
hover-input = **đầu vào** `{ $name }`: { $ty }
hover-default = mặc định: { $value }
hover-used-by-none = chưa tiêu chí nào dùng
hover-used-by = được dùng ở:
completion-node-detail = { $title } · tối đa { $max }
outline-total = tổng điểm { $total }
outline-max = tối đa { $max }
outline-test = kiểm thử
inlay-children-sum = điểm tối đa của các tiêu chí con cộng lại là { $sum }
rename-nothing-here = ở đây không có đầu vào hay mã số tiêu chí nào
rename-bad-input-name = `{ $name }` không phải tên đầu vào hợp lệ: bắt đầu bằng một chữ cái hoặc `_`, sau đó là chữ cái, chữ số hoặc `_`; không được dùng từ khoá
rename-input-exists = đã có đầu vào tên `{ $name }`
rename-bad-id = `{ $id }` không phải mã số hợp lệ: các số hoặc chữ cách nhau bằng dấu chấm, như 1.2.3
rename-id-used = mã số { $id } đã được dùng
rename-only-inputs-and-ids = chỉ đổi tên được đầu vào và mã số tiêu chí

## Trình soạn thảo: nghĩa của từ khoá và hàm
kwdoc-ruleset = Bộ tiêu chí: phần đầu của bộ tiêu chí — tên, cơ quan ban hành, quyết định, năm, cấp, tổng điểm, số lượng, tỷ trọng, xếp loại, làm tròn.
kwdoc-input = Đầu vào: một số liệu đơn vị báo cáo (`đầu vào tên: số lượng "mô tả" chủ trì "phòng" mặc định 0`). Các quy tắc dùng nó theo tên.
kwdoc-area = Lĩnh vực: một lĩnh vực cấp cao nhất của chỉ số, với điểm tối đa và các tiêu chí của nó.
kwdoc-test = Kiểm thử: một ví dụ tính sẵn — cho các đầu vào, điểm mong đợi. `chiso test` chạy nó; trình soạn thảo hiện kết quả phía trên.
kwdoc-issuer = Cơ quan ban hành: cơ quan ban hành quyết định (ví dụ "UBND tỉnh Kon Tum").
kwdoc-decree = Quyết định: số và ngày của quyết định: `quyết định "723/QĐ-UBND" ngày 11/11/2022`.
kwdoc-dated = Ngày: ngày của quyết định, 31/12/2023 hoặc 2023-12-31.
kwdoc-year = Năm: năm mà bộ tiêu chí chấm điểm.
kwdoc-level = Cấp: loại đơn vị được chấm — sở, huyện, xã, tỉnh, bộ.
kwdoc-total = Tổng điểm: tổng điểm khai báo; điểm tối đa của các lĩnh vực phải cộng lại bằng nó.
kwdoc-areas = Số lĩnh vực: số lĩnh vực khai báo, được đối chiếu với cây tiêu chí.
kwdoc-criteria = Số tiêu chí: số tiêu chí khai báo, được đối chiếu với cây tiêu chí.
kwdoc-subcriteria = Số tiêu chí thành phần: số tiêu chí thành phần khai báo, được đối chiếu với cây tiêu chí.
kwdoc-share = Tỷ trọng: số điểm khai báo của một nguồn (tự đánh giá, điều tra xã hội học, mức độ hài lòng); các tiêu chí thuộc nguồn đó phải cộng lại bằng nó.
kwdoc-grade = Xếp loại: một mức xếp loại theo tỷ lệ phần trăm, nửa khoảng: `xếp loại "Tốt" từ 85`, `xếp loại "Khá" từ 75 dưới 85`. Trong kiểm thử: `mong đợi xếp loại "Tốt"`.
kwdoc-stages = Giai đoạn: các giai đoạn chấm, theo thứ tự — tự đánh giá, rồi từng vòng thẩm định: `giai đoạn "Tự đánh giá", "Thẩm định", "Thẩm định lại"`. Vòng cuối cùng của đơn vị là vòng được tính.
kwdoc-group = Nhóm: một nhóm đơn vị được xếp hạng riêng trong cùng một đợt chấm (`nhóm "Khối sở"`, mỗi nhóm một dòng); dữ liệu của từng đơn vị ghi nhóm của nó.
kwdoc-rounding = Làm tròn: làm tròn cái gì (tỷ lệ, điểm, tổng điểm, phần trăm), đến mấy chữ số, theo cách nào (nửa lên — như hàm ROUND của Excel, mặc định —, nửa chẵn, xuống, lên).
kwdoc-percent-from-rounded-total = Phần trăm tính từ tổng điểm đã làm tròn (mặc định tính từ điểm chưa làm tròn, như cơ quan công bố).
kwdoc-grade-on-points = Xếp loại theo điểm: các mức xếp loại ghi theo tổng điểm của đơn vị (sau điểm thưởng, điểm trừ), không theo tỷ lệ phần trăm; đơn vị được xếp hạng theo tổng điểm đó.
kwdoc-penalty = Điểm trừ / điểm phạt: một khoản điểm trừ ngoài cây tiêu chí, trừ sau khi tính cây (`điểm trừ P1 "Kỷ luật" {"{"} điểm = số_vi_phạm × 1 {"}"}`, số điểm là một số ≥ 0); ở phần đầu, `điểm trừ tối đa N`: mức trừ tối đa trong năm của tất cả các khoản điểm trừ.
kwdoc-floor = Điểm sàn: điểm trừ không bao giờ kéo tổng điểm của đơn vị xuống dưới mức này (0 khi không ghi).
kwdoc-display = Hiển thị N chữ số: báo cáo in tổng điểm của đơn vị với đúng N chữ số thập phân, dù phép tính làm tròn thế nào (`hiển thị 3 chữ số`).
kwdoc-zero-denominator = Mẫu số bằng 0: `tỷ_lệ(a, b)` có nghĩa gì khi b bằng 0 — không đánh giá, bằng 0, hoặc báo lỗi.
kwdoc-criterion = Tiêu chí (TC): một tiêu chí trong một lĩnh vực, hoặc một tiêu chí thành phần trong một tiêu chí: `tiêu chí 1.2 "tên" tối đa 2 {"{"} … {"}"}`.
kwdoc-subcriterion = Tiêu chí thành phần (TCTP): một tiêu chí thành phần, đánh số dưới tiêu chí của nó (1.2.3).
kwdoc-max = Tối đa (điểm tối đa, điểm chuẩn): điểm tối đa của mục. Điểm tối đa của tiêu chí cha phải bằng tổng điểm tối đa của các tiêu chí con. Trong quy tắc, `tối đa` là điểm tối đa của chính mục đó.
kwdoc-owner = Chủ trì (đơn vị chủ trì): phòng, ban phụ trách tiêu chí hoặc báo cáo đầu vào.
kwdoc-source = Nguồn: điểm đến từ đâu — tự đánh giá/thẩm định, điều tra xã hội học (ĐTXHH), mức độ hài lòng (SIPAS). Các tiêu chí con kế thừa.
kwdoc-bonus = Điểm thưởng: trong một tiêu chí, một tiêu chí thưởng tính trong tổng điểm; ở cấp cao nhất, một khoản điểm thưởng ngoài cây tiêu chí, cộng sau khi tính cây (`điểm thưởng T1 "Sáng kiến" tối đa 1 {"{"} điểm = số_sáng_kiến × 0,5 {"}"}`); ở phần đầu, `điểm thưởng tối đa N` (mức thưởng tối đa trong năm của tất cả các khoản điểm thưởng) và `điểm thưởng vượt tối đa` / `điểm thưởng trong tối đa`.
kwdoc-note = Ghi chú: một ghi chú hiện trong phần giải thích.
kwdoc-ref = Căn cứ: nơi quyết định quy định tiêu chí (phụ lục, dòng, điều).
kwdoc-not-evaluated = Không đánh giá: tiêu chí không được đánh giá (khi điều kiện của nó đúng); điểm tối đa của nó khi đó không tính vào điểm tối đa của đơn vị. Trong kiểm thử: `mong đợi 1.6.2 không đánh giá`.
kwdoc-when = Khi: điều kiện của `không đánh giá`.
kwdoc-because = Vì / lý do: lý do hiện ra khi một tiêu chí không được đánh giá.
kwdoc-score = Điểm: quy tắc cho điểm của tiêu chí lá: `điểm = tỷ_lệ(đã_làm, tất_cả) × tối đa`. Tiêu chí lá không có quy tắc thì do hội đồng chấm.
kwdoc-if = Nếu … thì … ngược lại …: chọn một trong hai giá trị.
kwdoc-then = Thì: giá trị khi điều kiện của `nếu` đúng.
kwdoc-else = Ngược lại: giá trị khi điều kiện của `nếu` không đúng.
kwdoc-bands = Bậc: các bậc theo ngưỡng, xét theo thứ tự: `bậc tỷ_lệ(a, b) {"{"} từ 90%: 1,5  từ 80% dưới 90%: 1  còn lại: 0 {"}"}`. Khoảng trống và chồng lấn đều được báo.
kwdoc-and = Và: cả hai điều kiện đều đúng.
kwdoc-or = Hoặc: ít nhất một điều kiện đúng.
kwdoc-not = Không phải: điều kiện không đúng.
kwdoc-awarded = Hội đồng chấm: số điểm hội đồng thẩm định chấm cho mục này.
kwdoc-yes = Có: đúng (true).
kwdoc-no = Không: sai (false).
kwdoc-date = Ngày: một giá trị ngày, `ngày 31/12/2023`.
kwdoc-from = Từ: cận dưới, tính cả (≥).
kwdoc-above = Trên: cận dưới, không tính (>).
kwdoc-below = Dưới / đến dưới: cận trên, không tính (<).
kwdoc-up-to = Đến / không quá: cận trên, tính cả (≤).
kwdoc-or-more = Trở lên: “và cao hơn”, sau một cận dưới (`từ 90% trở lên`).
kwdoc-otherwise = Còn lại: mọi giá trị chưa thuộc bậc nào phía trên.
kwdoc-given = Cho: giá trị đầu vào của kiểm thử: `cho đã_làm = 15, tất_cả = 19`.
kwdoc-points = Điểm: trong kiểm thử, điểm hội đồng chấm cho một mục (`điểm 2.1 = 1,5`); là kiểu đầu vào, một số điểm ≥ 0.
kwdoc-expect = Mong đợi: một kết quả mong đợi — `mong đợi 1.2.3 = 0,5`, `mong đợi phần trăm = 90,29`, `mong đợi xếp loại "Tốt"`, `mong đợi đạt = 12`, `mong đợi tổng điểm = 12,5` (sau điểm thưởng, điểm trừ), `mong đợi tối đa = 97`, `mong đợi 1.6.2 không đánh giá`.
kwdoc-percent = Phần trăm: tỷ lệ phần trăm của đơn vị; là kiểu đầu vào, một tỷ lệ phần trăm ghi từ 0 đến 100 hoặc “57,89%”.
kwdoc-achieved = Đạt: số điểm đơn vị đạt được.
kwdoc-count = Số lượng: một số nguyên ≥ 0.
kwdoc-decimal = Số: một số thập phân ≥ 0.
kwdoc-yesno = Có/không: một sự việc có hoặc không.
kwdoc-levels = Mức: một trong một danh sách mức cố định: `mức("Tốt", "Đạt", "Chưa đạt")`.
kwdoc-default = Mặc định: giá trị dùng khi đơn vị không báo cáo đầu vào này.
fnsig-ratio = tỷ_lệ(tử_số, mẫu_số)
fnsig-min = nhỏ_nhất(a, b)
fnsig-max = lớn_nhất(a, b)
fnsig-clamp = giới_hạn(giá_trị, thấp, cao)
fnsig-each = mỗi(số_mục, điểm, trần)
fnsig-deduct = trừ(điểm_đầu, số_mục, điểm, sàn)
fnsig-round = làm_tròn(giá_trị, chữ_số)
fnsig-best = cao_nhất(x)
fndoc-ratio = Tỷ lệ: tử số ÷ mẫu số, làm tròn theo cách làm tròn tỷ lệ đã khai báo. Mẫu số bằng 0 thì làm theo quy định `mẫu số bằng 0` của tiêu chí; tử số lớn hơn mẫu số là lỗi dữ liệu.
fndoc-min = Giá trị nhỏ hơn trong hai giá trị.
fndoc-max = Giá trị lớn hơn trong hai giá trị.
fndoc-clamp = Giá trị giới hạn trong khoảng [thấp, cao].
fndoc-each = Điểm cho mỗi mục đếm được, tối đa `trần`: nhỏ_nhất(số_mục × điểm, trần). "mỗi ứng dụng 1 điểm, tổng không quá 5 điểm".
fndoc-deduct = Trừ điểm theo từng mục, có mức sàn: lớn_nhất(điểm_đầu − số_mục × điểm, sàn). "trừ 0,25 điểm mỗi vi phạm, không thấp hơn 0".
fndoc-round = Làm tròn đến `chữ_số` chữ số thập phân, nửa lên (như hàm ROUND của Excel).
fndoc-best = Cao nhất: giá trị cao nhất của `x` trong các đơn vị được chấm cùng đợt (để so với đơn vị tốt nhất); một đơn vị chấm riêng là đơn vị tốt nhất của chính nó.

## Ống kính kiểm thử trong trình soạn thảo
lsp-unknown-command = không có lệnh { $command }
lsp-run-test-arguments = cần có [uri, tên kiểm thử]
lsp-document-not-open = tài liệu chưa được mở
lsp-no-test-named = không có kiểm thử tên { $name }
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

## Dùng chung
first-declared-here = khai báo lần đầu tại đây
did-you-mean = có phải ý bạn là `{ $name }`?
replace-with = thay bằng `{ $name }`

## Kiểu giá trị
ty-number = một số
ty-bool = có/không
ty-date = một ngày
ty-level = một mức
ty-level-of = một mức của `{ $name }`
ty-text = một đoạn văn bản
ty-unknown = không rõ
input-type-count = số lượng
input-type-decimal = số
input-type-percent = phần trăm
input-type-yesno = có/không
input-type-date = ngày
input-type-points = điểm
input-type-levels = mức({ $levels })
literal-not-whole = không phải số nguyên
literal-above-100 = trên 100%
literal-percentage = một tỷ lệ phần trăm

## Cấp của tiêu chí, từ khoá, nguồn điểm
level-area = lĩnh vực
level-criterion = tiêu chí
level-subcriterion = tiêu chí thành phần
keyword-area = `lĩnh vực`
keyword-criterion = `tiêu chí`
keyword-subcriterion = `tiêu chí thành phần`
count-areas = lĩnh vực
count-criteria = tiêu chí
count-subcriteria = tiêu chí thành phần
source-self = tự đánh giá
source-survey = điều tra xã hội học
source-satisfaction = mức độ hài lòng
kw-max = tối đa
kw-owner = chủ trì
kw-source = nguồn
kw-zero-denominator = mẫu số bằng 0
kw-score = điểm =
kw-not-evaluated = không đánh giá

## Khoảng giá trị không được bao phủ
gap-percent = { $value }%
gap-number = { $value }
gap-included = kể cả
gap-excluded = không kể
gap-the-value = giá trị { $value }
gap-between = các giá trị từ { $from } ({ $from_end }) đến { $to } ({ $to_end })
gap-up-to = các giá trị đến { $value }
gap-below = các giá trị dưới { $value }
gap-from = các giá trị từ { $value }
gap-above = các giá trị trên { $value }
gap-every-value = mọi giá trị

## Phần đầu bộ tiêu chí
e021-no-header = tệp không có phần đầu bộ tiêu chí
e021-no-header-help = bắt đầu bằng `bộ tiêu chí "…" {"{"} năm 2024  tổng điểm 100 … {"}"}` / `ruleset "title" {"{"} … {"}"}`
e021-second-header = phần đầu bộ tiêu chí thứ hai
e021-first-header = phần đầu thứ nhất
e023-declared-twice = mục này được khai báo hai lần
e017-rounding-places = làm tròn giữ tối đa 28 chữ số thập phân
e024-not-acceptable = { $code } không thể được thừa nhận là lỗi của văn bản nguồn
e024-not-acceptable-help = chỉ những mâu thuẫn trong chính bảng của quyết định mới được: E004 (tổng điểm con), E005 (tổng điểm), E006 (số lượng), E007 (tỷ trọng)
e016-grade-gap = các mức xếp loại để hở: { $gap } không được xếp loại nào
e016-grade-gap-help = các mức xếp loại là nửa mở và phải liền nhau: mức dừng ở `dưới X` thì mức kế bắt đầu `từ X`, để { $gap } có một xếp loại
e016-grade-overlap = xếp loại `{ $later }` chồng lấn xếp loại `{ $earlier }`
e016-overlaps-this-grade = chồng lấn xếp loại này

## Đầu vào
e022-input-twice = đầu vào `{ $name }` được khai báo hai lần
e022-level-twice = mức `{ $level }` được liệt kê hai lần
e022-first-listed-here = liệt kê lần đầu tại đây
e009-literal-mismatch = `{ $name }` có kiểu { $ty }, nhưng đây là { $what }
e009-negative = `{ $name }` không thể âm
e017-not-a-level = `{ $value }` không phải là một mức của `{ $name }`
e017-levels-are = các mức của nó là: { $levels }
w001-unused-input = đầu vào `{ $name }` không được dùng ở đâu
w001-unused-input-help = dùng nó trong một quy tắc hay điều kiện, hoặc xoá nó
e008-unknown-input = không có đầu vào `{ $name }`
e008-not-declared = chưa khai báo
e008-declare-it = khai báo nó: `đầu vào { $name }: số lượng "…"`
e008-declare-it-yesno = khai báo nó: `đầu vào { $name }: có/không "…"`

## Cây tiêu chí
e002-duplicate-id = mã số `{ $id }` bị trùng
e002-first-used-here = dùng lần đầu tại đây
e002-renumber = đánh số lại thành { $next }
e003-not-child-id = `{ $id }` không phải là mã số con của `{ $parent }`
e003-the-parent = tiêu chí cha
e003-numbered = tiêu chí con của { $parent } được đánh số { $parent }.N
w004-keyword-level = viết là { $written } nhưng đứng ở cấp { $level }
w004-keyword-level-help = lĩnh vực đứng ở cấp trên cùng, tiêu chí nằm trong lĩnh vực, tiêu chí thành phần nằm trong tiêu chí
e023-node-item-twice = `{ $key }` được khai báo hai lần cho { $id }
e017-percent-rounding-in-header = tỷ lệ phần trăm là của đơn vị: hãy khai báo làm tròn ở phần đầu bộ tiêu chí
e020-no-maximum = { $level } { $id } không có điểm tối đa
e020-no-maximum-help = ghi điểm tối đa của nó: `tối đa 1,5` / `max 1.5`
e004-children-sum = điểm tối đa của { $id } là { $max }, nhưng điểm tối đa của các tiêu chí con cộng lại là { $sum }
e004-child-max = { $id } tối đa { $max }
e004-set-maximum = đặt điểm tối đa của { $id } là { $sum }
e005-areas-sum = điểm tối đa các lĩnh vực cộng lại là { $sum }, nhưng tổng điểm khai báo là { $total }
e005-area-max = lĩnh vực { $id } tối đa { $max }
e006-count = khai báo { $declared } { $kind }, nhưng cây tiêu chí có { $actual }
e007-share = tỷ trọng { $source } được khai báo là { $share }, nhưng các tiêu chí lấy điểm từ nguồn đó cộng lại là { $actual }
e007-share-help = đánh dấu các tiêu chí điều tra bằng `nguồn ĐTXHH` / `source survey`; kiểm tra lại điểm tối đa
e007-shares-sum = các tỷ trọng cộng lại là { $sum }, không bằng tổng điểm { $total }
w005-no-longer-occurs = { $code } được thừa nhận là lỗi của văn bản nguồn, nhưng không còn xảy ra
w005-no-longer-occurs-help = xoá lời thừa nhận
e018-unknown-criterion = không có tiêu chí `{ $id }`
e018-unknown-grade = không có xếp loại `{ $grade }`
e023-test-twice = kiểm thử `{ $name }` được khai báo hai lần
w003-expects-nothing = kiểm thử `{ $name }` không mong đợi điều gì
w003-expects-nothing-help = thêm các dòng `mong đợi 1.2.3 = 0,5`

## Quy tắc chấm điểm
e009-score-not-number = điểm phải là một số, nhưng gặp { $found }
e009-condition-not-bool = điều kiện không đánh giá phải là có/không, nhưng gặp { $found }
e012-no-upper-limit = không có giới hạn trên
e013-no-lower-limit = không có giới hạn dưới
e012-reaches = đạt tới { $value }
e012-exceeds-max = quy tắc của { $id } có thể vượt điểm tối đa { $max }: nó { $reach }
e012-exceeds-max-help = chặn trên cho nó: `nhỏ_nhất(…, tối đa)` hoặc `mỗi(số lượng, điểm, tối đa)`
e012-cap-fix = chặn quy tắc ở điểm tối đa
e013-below-zero = quy tắc của { $id } có thể xuống dưới 0: nó { $reach }
e013-below-zero-help = chặn dưới cho nó: `lớn_nhất(…, 0)` hoặc `trừ(điểm đầu, số lượng, điểm, 0)`
e009-minus-numbers = `-` chỉ áp dụng cho số
e009-not-bool = `không phải` chỉ áp dụng cho giá trị có/không
e009-and-or-bool = `và`/`hoặc` nối các giá trị có/không
e009-arithmetic-numbers = phép tính cần các số
e009-condition-bool = điều kiện là có/không
e009-functions-numbers = các hàm của quy tắc nhận số
e009-bands-number = bậc so sánh một số với các cận của nó
e009-branches-differ = hai nhánh của `nếu` khác kiểu: { $then } và { $otherwise }
e009-this-branch = nhánh này
e009-type-mismatch = sai kiểu: cần { $expected }, nhưng gặp { $found }
e009-cannot-compare = không thể so sánh { $left } với { $right }
e009-only-equality = { $ty } chỉ so sánh được bằng = hoặc ≠
e009-band-types = giá trị các bậc khác kiểu nhau: ở đây là { $ty }
e015-unknown-function = không có hàm `{ $name }`
e015-functions = các hàm: { $names } (xem docs/language.md)
e015-arity = `{ $name }` nhận { $arity } đối số, nhưng gặp { $found }
e015-usage = cách dùng: { $signature }
e015-usage-decimal-comma = cách dùng: { $signature }; dấu phẩy giữa hai chữ số là dấu phẩy thập phân: viết `1, 5` nếu là hai đối số
e014-no-zero-policy = `{ $function }` trong { $id } mà không khai báo cách xử lý mẫu số bằng 0
e014-no-zero-policy-help = nói rõ mẫu số bằng 0 thì sao: `mẫu số bằng 0: không đánh giá` (hoặc `0`, `lỗi`) ở tiêu chí hoặc ở phần đầu bộ tiêu chí
e017-places = số chữ số thập phân của `{ $function }` phải là số nguyên từ 0 đến 28
e010-no-arms = bậc không có nhánh nào
e010-gap = khoảng hở giữa các bậc: { $gap } không thuộc bậc nào
e010-gap-help = viết các bậc liền nhau để { $gap } thuộc một bậc (một bậc dừng ở `dưới X` thì bậc kế bắt đầu `từ X`), hoặc thêm `còn lại: …`
w002-unreachable = bậc không bao giờ tới được: các bậc trước đã nhận mọi giá trị của nó
w002-unreachable-help = các bậc được thử theo thứ tự; chuyển nó lên trên hoặc xoá nó
e011-overlap = các bậc chồng lấn: một giá trị ở đây cũng khớp một bậc trước
e011-overlaps-this-band = chồng lấn bậc này
e011-overlap-help = các bậc là nửa mở: `từ 80% dưới 90%` liền với `từ 90%`

## Số viết dưới dạng văn bản
number-empty = số trống
number-invisible-character = `{ $number }` chứa một ký tự không nhìn thấy, { $character }: hãy gõ lại số này
number-several-separators = `{ $number }` có nhiều hơn một dấu phân cách; hãy khai báo `decimal_separator` ("," hoặc ".") để các nhóm hàng nghìn được đọc đúng
number-not-a-number = `{ $number }` không phải là một số

## Dữ liệu của đơn vị (D…)
d012-two-spellings = (cùng các chữ cái nhưng theo hai cách mã hoá Unicode, NFC và NFD)
d012-written = (viết là `{ $earlier }` và `{ $key }`)
d012-given-twice = `{ $name }` được cho hai lần trong [{ $section }]: giá trị nào mới đúng?
d012-given-twice-how = `{ $name }` được cho hai lần trong [{ $section }] { $how }: giá trị nào mới đúng?
d012-first-given-here = cho lần đầu tại đây
d012-and-again-here = và lại cho tại đây
d012-keep-one = giữ lại một trong hai
d003-no-unit = tệp dữ liệu không ghi tên đơn vị
d003-no-unit-help = thêm `unit = "UBND huyện …"`
d011-year = dữ liệu là của năm { $data }, bộ tiêu chí là của năm { $ruleset }
d003-year-positive = năm phải là số dương
d003-unknown-stage = không có giai đoạn `{ $stage }`
d003-write = hãy viết { $words }
d003-decimal-separator = decimal_separator phải là "," hoặc ".", không phải "{ $found }"
d-input-value = `{ $name }`: { $message }
d-input-value-owner = `{ $name }`: { $message } (chủ trì: { $owner })
d-input-is = `{ $name }` có kiểu { $ty }
d-input-is-described = `{ $name }` có kiểu { $ty }: { $description }
d010-computed = cho điểm của { $id }, nhưng tiêu chí này được tính theo quy tắc của nó: hãy cho các đầu vào của nó
d010-adds-up = cho điểm của { $id }, nhưng tiêu chí này cộng điểm các tiêu chí con: hãy cho điểm của chúng
d-points-of = điểm của { $id }: { $message }
d003-not-evaluated-reason = hãy ghi lý do { $id } không đánh giá, dưới dạng văn bản
d-claimed-of = điểm tự chấm của { $id }: { $message }
d007-above-max = cho { $points } điểm cho { $id }, nhưng điểm tối đa của nó là { $max }
d003-not-exact = `{ $number }` không phải là số mà chiso lưu được chính xác
d003-expected-number = cần một số, nhưng gặp { $found }
d004-negative = không được âm (gặp { $found })
d003-count-whole = số lượng phải là số nguyên, nhưng gặp { $found }
d003-count-whole-grouping = số lượng phải là số nguyên, nhưng gặp { $found } (nếu `.` phân cách hàng nghìn, hãy khai báo decimal_separator = ",")
d003-percentage-for-number = một tỷ lệ phần trăm ở chỗ cần một số
d003-percentage-above-100 = tỷ lệ phần trăm trên 100 ({ $found })
d003-expected-yesno-found = cần có/không, nhưng gặp "{ $found }"
d003-expected-yesno = cần có/không (true/false, "có"/"không")
d003-expected-date-found = cần một ngày như 31/12/2023, nhưng gặp "{ $found }"
d003-expected-date = cần một ngày như 31/12/2023
d003-not-a-level = "{ $found }" không phải là một trong các mức: { $levels }
d003-expected-level = cần một trong các mức: { $levels }

## Giá trị không đầu vào nào nhận
raw-spreadsheet-error = một lỗi của bảng tính
raw-unsaved-formula = một công thức được lưu mà không có giá trị
raw-unsaved-formula-form = một công thức được lưu mà không có giá trị (mở và lưu tệp bằng Excel/LibreOffice để giá trị được lưu lại)
raw-invalid-date = một ngày không hợp lệ
raw-date-time = một ngày giờ
raw-a-list = một danh sách
raw-a-table = một bảng
raw-null = null

## Giá trị và làm tròn
value-yes = có
value-no = không
round-half-up = nửa lên
round-half-even = nửa chẵn
round-down = xuống
round-up = lên
rounding-places = { $places } chữ số thập phân, { $mode }
what-arithmetic = phép tính
what-ratio = tỷ lệ
what-count = số lượng
what-deduction = phần trừ

## Giải thích từng bước (chiso explain)
step-not-evaluated-when = không đánh giá khi { $condition }: điều kiện này đúng
step-not-evaluated-always = không đánh giá đối với mọi đơn vị
step-not-evaluated-data = được khai không đánh giá trong dữ liệu của đơn vị
step-not-evaluated-other = không đánh giá theo tiêu chí cha, do mẫu số bằng 0, hoặc vì mọi tiêu chí con đều không đánh giá
step-see-child = { $id } { $title }: xem `chiso explain … { $id }`
step-not-counted = không tính: { $id } được chấm theo quy tắc riêng của nó, nên quy tắc này chỉ để xem, không được dùng
explain-awarded = điểm do hội đồng chấm
step-points-awarded = điểm được chấm: { $points }
step-score-rounded = làm tròn điểm ({ $rounding }): { $raw } → { $rounded }
step-input = { $name } = { $value }
step-input-default = { $name } = { $value } (mặc định)
step-arithmetic = { $x } { $op } { $y } = { $result }
step-compare = { $x } { $op } { $y }: { $result }
step-condition = điều kiện đúng: { $result }
band-equal = = { $value }
band-any = mọi giá trị
band-at-least = ≥ { $value }
band-above = > { $value }
band-at-most = ≤ { $value }
band-below = < { $value }
band-both = { $lower } và { $upper }
step-band-otherwise = còn lại
step-band = { $value } thuộc bậc { $band } → { $result }
step-best = cao nhất của đợt chấm = { $best }
step-zero-not-evaluated = mẫu số bằng 0: không đánh giá
step-zero-counts-zero = tỷ_lệ({ $part }, 0) = 0 (mẫu số bằng 0 được tính là 0)
step-ratio = tỷ lệ { $part } / { $whole } = { $ratio }
step-ratio-rounded = làm tròn tỷ lệ ({ $rounding }): { $raw } → { $rounded }
step-call = { $function }({ $args }) = { $result }

## Lỗi khi chấm điểm (D…)
d009-not-a-number = quy tắc không cho ra một số
d009-outside = quy tắc của { $id } cho { $score }, nằm ngoài 0…{ $max }
d-node-message = { $id }: { $message }
d-criterion-rule = tiêu chí { $id } “{ $title }”, quy tắc: { $rule }
d-criterion-awarded = tiêu chí { $id } “{ $title }”, điểm do hội đồng chấm
d009-overflow = { $what } bị tràn số hoặc chia cho 0
d009-division-by-zero = chia cho 0 (dùng tỷ_lệ(…) để nói rõ mẫu số bằng 0 thì sao)
d009-no-band = { $value } không thuộc bậc nào
d008-zero-denominator = tỷ lệ { $part } / 0: mẫu số bằng 0
d005-negative-ratio = tỷ lệ của các giá trị âm { $part } / { $whole }
d005-part-above-whole = tử số { $part } lớn hơn mẫu số { $whole }
d002-missing-input = thiếu đầu vào `{ $name }`, cần cho { $ids }
d002-owner = chủ trì: { $owners }
d002-add-input = thêm nó vào [inputs] dưới dạng { $ty }
d002-add-points = thêm `"{ $id }" = …` vào [points] (từ 0 đến { $max })
d002-add-points-owner = thêm `"{ $id }" = …` vào [points] (từ 0 đến { $max }); chủ trì: { $owner }
d002-no-points = chưa có điểm cho { $id } “{ $title }” (do hội đồng chấm)

## Vị trí trong tệp
place-row = dòng { $row }
place-cell = dòng { $row }, cột { $column }
place-cell-header = dòng { $row }, cột { $column } ({ $header })
place-in-file = { $file }, { $within }
help-word = gợi ý

## Đợt chấm nhiều đơn vị
stage-self = tự đánh giá
stage-appraised = thẩm định
stage-round = thẩm định lần { $round }
d013-unit-twice = đơn vị “{ $unit }” ({ $stage }) được cho hai lần: đã có trong { $first }; bản này không được chấm
d007-target-above-max = điểm phấn đấu { $target } cho { $id }, nhưng điểm tối đa của nó là { $max }
d-target-of = điểm phấn đấu của { $id }: { $message }
d014-target-sum = điểm phấn đấu của { $id } là { $target }, nhưng điểm phấn đấu của các tiêu chí con cộng lại là { $sum }

## Phiếu của từng phòng, ban
worklist-no-office = bộ tiêu chí không có đơn vị chủ trì “{ $office }”; các đơn vị chủ trì: { $offices }
worklist-no-office-suggest = bộ tiêu chí không có đơn vị chủ trì “{ $office }” (có phải ý bạn là “{ $suggestion }”?); các đơn vị chủ trì: { $offices }

## Nhập bảng tiêu chí (chiso import, I…)
import-row-of-sheet = dòng { $row } của trang tính “{ $sheet }”
i001-empty = bảng trống
i002-unclosed-quote = dòng { $row }: một dấu ngoặc kép mở ô nhưng không bao giờ đóng: đọc nguyên văn
i002-this-quote = dấu ngoặc kép này
i003-inexact = ô { $cell } chứa số { $stored }, số mà chiso không lưu được chính xác
i003-rounded = ô { $cell } chứa { $stored }; đọc là { $shown }, 15 chữ số có nghĩa mà Excel hiển thị
i003-date = ô { $cell } là một ngày; bảng tiêu chí không có ngày: để trống
i003-date-help = Excel biến “1.10” gõ vào ô thành một ngày (1 tháng 10): hãy định dạng cột STT là văn bản
i003-unsaved = ô { $cell } chứa công thức `={ $formula }` nhưng không có giá trị: tệp được lưu mà chưa tính
unsaved-help = mở và lưu tệp bằng Excel/LibreOffice để giá trị được lưu lại
i003-error = ô { $cell } chứa lỗi { $error }: để trống
i004-no-header = không tìm thấy dòng tiêu đề (STT, Lĩnh vực/Tiêu chí, Điểm tối đa …): các cột được đọc là STT, tên, điểm tối đa, ghi chú
i004-no-header-help = giữ lại dòng tiêu đề của bảng để mỗi cột được đọc đúng ý nghĩa
i013-no-such-table = tệp có { $tables } bảng; không có bảng { $chosen }
i013-table-at = bảng { $table } ở các dòng { $from }–{ $to }
i013-several-tables = tệp có { $tables } bảng ({ $list }); đã nhập bảng 1
i013-several-tables-help = chọn bảng khác bằng `--table-number N`
i005-column-left-out = cột { $column } “{ $name }” không thuộc bộ tiêu chí: bỏ qua
i005-column-left-out-help = điểm hoặc điểm phấn đấu của một đơn vị thuộc về tệp dữ liệu của đơn vị (`[points]`), không thuộc bộ tiêu chí
i008-total-not-number = { $row }: tổng điểm “{ $total }” không phải là một số
i012-after-total = { $row } nằm sau dòng tổng điểm của bảng: không nhập (“{ $text }”)
i012-after-the-total = sau dòng tổng điểm
i019-numeric-ids = các ô STT của các dòng { $rows } là số trong bảng tính, nên “1.10” được đọc là 1.1: hãy kiểm tra các mã số này
i019-numeric-ids-help = định dạng cột STT là văn bản trong bảng tính
i007-no-rows = không tìm thấy dòng tiêu chí nào: mỗi dòng bắt đầu bằng số thứ tự của nó (1, 1.1, 1.1.1 …)
i006-wraps = { $row } tiếp tục ở { $next }: tên tiêu chí xuống dòng; đã nối lại
i006-one-row = một dòng
i015-roman = { $row }: lĩnh vực “{ $cell }” được đánh số { $id }
i016-rubric = { $row }: một dòng hướng dẫn chấm, giữ làm ghi chú của { $id }
i016-rubric-help = nếu nó nói cách cho điểm, hãy viết nó thành quy tắc của tiêu chí
i007-why-rubric = một dòng hướng dẫn chấm trước mọi tiêu chí
i006-no-stt = { $row } không có STT: đọc là phần còn lại của tên { $id }
i007-why-text = văn bản trước mọi tiêu chí
i007-why-max = điểm tối đa mà không có số thứ tự tiêu chí
i006-only-note = { $row } chỉ có ghi chú: giữ làm ghi chú của { $id }
i007-why-note = ghi chú trước mọi tiêu chí
i007-why-no-number = không có số thứ tự tiêu chí
i007-why-bad-number = “{ $cell }” không phải là số thứ tự tiêu chí
i018-no-title = { $row }: { $id } không có tên
i014-not-office = { $row }: “{ $cell }” trong cột chủ trì không phải tên một cơ quan: giữ làm ghi chú của { $id }
i014-not-office-help = đơn vị chủ trì là một cơ quan: Phòng …, Văn phòng …, Sở …, Trung tâm …
i017-placeholder = { $row }: { $id } không đánh giá “{ $reason }”: điều kiện của nó là đầu vào tạm `{ $name }`
i017-placeholder-help = thay đầu vào tạm bằng điều kiện thật, ví dụ `không đánh giá khi hồ_sơ_tiếp_nhận = 0 vì "…"`
i008-why-negative = âm
i009-no-max = { $row }: { $id } không có điểm tối đa: ghi là 0
i009-no-max-help = tiêu chí mà bảng để trống thường là không đánh giá năm nay: hãy ghi điểm tối đa theo quyết định
i008-bad-max = { $row }: điểm tối đa “{ $cell }” không phải là số điểm ({ $why }): để trống
i008-bad-max-help = ghi điểm tối đa dạng 1,5 hoặc 1.5
i007-not-understood = không hiểu { $row } ({ $why }): bỏ qua: “{ $preview }”
i007-this-row = dòng này
i010-repeats = { $row } lặp lại số { $id } của dòng { $first }
i010-repeats-help = lỗi đánh máy trong văn bản nguồn: đánh số lại dòng này (trình kiểm tra gợi ý số còn trống tiếp theo)
i011-no-parent = { $row }: bảng không có dòng { $id } phía trên: đã thêm { $id } không có tên
i011-no-parent-help = ghi tên và điểm tối đa của { $id } theo văn bản nguồn

## Đọc bảng tính và tệp dữ liệu
grid-utf16-odd = văn bản UTF-16 kết thúc giữa chừng một ký tự
grid-utf16-invalid = văn bản UTF-16 có một ký tự không hợp lệ ở byte { $byte }
grid-not-utf8 = bảng không phải là văn bản UTF-8: byte không hợp lệ ở vị trí { $offset } (dòng { $line })
grid-not-utf8-help = lưu bảng dưới dạng UTF-8 (Excel: “CSV UTF-8” hoặc “Unicode Text”); phông TCVN3/VNI cũ phải được chuyển sang Unicode trước
grid-damaged = sổ tính bị hỏng: không đọc được
grid-not-spreadsheet = không phải là bảng tính mà chiso đọc được (.xlsx, .xls, .ods): { $error }
grid-sheet-hidden = { $name } (ẩn)
grid-no-sheet = sổ tính không có trang tính nào
grid-all-hidden = mọi trang tính của sổ tính đều bị ẩn
grid-all-hidden-help = chọn trang tính cần đọc bằng --sheet; các trang tính: { $sheets }
grid-no-such-sheet = sổ tính không có trang tính `{ $sheet }`
grid-its-sheets = các trang tính: { $sheets }
grid-several-sheets = có nhiều trang tính tên `{ $sheet }`: { $sheets }
grid-several-sheets-help = ghi tên trang tính đúng như sổ tính viết
grid-cannot-read-sheet = không đọc được trang tính `{ $sheet }`: { $error }
d006-unknown-column = không có cột `{ $column }`: các giá trị của nó không được đọc
d012-column-repeats = cột `{ $column }` lặp lại cột { $first }: chỉ cột đầu tiên được đọc
d003-no-unit-column = trang tính không có cột `đơn vị` (unit)
d003-no-unit-column-help = dòng đầu tiên đặt tên các cột: `đơn vị`, rồi mỗi đầu vào một cột
d006-not-criterion = `{ $id }` không phải là tiêu chí của bộ tiêu chí
d006-not-criterion-suggest = `{ $id }` không phải là tiêu chí của bộ tiêu chí (có phải ý bạn là { $suggestion }?)
d006-columns-are = một cột là `đơn vị`, `năm`, `giai đoạn`, tên một đầu vào, mã số một tiêu chí (điểm), hoặc `tự chấm`/`không đánh giá`/`ghi chú`/`tlkc` theo sau là mã số tiêu chí
d001-unclosed-quote = một dấu ngoặc kép mở ô ở dòng { $line } nhưng không bao giờ đóng: đọc nguyên văn
d001-unclosed-quote-help = đóng dấu ngoặc kép, hoặc xoá nó
d012-no-header-value = giá trị trong cột không có tiêu đề không được đọc
cell-ref = ô { $cell }
d003-cell-error = { $cell } chứa lỗi bảng tính { $error }
d003-cell-error-help = sửa công thức trong bảng tính, hoặc gõ giá trị
d003-cell-unsaved = { $cell } chứa công thức `={ $formula }` nhưng không có giá trị: tệp được lưu mà chưa tính
d003-year-whole = năm phải là số nguyên, nhưng gặp `{ $found }`
d001-quote-names = tên TOML có chữ tiếng Việt phải đặt trong ngoặc kép: "hồ_sơ_tiếp_nhận" = 2534
d001-unit-file-holds = tệp đơn vị chứa `unit`, `year`, `stage`, `group` và các bảng [inputs], [points], [not_evaluated], [evidence], [notes], [claimed]
d001-not-toml = tệp dữ liệu không phải TOML hợp lệ: { $error }
d001-not-json = tệp dữ liệu không phải JSON hợp lệ: { $error }
d001-decimal-comma = số `{ $value }` viết bằng dấu phẩy thập phân, tệp TOML/JSON không đọc được như vậy
d001-decimal-comma-help = viết `{ $point }` (dấu chấm), hoặc đặt trong ngoặc kép: "{ $value }"
d001-json-decimal-comma-help = viết { $point } (dấu chấm), hoặc đặt trong ngoặc kép: "{ $value }"
d001-unquoted-text = chữ `{ $value }` phải đặt trong ngoặc kép
d001-unquoted-text-help = viết "{ $value }"; một con số thì viết không có chữ: 2534 hoặc "1,5"
d001-no-value = thiếu giá trị sau `=`
d001-no-value-help = viết một số (2534), hoặc "" nếu chưa có số liệu
d001-unclosed-table = tên bảng chưa đóng ngoặc vuông: viết [inputs], [points]…
d001-unclosed-string = ngoặc kép mở nhưng chưa đóng trên dòng này
d001-expected-equals = cần dấu `=` giữa tên và giá trị
d001-expected-equals-help = mỗi dòng viết "tên" = giá trị, ví dụ "hồ_sơ_tiếp_nhận" = 2534
d001-after-value = sau giá trị còn chữ thừa
d001-after-value-help = mỗi dòng một giá trị; số thập phân viết 1.5 hoặc "1,5"; chú thích bắt đầu bằng #
d001-json-trailing-comma = dấu phẩy thừa trước `{"}"}` hoặc `]`
d001-json-expected-value = cần một giá trị ở đây: một số, "chữ", true/false hoặc null
d001-json-eof = tệp kết thúc khi còn ngoặc `{"{"}` hoặc `[` chưa đóng
d001-json-key = tên phải đặt trong ngoặc kép: "unit", "inputs"
d001-json-colon = cần dấu `:` giữa tên và giá trị
d001-json-comma = cần dấu `,` giữa hai mục, hoặc ngoặc đóng
d001-given-twice = `{ $key }` được cho hai lần
d001-unknown-field = không có trường `{ $field }`
d001-fields = tệp đơn vị chứa unit, year, stage, group, decimal_separator, inputs, points, not_evaluated, evidence, notes, claimed
raw-an-object = một đối tượng
d003-row-no-unit = dòng này không ghi tên đơn vị
d003-row-no-unit-help = điền cột `đơn vị`

## Dòng lệnh: tiêu đề của clap
cli-usage-heading = Cách dùng:
cli-commands-heading = Lệnh
cli-command-value = LỆNH
cli-arguments-heading = Đối số
cli-options-heading = Tuỳ chọn
cli-error-invalid-value = giá trị `{ $value }` không hợp lệ cho `{ $arg }`; các giá trị được nhận: { $valid }
cli-error-invalid-value-plain = giá trị `{ $value }` không hợp lệ cho `{ $arg }`
cli-error-unknown-argument = không có đối số `{ $arg }`
cli-error-unknown-command = không có lệnh `{ $command }`
cli-error-missing-argument = thiếu đối số bắt buộc: { $arg }
cli-error-missing-command = thiếu lệnh: hãy chọn một lệnh (xem `chiso --help`)
cli-error-conflict = `{ $arg }` không dùng được cùng với `{ $other }`
cli-error-number-of-values = số giá trị cho `{ $arg }` không đúng
cli-error-other = dòng lệnh không hợp lệ
cli-error-tip = gợi ý
cli-error-similar-command = có lệnh gần giống: `{ $name }`
cli-error-similar-argument = có tuỳ chọn gần giống: `{ $name }`
cli-error-more = Xem thêm bằng `--help`.

## Dòng lệnh: giới thiệu các lệnh và đối số
cli-about = Ngôn ngữ quy tắc và công cụ chấm điểm Chỉ số cải cách hành chính (Chỉ số CCHC)
cli-arg-lang = Ngôn ngữ của thông báo và trợ giúp: vi (tiếng Việt, mặc định) hoặc en. Nếu không có, CHISO_LANG rồi đến locale (LC_ALL, LC_MESSAGES, LANG) quyết định
cli-arg-help = In trợ giúp
cli-arg-version = In phiên bản
cli-help-about = In trợ giúp này hoặc trợ giúp của lệnh đã cho
cli-check-about = Kiểm tra bộ tiêu chí và báo mọi vấn đề tìm thấy
cli-check-arg-rulesets = Các tệp bộ tiêu chí (.chiso)
cli-check-arg-format = Kết quả: văn bản cho người đọc, hoặc danh sách chẩn đoán dạng JSON
cli-score-about = Chấm điểm các đơn vị: một tệp dữ liệu, nhiều tệp, hoặc các thư mục chứa chúng (chấm chung một đợt)
cli-score-arg-ruleset = Bộ tiêu chí (.chiso)
cli-score-arg-data = Các tệp dữ liệu đơn vị (.toml hoặc .json), thư mục chứa chúng, hoặc bảng tính mỗi dòng một đơn vị (.csv, .xlsx, .xls, .ods); tất cả được chấm chung một đợt
cli-score-arg-format = Định dạng báo cáo (mặc định: theo phần mở rộng của `-o TỆP`, nếu không thì `table`)
cli-score-arg-output = Ghi báo cáo vào tệp này (an toàn, một lần) thay vì in ra màn hình
cli-score-arg-sheet = Trang tính cần đọc của sổ tính (mặc định trang hiển thị đầu tiên; trang ẩn chỉ khi được nêu tên)
cli-score-arg-decimal-separator = Cách các cột số thập phân, phần trăm và điểm của bảng tính viết số thập phân (cột số lượng luôn đọc `.`/`,` là dấu phân cách hàng nghìn)
cli-score-arg-targets = Các tệp điểm phấn đấu (tệp đơn vị có [points] ghi điểm dự kiến) hoặc thư mục chứa chúng, để so với kết quả đạt được của từng đơn vị
cli-explain-about = Giải thích điểm của một tiêu chí của một đơn vị hình thành thế nào, ở giai đoạn được tính (thẩm định nếu có, hoặc `--stage`); `--batch` cho các đơn vị mà `cao_nhất(…)` so sánh
cli-explain-arg-ruleset = Bộ tiêu chí (.chiso)
cli-explain-arg-data = Dữ liệu của đơn vị: một tệp đơn vị, hoặc bảng tính mỗi dòng một đơn vị (khi đó nêu tên đơn vị bằng --unit)
cli-explain-arg-id = Mã số tiêu chí, ví dụ 7.2.2 (mã số lĩnh vực hoặc tiêu chí có tiêu chí con thì giải thích tổng của nó)
cli-explain-arg-batch = Phần còn lại của đợt chấm: tệp, thư mục hoặc bảng tính của các đơn vị khác được chấm cùng (cần cho tiêu chí so với đơn vị cao nhất, `cao_nhất(…)`)
cli-explain-arg-unit = Đơn vị cần giải thích (theo tên), khi dữ liệu có nhiều đơn vị
cli-explain-arg-stage = Giai đoạn cần giải thích khi đơn vị có cả hai: self (tự đánh giá) hoặc appraised (thẩm định). Mặc định là giai đoạn được tính: thẩm định nếu có
cli-explain-arg-sheet = Trang tính cần đọc của sổ tính (mặc định trang hiển thị đầu tiên; trang ẩn chỉ khi được nêu tên)
cli-test-about = Chạy các kiểm thử viết trong bộ tiêu chí
cli-test-arg-rulesets = Các tệp bộ tiêu chí có khối `kiểm thử` cần chạy
cli-advise-about = Cần gì để tăng điểm: thay đổi nhỏ nhất ở mỗi đầu vào để tăng điểm của đơn vị hoặc đạt xếp loại kế tiếp, tìm bằng cách tính theo bộ tiêu chí (không bao giờ giảm mẫu số, không bao giờ để phần lớn hơn tổng); ở giai đoạn được tính, hoặc `--stage`
cli-advise-arg-ruleset = Bộ tiêu chí (.chiso)
cli-advise-arg-data = Dữ liệu của đơn vị và phần còn lại của đợt chấm: tệp đơn vị, thư mục hoặc bảng tính
cli-advise-arg-unit = Đơn vị cần gợi ý (theo tên); cần khi dữ liệu có nhiều đơn vị
cli-advise-arg-stage = Giai đoạn cần gợi ý khi đơn vị có cả hai: self (tự đánh giá) hoặc appraised (thẩm định). Mặc định là giai đoạn được tính: thẩm định nếu có
cli-advise-arg-sheet = Trang tính cần đọc của sổ tính (mặc định trang hiển thị đầu tiên; trang ẩn chỉ khi được nêu tên)
cli-template-about = Ghi phiếu nhập liệu của một đơn vị chủ trì (các đầu vào và tiêu chí của nó) dạng TOML hoặc .xlsx
cli-template-arg-ruleset = Bộ tiêu chí (.chiso)
cli-template-arg-owner = Đơn vị chủ trì cần ghi phiếu, như bộ tiêu chí gọi tên
cli-template-arg-list = Liệt kê các đơn vị chủ trì mà bộ tiêu chí nêu tên
cli-template-arg-unit = Đơn vị mà phiếu dành cho (ghi trên phiếu)
cli-template-arg-year = Năm (mặc định là năm của bộ tiêu chí)
cli-template-arg-stage = Giai đoạn: self (tự đánh giá, mặc định) hoặc appraised (thẩm định)
cli-template-arg-group = Nhóm của đơn vị, một nhóm bộ tiêu chí khai báo (điền sẵn trên phiếu)
cli-template-arg-deadline = Hạn gửi in trên phiếu ("25/11/2023")
cli-template-arg-output = Ghi phiếu vào đây: `.xlsx` cho sổ tính, phần mở rộng khác cho TOML. Không có thì in TOML ra màn hình
cli-merge-about = Gộp các phiếu đã điền của các đơn vị chủ trì thành một tệp đơn vị, báo các mâu thuẫn và chỗ còn thiếu
cli-merge-arg-ruleset = Bộ tiêu chí (.chiso)
cli-merge-arg-forms = Các phiếu đã điền của các đơn vị chủ trì (.toml hoặc .xlsx do `chiso template` ghi)
cli-merge-arg-output = Ghi tệp đơn vị đã gộp vào đây (TOML); không có thì in ra màn hình
cli-merge-arg-force = Ghi đè một tệp kết quả không trống ngay cả khi các phiếu không cho giá trị nào
cli-import-about = Chuyển một bảng tiêu chí đã ban hành (văn bản TSV/CSV hoặc sổ tính) thành khung bộ tiêu chí
cli-import-arg-table = Bảng tiêu chí: văn bản phân cách bằng tab hoặc CSV (.txt, .tsv, .csv), hoặc sổ tính (.xlsx, .xls, .ods)
cli-import-arg-output = Ghi khung bộ tiêu chí vào đây (mặc định: in ra)
cli-import-arg-title = Tên bộ tiêu chí (mặc định: dòng tiêu đề phía trên bảng)
cli-import-arg-issuer = Cơ quan ban hành, ví dụ "UBND tỉnh Điện Biên"
cli-import-arg-decree = Số quyết định, ví dụ "2270/QĐ-UBND"
cli-import-arg-year = Năm
cli-import-arg-level = Cấp đơn vị mà bảng chấm điểm
cli-import-arg-sheet = Trang tính của sổ tính (mặc định: trang đầu tiên)
cli-import-arg-table-number = Bảng nào của tệp có nhiều bảng (1 = bảng đầu tiên)
cli-fmt-about = Viết lại bộ tiêu chí theo bố cục chuẩn (`--check` để chỉ báo)
cli-fmt-arg-files = Các tệp bộ tiêu chí (.chiso); `-` đọc từ đầu vào chuẩn và ghi kết quả ra đầu ra chuẩn
cli-fmt-arg-check = Không thay đổi gì; liệt kê các tệp chưa đúng bố cục và thoát với mã 1 nếu có (cho CI)
cli-diff-about = So sánh bộ tiêu chí của hai năm: tiêu chí được đánh số lại, đổi điểm, tách, gộp, thêm, bỏ; với --data, thay đổi đó tác động thế nào đến các đơn vị năm trước
cli-diff-arg-old = Bộ tiêu chí năm trước (.chiso)
cli-diff-arg-new = Bộ tiêu chí mới (.chiso)
cli-diff-arg-format = Định dạng kết quả
cli-diff-arg-output = Ghi báo cáo vào đây (mặc định: in ra)
cli-diff-arg-mapping = Tệp ánh xạ đã rà soát (mã cũ -> mã mới), thay cho các cặp đoán tự động
cli-diff-arg-write-mapping = Ghi ánh xạ đã dùng (đoán, hoặc như đã cho) vào tệp này để rà soát
cli-diff-arg-data = Các tệp đơn vị năm trước (TOML/JSON, hoặc thư mục chứa chúng), được chấm theo cả hai bộ tiêu chí

## So sánh hai bộ tiêu chí (chiso diff)
diff-summary = { $matched } tiêu chí khớp ({ $changed } có thay đổi), { $removed } bị bỏ, { $added } được thêm, { $split } được tách, { $merged } được gộp; { $header } thay đổi ở phần đầu, { $inputs } thay đổi ở đầu vào
diff-head-header = Phần đầu bộ tiêu chí
diff-head-changed = Tiêu chí có thay đổi
diff-head-splits = Tách và gộp
diff-head-removed = Bị bỏ
diff-head-added = Được thêm
diff-head-inputs = Đầu vào
diff-head-impact = Ảnh hưởng đến các đơn vị năm trước
diff-impact-columns = đơn vị | cũ | xếp loại | hạng | mới | xếp loại | hạng | thay đổi
diff-split = tách { $old } → { $new }
diff-merged = gộp { $old } → { $new }
diff-node-max = { $node } (tối đa { $max })
diff-renumbered = đánh số lại { $old } → { $new }
diff-title = tên "{ $old }" → "{ $new }"
diff-max = điểm tối đa { $old } → { $new }
diff-owner = chủ trì { $old } → { $new }
diff-source = nguồn điểm { $old } → { $new }
diff-rule = quy tắc { $old } → { $new } ({ $details })
diff-sum-of-children = tổng điểm các tiêu chí con
diff-not-evaluated = không đánh giá { $old } → { $new }
diff-not-evaluated-when = khi { $condition } vì "{ $reason }"
diff-not-evaluated-always = luôn luôn, vì "{ $reason }"
diff-bonus = điểm thưởng { $old } → { $new }
diff-yes = có
diff-no = không
diff-moved = chuyển từ { $old } sang { $new }
diff-moved-area = chuyển từ { $old } sang { $new } (sang lĩnh vực khác)
diff-input-added = thêm { $name }
diff-input-removed = bỏ { $name }
diff-input-renamed-to = đổi tên { $old } → { $new }
diff-input-type = kiểu { $old } → { $new }
diff-description-changed = mô tả đã đổi
diff-awarded-to-formula = điểm do hội đồng chấm chuyển thành công thức
diff-formula-to-awarded = công thức chuyển thành điểm do hội đồng chấm
diff-sum-to-rule = tổng điểm của tiêu chí cha chuyển thành quy tắc của tiêu chí lá
diff-rule-to-sum = quy tắc của tiêu chí lá chuyển thành tổng điểm của tiêu chí cha
diff-new-input = đầu vào mới { $name }
diff-input-renamed = đầu vào { $old } đổi tên thành { $new }
diff-input-unused = đầu vào { $name } không còn được dùng
diff-band-edge = mốc bậc { $old } → { $new }
diff-band-edges = các mốc bậc ({ $old }) → ({ $new })
diff-factor = hệ số { $old } → { $new }
diff-factors = các hệ số ({ $old }) → ({ $new })
diff-wording-changed = cách viết quy tắc đã đổi
diff-points-of-percent = { $change } điểm phần trăm
diff-rank-change = hạng #{ $old } → #{ $new }
diff-grade-change = xếp loại { $old } → { $new }
diff-incomplete = chưa đủ dữ liệu; các tiêu chí đã chấm { $achieved }/{ $max } = { $percent }
diff-old = cũ
diff-new = mới
diff-change = thay đổi
diff-more = … còn { $count } mục nữa
diff-missing-input = thiếu đầu vào { $name } (cần cho { $ids })
diff-no-points-carried = không chuyển được điểm cho { $ids }
diff-carried-in-proportion = chuyển theo tỷ lệ: { $what }
diff-dropped = bỏ đi: { $what }
diff-drivers-and-gaps = { $unit } — nguyên nhân thay đổi và chỗ thiếu
diff-dropped-no-points = { $entry } ({ $id } không nhận điểm)
diff-rescaled = { $old } → { $new }: { $value } trên { $old_max } → { $carried } trên { $new_max }
diff-none = không có
diff-gain-lose = Tăng: { $up }; giảm: { $down }; không đổi hoặc không so sánh được: { $same }
diff-what = mục
diff-criteria = Tiêu chí
diff-changes = thay đổi
diff-max-column = tối đa
diff-removed = bị bỏ
diff-added = được thêm
diff-split-of = tách từ { $id }
diff-merges = gộp { $ids }
diff-split-into = tách thành { $ids }
diff-merged-away = được gộp
diff-h-total = tổng điểm
diff-h-year = năm
diff-h-decree = quyết định
diff-h-level = cấp
diff-h-grade-on = xếp loại theo
diff-h-bonus-max = điểm thưởng tối đa
diff-h-penalty-max = điểm trừ tối đa
diff-h-bonus-above-max = điểm thưởng vượt tối đa
diff-h-floor = điểm sàn
diff-h-display-places = số chữ số hiển thị
diff-h-percent-from-rounded-total = phần trăm tính từ tổng điểm đã làm tròn
diff-h-zero-denominator = mẫu số bằng 0
diff-h-stages = giai đoạn
diff-h-groups = nhóm
diff-h-grade = xếp loại { $name }
diff-h-rounding = làm tròn { $name }
diff-h-count = số { $name }
diff-h-share = tỷ trọng { $name }
diff-h-bonus-item = điểm thưởng { $name }
diff-h-penalty-item = điểm trừ { $name }
diff-value-number = { $value }
diff-value-decree-dated = { $decree } ngày { $date }
diff-value-points = điểm
diff-value-band-points = { $band } điểm
diff-value-band-percent = { $band }%
diff-value-item = “{ $title }”: { $rule }
diff-value-item-capped = “{ $title }”, tối đa { $max }: { $rule }
diff-word-areas = lĩnh vực
diff-word-criteria = tiêu chí
diff-word-subcriteria = tiêu chí thành phần
diff-word-self = tự đánh giá
diff-word-survey = điều tra xã hội học
diff-word-satisfaction = mức độ hài lòng
diff-word-ratio = tỷ lệ
diff-word-score = điểm
diff-word-total = tổng điểm
diff-word-percent = phần trăm
diff-word-department = sở
diff-word-district = huyện
diff-word-commune = xã
diff-word-province = tỉnh
diff-word-ministry = bộ
diff-word-not-evaluated = không đánh giá
diff-word-zero = bằng 0
diff-word-error = báo lỗi
mapping-expected-arrow = dòng { $line }: cần có dạng `CŨ -> MỚI`
mapping-both-empty = dòng { $line }: cả hai vế đều trống
mapping-many-to-many = dòng { $line }: nhiều-nhiều không phải là một ánh xạ; ghi mỗi cặp một dòng
mapping-header =
    ánh xạ của chiso diff: mã số cũ -> mã số mới (`-`: không có). Hãy rà soát, rồi truyền lại bằng --mapping.
    cũ: { $old }
    mới: { $new }
diff-kind-id = mã số
diff-kind-title = tên
diff-kind-max = điểm tối đa
diff-kind-owner = chủ trì
diff-kind-source = nguồn điểm
diff-kind-rule = quy tắc
diff-kind-not-evaluated = không đánh giá
diff-kind-bonus = điểm thưởng
diff-kind-moved = vị trí
diff-in-year = năm { $year }
diff-in-last-year = trong bộ tiêu chí năm trước
diff-was-unchanged = { $year } là tiêu chí { $id } ({ $points } điểm), không thay đổi
diff-was-changed = { $year } là tiêu chí { $id } ({ $points } điểm); đã đổi: { $kinds }
diff-split-from = tách từ { $id } ({ $points } điểm) { $year }
diff-id-points = { $id } ({ $points } điểm)
diff-merged-from = gộp từ { $parts } { $year }
diff-new-not-in-year = mới: không có trong bộ tiêu chí năm { $year }
diff-new-not-in-last-year = mới: không có trong bộ tiêu chí năm trước
diff-mapping-no-old-criterion = tệp ánh xạ: bộ tiêu chí cũ không có tiêu chí { $id }
diff-mapping-no-new-criterion = tệp ánh xạ: bộ tiêu chí mới không có tiêu chí { $id }
diff-mapping-already-mapped = tệp ánh xạ: { $old } → { $new } nhắc đến một tiêu chí đã được ánh xạ
diff-mapping-many-to-many = tệp ánh xạ: { $old } → { $new }: nhiều-nhiều không phải là một ánh xạ
diff-mapping-no-old-input = tệp ánh xạ: bộ tiêu chí cũ không có đầu vào { $name }
diff-mapping-no-new-input = tệp ánh xạ: bộ tiêu chí mới không có đầu vào { $name }

## Giải thích điểm (chiso explain)
explain-unit = đơn vị
explain-unit-stage = { $unit }, giai đoạn { $label } ({ $stage })
explain-path = vị trí
explain-maximum = điểm tối đa
explain-owner = chủ trì
explain-reference = căn cứ
explain-rule = quy tắc
explain-sum-of-children = tổng điểm các tiêu chí con
explain-steps = các bước
explain-result = kết quả
explain-result-of = { $score } trên { $max }
explain-not-evaluated = không đánh giá: { $reason }
explain-survey = để cho điều tra xã hội học (chưa có điểm điều tra)
explain-missing = thiếu dữ liệu
explain-note = lưu ý
explain-best-alone = quy tắc này so đơn vị với đơn vị cao nhất trong đợt chấm (cao_nhất(…)), nhưng không có đơn vị nào khác: đơn vị đã được so với chính nó. Hãy đưa các đơn vị khác bằng --batch TỆP… để có số điểm của cả đợt.
explain-evidence = tài liệu kiểm chứng

## Gộp phiếu (chiso merge)
merge-conflict = mâu thuẫn ở [{ $table }] `{ $key }`: { $values } — chưa gộp; hãy thống nhất một giá trị rồi gộp lại
merge-versus = hay
merge-no-office = không đơn vị nào
merge-foreign = { $form } cho [{ $table }] `{ $key }`, mục thuộc về { $owners }
merge-gap-word = thiếu
merge-gap = [{ $table }] `{ $key }` chưa có trong phiếu nào
merge-gap-for = (cho { $criteria })
merge-summary = đã gộp { $forms } phiếu: { $values } giá trị, { $conflicts } mâu thuẫn, { $gaps } chỗ thiếu
merge-summary-claimed = tổng điểm tự chấm { $claimed }

## Gợi ý tăng điểm (chiso advise)
advice-head = { $unit } ({ $stage }) — { $points } điểm, chỉ số { $percent }, xếp loại { $grade }
advice-next-grade = Xếp loại kế tiếp: { $grade } (từ { $from })
advice-no-grades = Bộ tiêu chí này không có xếp loại.
advice-incomplete = Chưa xếp loại được: số liệu của đơn vị chưa đủ.
advice-top-grade = Không có xếp loại cao hơn.
advice-nothing = Không thay đổi một đầu vào nào làm tăng điểm.
advice-nearest = bước gần nhất
advice-most-effective = hiệu quả nhất
advice-next-grade-change = lên xếp loại trên
advice-not-enough = không đủ nếu chỉ thay đổi đầu vào này
advice-input = { $name } (hiện { $now })
advice-evaluations = ({ $count } lần tính điểm)
advice-amount-percent = { $amount } điểm %
advice-amount-days = { $amount } ngày
advice-change = { $from } → { $to }, +{ $gain } điểm (tổng { $total }, { $percent }{ $grade })

## Thông báo của dòng lệnh
cli-cannot-read = không đọc được { $file }: { $error }
cli-cannot-read-stdin = không đọc được đầu vào chuẩn: { $error }
cli-cannot-read-folder = không đọc được thư mục { $folder }: { $error }
cli-not-utf8 = { $file } không phải là văn bản UTF-8 (byte { $byte }): hãy lưu nó dạng UTF-8
cli-in-file = trong { $file }
cli-check-summary = { $errors } lỗi, { $warnings } cảnh báo; { $nodes } tiêu chí, { $inputs } đầu vào, { $tests } kiểm thử
cli-merge-empty = các phiếu không cho giá trị nào: không ghi đè { $file } bằng một tệp đơn vị trống (dùng --force nếu vẫn muốn)
cli-merge-header = Gộp bởi chiso từ các phiếu: { $forms }
cli-man-name = TÊN
cli-man-synopsis = CÚ PHÁP
cli-man-description = MÔ TẢ
cli-man-version = PHIÊN BẢN
cli-man-authors = TÁC GIẢ
cli-ruleset-is-data = { $file } là tệp số liệu, không phải bộ tiêu chí (.chiso): bộ tiêu chí đứng trước, số liệu sau: chiso score BỘ_TIÊU_CHÍ SỐ_LIỆU…
cli-previous-data-without-ruleset = --previous-data đi cùng bộ tiêu chí năm trước (.chiso), không đi cùng { $file }
cli-previous-needs-data = { $file }: bộ tiêu chí năm trước cần số liệu năm trước: thêm --previous-data TỆP
cli-previous-ruleset-errors = { $file }: bộ tiêu chí năm trước có lỗi
cli-previous-data-problems = số liệu năm trước ({ $file }) có vấn đề: chạy `chiso score` trên đó để xem
cli-previous-new-unit = “{ $unit }” không có trong kết quả năm trước ({ $file })
cli-previous-gone-unit = “{ $unit }” của kết quả năm trước ({ $file }) không có trong năm nay
previous-not-json = không phải kết quả JSON của chiso: dòng { $line }, cột { $column }: { $message }
previous-not-array = không phải kết quả JSON của chiso: cần mảng mà `chiso score … --format json` ghi ra
previous-entry-not-object = mục { $entry }: cần một đối tượng JSON
previous-entry-no-unit = mục { $entry }: không có tên đơn vị `unit`
previous-not-number = { $unit }: `{ $field }` không phải một số: { $value }
previous-not-rank = { $unit }: `{ $field }` không phải một thứ hạng: { $value }
cli-expected = cần { $words }
cli-no-criterion = không có tiêu chí `{ $id }` trong { $file }
cli-no-criterion-suggest = không có tiêu chí `{ $id }` trong { $file } (có phải ý bạn là { $suggestion }?)
cli-fmt-not-formatted = chưa đúng bố cục chuẩn
cli-fmt-formatted = đã viết lại theo bố cục chuẩn
cli-fmt-syntax-errors = không viết lại vì các lỗi cú pháp ở trên
cli-fmt-would-reformat = { $files } tệp cần viết lại theo bố cục chuẩn: hãy chạy `chiso fmt` trên chúng
fmt-syntax-errors = tệp có { $count } lỗi cú pháp; hãy sửa chúng trước
fmt-unsafe = không viết lại: bố cục mới sẽ làm thay đổi bộ tiêu chí ({ $why })
cli-import-nothing = không nhập được gì
import-comment-imported = Tạo bằng `chiso import` từ { $source }, dòng { $first }–{ $last }.
import-comment-a-table = một bảng
import-comment-review =
    Hãy đối chiếu từng dòng với văn bản gốc: tên, điểm tối đa, đơn vị chủ trì, nhãn điều tra
    xã hội học, và từng điều kiện tạm của mỗi mệnh đề "không đánh giá".
import-comment-above = Phía trên bảng:
import-comment-total = tổng điểm của bảng (dòng { $row })
import-comment-placeholders =
    Điều kiện tạm cho các mệnh đề "không đánh giá": thay mỗi điều kiện bằng điều kiện thật
    theo số liệu của đơn vị, hoặc giữ nguyên và cho giá trị của nó trong dữ liệu của đơn vị.
import-comment-repeats = dòng { $row }: bảng lặp lại số { $id } của dòng { $first }
import-comment-no-row = bảng không có dòng cho { $id }: đã thêm phía trên dòng { $row }
import-comment-no-max = dòng { $row }: bảng để trống điểm tối đa
import-comment-bad-max = dòng { $row }: không đọc được điểm tối đa của bảng (xem lỗi I008): ghi 0 tạm thời
cli-import-summary = bảng { $table } trên { $tables }, dòng { $first }–{ $last }: { $areas } lĩnh vực, { $criteria } tiêu chí, { $subcriteria } tiêu chí thành phần ({ $survey } điều tra, { $satisfaction } hài lòng, { $bonus } điểm thưởng, { $not_evaluated } không đánh giá); { $errors } lỗi, { $warnings } cảnh báo
cli-targets-no-unit = điểm phấn đấu cho “{ $unit }” không khớp đơn vị nào của đợt chấm
cli-not-scored = không chấm điểm vì các lỗi ở trên
cli-left-out = bỏ qua vì các lỗi ở trên
cli-refuse-input = không ghi đè { $file }: đó là một tệp đầu vào của lệnh này (hãy ghi kết quả ra tệp khác)
cli-cannot-create-temp = không tạo được tệp tạm trong { $folder }: { $error }
cli-cannot-write = không ghi được { $file }: { $error }
cli-binary-terminal = định dạng này là nhị phân: hãy ghi nó ra tệp bằng --output TỆP
cli-cannot-write-stdout = không ghi được ra đầu ra chuẩn: { $error }
cli-test-expectations = { $count } mong đợi
cli-test-broken = { $count } bộ tiêu chí có lỗi và không được kiểm thử
cli-test-summary = { $passed } đạt, { $failed } không đạt
cli-template-items = { $count } mục
cli-unknown-stage = không có giai đoạn `{ $stage }`: hãy viết { $words }
cli-unknown-group = không có nhóm “{ $group }”: hãy viết một trong { $groups }

## Chọn đơn vị cho một lệnh
unit-choice-no-unit = không có đơn vị “{ $name }” trong dữ liệu (các đơn vị: { $units })
unit-choice-nothing = { $file }: không đọc được đơn vị nào từ tệp này
unit-choice-several = { $file } có { $count } đơn vị: hãy nêu tên một đơn vị bằng --unit ({ $units })
unit-choice-no-stage = { $unit } không có dữ liệu { $asked_label } ({ $asked }): dữ liệu chỉ có { $given_label } ({ $given })

## Việc còn thiếu của đơn vị
missing-input = đầu vào `{ $name }` (cho { $ids })
missing-input-described = đầu vào `{ $name }` — { $description } (cho { $ids })
missing-points = điểm của { $id } “{ $title }” (0–{ $max })
missing-no-owner = (chưa có đơn vị chủ trì)

## Khác
with-help = { $message } ({ $help })
in-file = { $file }: { $message }
form-not-a-form = không có dòng nào có tiêu đề `Loại` — không phải phiếu do `chiso template` ghi

## Dòng lệnh: giá trị
cli-options-value = [TUỲ CHỌN]
cli-possible-values = giá trị: { $values }
cli-default-value = mặc định: { $value }

## Lỗi của hệ thống tệp
io-not-found = không có tệp hoặc thư mục này
io-permission-denied = không có quyền truy cập
io-already-exists = tệp đã có
io-is-a-directory = đây là một thư mục
io-not-a-directory = không phải là thư mục
io-storage-full = ổ đĩa đã đầy
io-read-only = hệ thống tệp chỉ cho đọc

## Kiểm thử (chiso test)
cli-test-ok = đạt
cli-test-fail = KHÔNG ĐẠT

## Trang hướng dẫn, đầu vào chuẩn
cli-man-cannot-render = không tạo được trang hướng dẫn: { $error }
cli-cannot-create-folder = không tạo được thư mục { $folder }: { $error }
cli-stdin-twice = đầu vào chuẩn (-) được cho hai lần: chỉ một đầu vào có thể đến từ đó

## Dòng lệnh: màu, gợi ý gõ lệnh, trang hướng dẫn
cli-arg-color = Khi nào tô màu chẩn đoán và thanh tiến trình: `auto` tô màu khi ra màn hình trừ khi đặt NO_COLOR (CLICOLOR_FORCE tô màu cả khi chuyển qua ống)
cli-completions-about = In tập lệnh gợi ý gõ lệnh cho bash, zsh, fish, powershell hoặc elvish (ví dụ `chiso completions bash > ~/.local/share/bash-completion/completions/chiso`)
cli-completions-arg-shell = Trình lệnh (shell): bash, zsh, fish, powershell hoặc elvish
cli-man-about = In trang hướng dẫn (roff; `man -l -` đọc được), hoặc ghi mỗi lệnh một trang với `--dir`
cli-man-arg-dir = Ghi `chiso.1` và mỗi lệnh một trang vào thư mục này thay vì in `chiso.1`

## Điểm thưởng, điểm trừ, tổng điểm (hợp nhất)
t001-expected-total-but = mong đợi tổng điểm = { $expected }, nhưng { $why }
t001-expected-total = mong đợi tổng điểm = { $expected }, nhưng được { $got }
e001-adjustment-holds = một mục điểm thưởng hoặc điểm trừ chứa: điểm =, tối đa (mức trần mỗi năm), chủ trì, ghi chú và căn cứ
expected-adjustment = `điểm thưởng`/`bonus` hoặc `điểm trừ`/`penalty`
expected-places = `chữ số`/`places`
expected-on = `theo`/`on`

## Xếp loại theo điểm (hợp nhất)
advice-points = { $points } điểm
e016-open-above-help = điểm thưởng có thể đưa tổng điểm vượt điểm tối đa (`điểm thưởng vượt tối đa`): xếp loại cao nhất phải mở phía trên (`từ …`)

## Xếp loại theo điểm: chẩn đoán (hợp nhất)
e016-percent-band-on-points = bộ tiêu chí xếp loại theo điểm, nhưng khoảng này được viết bằng %
e016-percent-band-on-points-help = viết khoảng theo điểm của tổng điểm (`từ 15`), hoặc xếp loại theo tỷ lệ phần trăm (bỏ `xếp loại theo điểm`)
e016-grade-gap-points = các mức xếp loại theo điểm để hở: tổng điểm { $gap } không được xếp loại nào

## Điểm thưởng, điểm trừ
adjust-rule = quy tắc: { $rule }
adjustment-kind-bonus = điểm thưởng
adjustment-kind-penalty = điểm trừ
adjustment-name = { $kind } { $id }
adjustment-title = { $kind } { $id } “{ $title }”
e017-display-places = báo cáo in tối đa 28 chữ số thập phân
e026-below-zero = quy tắc của { $item } có thể cho điểm dưới 0: { $reach }
e026-no-lower-limit = nó không có giới hạn dưới
e026-reaches = nó có thể xuống tới { $value }
e026-penalty-help = ghi số điểm bị trừ bằng một số dương (`số_vi_phạm × 0,5`); vì đây là khoản điểm trừ nên số điểm đó được trừ khỏi tổng điểm
e026-bonus-help = điểm thưởng phải từ 0 trở lên; muốn trừ điểm thì khai báo một khoản điểm trừ (`điểm trừ`)
e009-item-not-number = điểm của { $item } phải là một số, nhưng gặp { $found }
e025-no-rule = { $item } chưa có quy tắc tính điểm
e025-no-rule-help = ghi số điểm được cộng hoặc bị trừ: `điểm = số_vi_phạm × 0,5`; điểm do hội đồng quyết định thì lấy từ một đầu vào kiểu `điểm`
e025-what-awarded = `hội đồng chấm` (điểm hội đồng chấm cho một tiêu chí)
e025-what-best = `cao_nhất(…)`
e025-what-max = `tối đa` khi khoản này không có mức tối đa riêng (`tối đa N` ở khoản đó)
e025-outside-tree = { $what } không có nghĩa trong { $item }, vì khoản này nằm ngoài cây tiêu chí
e025-outside-tree-help = điểm thưởng, điểm trừ được tính từ các đầu vào của đơn vị; điểm do hội đồng quyết định thì lấy từ một đầu vào kiểu `điểm`
e027-floor-above-total = điểm sàn { $floor } cao hơn tổng điểm tối đa của cây tiêu chí ({ $total })
d009-item-below-zero = { $item }: quy tắc cho { $value }, dưới 0
explain-item-capped = giới hạn bởi mức tối đa riêng { $cap }: { $computed } → { $points }
explain-adjustment-applied = { $kind } tính cho đơn vị: { $points }; tổng điểm { $before } → { $after }
explain-adjustment-applied-capped = { $kind } tính cho đơn vị: { $points } (tổng các khoản { $kind } tối đa { $cap }); tổng điểm { $before } → { $after }

## Dòng lệnh: số chữ số hiển thị (hợp nhất)
cli-score-arg-decimals = In tổng điểm của mỗi đơn vị với đúng số chữ số thập phân này (86,471, 85,900), bất kể phép tính làm tròn thế nào; thay cho `hiển thị N chữ số` / `display N places` của bộ tiêu chí

## Giai đoạn, nhóm, vòng thẩm định, so sánh năm trước (hợp nhất)
expected-stages = `giai đoạn`/`stages`
expected-group = `nhóm`/`group`
cli-score-arg-jobs = Chấm trên chừng này luồng (mặc định: bằng số luồng của máy); báo cáo như nhau dù chọn bao nhiêu luồng
cli-score-arg-previous = Kết quả năm trước (so với năm trước): báo cáo `--format json` của chính chiso năm trước, hoặc bộ tiêu chí năm trước (.chiso) cùng `--previous-data`; chỉ số năm trước của mỗi đơn vị, mức thay đổi về điểm, tỷ lệ phần trăm và thứ hạng, cùng sự thay đổi xếp loại được thêm vào báo cáo (đơn vị được ghép theo tên)
cli-score-arg-previous-data = Số liệu năm trước (tệp, thư mục, bảng tính), chấm theo bộ tiêu chí mà `--previous` nêu
d003-no-group = đơn vị không ghi nhóm
d003-no-group-help = bộ tiêu chí xếp hạng các đơn vị theo nhóm: hãy ghi `group = …` (cột `Nhóm` trong bảng tính), một trong các nhóm { $groups }
d003-group-undeclared = nhóm “{ $group }”: bộ tiêu chí không khai báo nhóm nào
d003-group-undeclared-help = hãy khai báo các nhóm ở phần đầu bộ tiêu chí (`nhóm "Khối sở"`), hoặc bỏ nhóm đi
d003-unknown-group = không có nhóm “{ $group }”
d003-group-did-you-mean = có phải ý bạn là “{ $group }”? Các nhóm là { $groups }
d003-groups-are = các nhóm là { $groups }
e017-stage-count = khai báo { $count } giai đoạn: một bộ tiêu chí chấm phần tự đánh giá và từ 1 đến { $rounds } vòng thẩm định
e017-stage-count-help = hãy viết `giai đoạn "Tự đánh giá", "Thẩm định", "Thẩm định lại"`
e023-stage-twice = giai đoạn này được khai báo hai lần
e017-stage-word = “{ $name }” là từ của giai đoạn { $stage } (`{ $word }`), không phải của giai đoạn { $position }
e017-stage-order = phần tự đánh giá đứng đầu, sau đó là các vòng thẩm định theo thứ tự

## Báo cáo (chiso score): tiêu đề, cột, nhãn — theo ngôn ngữ người đọc (--lang)
report-col-id = Mã
report-col-criterion = Tiêu chí
report-col-max = Tối đa
report-col-points = Điểm
report-col-lost = Bị mất
report-col-note = Ghi chú
report-col-self = Tự chấm
report-col-computed = Tính từ số liệu
report-col-appraised = Thẩm định
report-col-difference = Chênh lệch
report-col-council-note = Ghi chú của hội đồng
report-col-achieved = Đạt
report-col-owner = Chủ trì
report-col-target = Phấn đấu
report-col-rank = Hạng
report-col-unit = Đơn vị
report-col-points-achieved = Điểm đạt
report-col-band = Khoảng
report-col-unit-count = Số đơn vị
report-col-group = Nhóm
report-col-last-index = Chỉ số năm trước
report-col-change-percent = Tăng/giảm (%)
report-col-change-points = Điểm tăng/giảm
report-col-last-rank = Hạng năm trước
report-col-rank-change = Thay đổi hạng
report-col-max-points = Điểm tối đa
report-col-data-source = Nguồn số liệu
report-col-index-band = Khoảng chỉ số
report-col-warning = Cảnh báo
report-col-code = Mã lỗi
report-col-place = Vị trí
report-col-message = Nội dung
report-col-gap = Đạt − phấn đấu
report-index = Chỉ số
report-par-index = Chỉ số CCHC
report-grade = Xếp loại
report-source = Nguồn
report-total = TỔNG
report-total-word = Tổng
report-total-scored = TỔNG (các tiêu chí đã chấm)
report-total-points = Tổng điểm
report-not-evaluated-short = KĐG
report-target-met = đạt
report-target-not-met = chưa đạt
report-incomplete = chưa đủ số liệu
report-incomplete-so-far = chưa đủ số liệu: điểm đã chấm được
report-not-scored = không chấm được
report-not-scored-errors = không chấm được: số liệu có lỗi
report-not-scored-title = { $unit } — { $ruleset } (không chấm được: số liệu có lỗi)
report-ungraded = Chưa xếp loại
report-mean = Bình quân
report-mean-index = Chỉ số bình quân
report-units = { $count ->
       *[other] đơn vị
    }
report-areas = Lĩnh vực
report-area-abbrev = LV
report-max-points = tối đa { $max } điểm
report-points-out-of = { $points } / { $max } điểm
report-stage-points = điểm { $stage }
report-status-not-evaluated = không đánh giá: { $reason }
report-status-survey = chờ điều tra XHH
report-status-missing = thiếu số liệu
report-status-failed = lỗi số liệu
report-bonus = Điểm thưởng
report-penalty = Điểm trừ
report-adjust-capped = tính được { $computed }, tối đa { $cap }
report-adjust-summary = Điểm các tiêu chí: { $criteria }   Điểm thưởng được cộng: { $bonus }   Điểm trừ: { $penalty }
report-ranking-heading = Xếp hạng Chỉ số CCHC ({ $stage }){ $group } — { $ruleset }
report-grade-distribution = Phân bố xếp loại
report-area-indices = Chỉ số thành phần theo lĩnh vực (%)
report-self-and-appraisal = Tự đánh giá và thẩm định
report-lost-heading = Điểm bị mất
report-targets-heading = Điểm phấn đấu và kết quả
report-survey-stage = { $stage } { $points } điểm
report-survey-pending = Chờ điều tra XHH (ngoài tổng trên): { $stages }.
report-flags = { $count } tiêu chí: điểm tự chấm khác điểm tính từ số liệu của đơn vị.
report-rounds-heading = Tự đánh giá và các vòng thẩm định
report-round-vs-self = { $round }: { $change } so với tự chấm
report-round-vs-previous = { $change } so với vòng trước
report-rounds-total-difference = Chênh lệch tổng điểm: { $rounds }.
report-no-group = Không xác định được nhóm (không chấm được)
report-year = năm { $year }
report-last-year = năm trước
report-compared-with = So với { $year }
report-not-in-previous = Không có trong kết quả { $year }: { $units }.
report-only-in-previous = Có trong kết quả { $year }, không có năm nay: { $units }.
report-change-up = tăng
report-change-down = giảm
report-change-none = không đổi
report-mean-both-years = Chỉ số bình quân của các đơn vị có cả hai năm: { $now } ({ $year }: { $then }; { $change } { $by })
report-grade-move-same = giữ nguyên
report-grade-move-up = tăng
report-grade-move-down = giảm
report-grade-move-changed = thay đổi
report-decree = Quyết định { $decree }
report-decree-dated = Quyết định { $decree } ngày { $date }
report-sheet-ranking = Xếp hạng
report-sheet-charts = Biểu đồ
report-sheet-comparisons = Tự ĐG - Thẩm định
report-sheet-not-scored = Không chấm được
report-sheet-criteria = Điểm theo tiêu chí
report-sheet-groups = Theo nhóm
report-sheet-previous = So với năm trước
report-sheet-rounds = Các vòng thẩm định
report-html-title = Chỉ số CCHC — { $ruleset }
report-html-details = Chi tiết theo đơn vị
report-html-footer = Tạo bởi chiso: mọi điểm được tính từ số liệu của đơn vị theo bộ chỉ số; tổng và điểm bị mất được cộng từ cây tiêu chí.
report-card-ranked = Đơn vị được xếp hạng
report-card-incomplete = Chưa đủ số liệu / lỗi
report-card-best-worst = Cao nhất / thấp nhất
report-html-ranking-heading = Xếp hạng và chỉ số thành phần (điểm { $stage })
report-html-change-title = Chỉ số năm nay trừ chỉ số năm trước (điểm phần trăm)
report-html-no-area-index = không đánh giá hoặc chưa đủ số liệu
report-html-legend = Chỉ số CCHC = điểm đạt / điểm tối đa áp dụng (%). Chỉ số thành phần (%) theo lĩnh vực:
report-html-not-scored-heading = Đơn vị không chấm được
report-html-not-scored-unit = Không chấm được: { $unit } ({ $origin }) — số liệu có lỗi:
report-html-differs = khác điểm tính từ số liệu
report-html-flags = { $count } tiêu chí có điểm tự chấm khác điểm tính từ số liệu của đơn vị.
report-html-lost-heading = Điểm bị mất theo đơn vị
report-html-incomplete = Chưa đủ số liệu: { $count } mục còn thiếu hoặc lỗi — điểm bị mất dưới đây chỉ tính các tiêu chí đã chấm.
report-html-no-lost = Không mất điểm ở tiêu chí nào đã chấm.
report-html-total-scored = Tổng các tiêu chí đã chấm
report-xlsx-page = Trang
report-xlsx-ranking-title = XẾP HẠNG CHỈ SỐ CCHC — { $ruleset }
report-xlsx-stage-points = Điểm { $stage }
report-xlsx-area-note = Chỉ số thành phần theo lĩnh vực: điểm đạt / điểm tối đa áp dụng của lĩnh vực.
report-xlsx-change = So với năm trước (điểm %)
report-xlsx-chart-top = Chỉ số CCHC — { $count } đơn vị đứng đầu
report-xlsx-chart-title = Chỉ số CCHC theo đơn vị
report-xlsx-differs = tự chấm khác điểm tính từ số liệu
report-xlsx-criteria-title = ĐIỂM THEO TIÊU CHÍ — điểm { $stage }
report-xlsx-criteria-note = Hàng 4: mã tiêu chí; hàng 5: điểm tối đa. Ô trống: không đánh giá, chưa đủ số liệu, số liệu có lỗi hoặc chờ điều tra.
report-xlsx-unit-summary = Tổng điểm { $total } / { $max }; chỉ số { $percent }; xếp loại { $grade }; hạng { $rank }
report-xlsx-lost-title = Điểm bị mất (nhiều nhất trước)
report-band-points = { $value } điểm
report-band-from = từ { $low } trở lên
report-band-above = trên { $low }
report-band-below = dưới { $high }
report-band-up-to = đến { $high }
report-band-from-to = từ { $low } đến { $high }
report-band-from-below = từ { $low } đến dưới { $high }
report-band-above-to = trên { $low } đến { $high }
report-band-above-below = trên { $low } đến dưới { $high }
report-band-any = mọi mức
# report-fixes
## Báo cáo: các dòng điểm thưởng, điểm trừ cộng lại đúng tổng
report-fixes-limit-bonus-cap = Vượt trần điểm thưởng cả năm (tối đa { $cap })
report-fixes-limit-max = Vượt điểm tối đa của đơn vị ({ $max })
report-fixes-limit-penalty-cap = Vượt trần điểm trừ cả năm (tối đa { $cap })
report-fixes-limit-floor = Không trừ xuống dưới điểm sàn ({ $floor })
report-fixes-limit-rounding = Làm tròn tổng điểm
## Báo cáo: vì sao một đơn vị không được xếp hạng
report-fixes-unranked-wrong = số liệu có lỗi
report-fixes-unranked-missing = chưa đủ số liệu
report-fixes-unranked-wrong-and-missing = số liệu có lỗi, chưa đủ số liệu
## Báo cáo: cột cuối của bảng điểm phấn đấu
report-fixes-target-met = Kết quả
## Báo cáo: xếp hạng theo nhóm
report-fixes-no-group = Không xác định được nhóm
report-fixes-groups-apart = Mỗi nhóm được xếp hạng riêng.
report-fixes-incomplete-lost = { $label } — điểm bị mất dưới đây chỉ tính các tiêu chí đã chấm.
report-fixes-incomplete-so-far = { $label }: điểm đã chấm được
