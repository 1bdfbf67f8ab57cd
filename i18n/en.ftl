# chiso's messages in English.
# Every id is in both vi.ftl and en.ftl, with the same variables ($name) — the crate's tests insist.
# Numbers inside messages are already written for the reader before they arrive here.

## The catalogues' own tests
test-probe = probe { $name }
test-number = number { $value }

## Severities
severity-error = error
severity-warning = warning

## Tests written in rulesets (T001)
t001-this-expectation = this expectation
t001-status-points = { $points } points
t001-status-not-evaluated = not evaluated ({ $reason })
t001-status-survey = left to the survey
t001-status-missing = missing { $items }
t001-status-failed = an error: { $errors }
t001-missing-input = input `{ $name }`
t001-missing-points = points of { $id }
t001-not-scored = the unit could not be scored (see errors)
t001-incomplete = the unit is incomplete: missing { $items }
t001-expected-score = expected { $id } = { $expected }, got { $got }
t001-expected-not-evaluated = expected { $id } not evaluated, got { $got }
t001-expected-percent = expected percent = { $expected }, got { $got }
t001-expected-percent-but = expected percent = { $expected }, but { $why }
t001-expected-grade = expected grade “{ $expected }”, got “{ $got }”
t001-expected-grade-no-band = expected grade “{ $expected }”, but no grade band matches
t001-expected-grade-but = expected grade “{ $expected }”, but { $why }
t001-expected-achieved-but = expected achieved = { $expected }, but { $why }
t001-expected-achieved = expected achieved = { $expected }, got { $got }
t001-expected-max = expected max = { $expected }, got { $got }

## Known faults of the source
known-fault-of-source = { $message } (known fault of the source: { $reason })
known-fault-acknowledged-here = acknowledged here

## Forms
form-label-row = { $message } ({ $label }: row { $row })

## Editor actions
action-declare-input = declare input `{ $name }`
action-close-gap = close the gap: `{ $from }` → `{ $to }`

## Editor: hovers, completion, outline, rename
hover-level-area = area
hover-level-criterion = criterion
hover-level-subcriterion = sub-criterion
hover-maximum = maximum: **{ $max }**
hover-maximum-children = maximum: **{ $max }** (children add up to { $sum })
hover-owner = owner: { $owner }
hover-source = source: { $source }
hover-bonus = bonus item
hover-not-evaluated-when = not evaluated when `{ $condition }` ({ $reason })
hover-not-evaluated = not evaluated ({ $reason })
hover-rule = rule: `{ $rule }`
hover-rule-awarded = rule: points awarded by the council
hover-sum-of-children = sum of its children
hover-reference = ref: { $reference }
hover-input = **input** `{ $name }`: { $ty }
hover-default = default: { $value }
hover-used-by-none = used by no criterion
hover-used-by = used by:
completion-node-detail = { $title } · max { $max }
outline-total = total { $total }
outline-max = max { $max }
outline-test = test
inlay-children-sum = the children's maxima add up to { $sum }
rename-nothing-here = there is no input or criterion id here
rename-bad-input-name = `{ $name }` is not a valid input name: start with a letter or `_`, then letters, digits or `_`; keywords are reserved
rename-input-exists = an input named `{ $name }` already exists
rename-bad-id = `{ $id }` is not a valid id: numbers or letters separated by dots, like 1.2.3
rename-id-used = the id { $id } is already used
rename-only-inputs-and-ids = only inputs and criterion ids can be renamed

## Editor: what keywords and functions mean
kwdoc-ruleset = Bộ tiêu chí: the ruleset header — title, issuer, decree, year, level, total, counts, shares, grades, roundings.
kwdoc-input = Đầu vào: a figure the unit reports (`input name: count "description" owner "office" default 0`). Rules use it by name.
kwdoc-area = Lĩnh vực: a top-level area of the index, with its maximum and its criteria.
kwdoc-test = Kiểm thử: a worked example — given inputs, the expected scores. `chiso test` runs it; the editor shows the result above it.
kwdoc-issuer = Cơ quan ban hành: who issued the decree (e.g. "UBND tỉnh Kon Tum").
kwdoc-decree = Quyết định: the decree's number and date: `decree "723/QĐ-UBND" dated 11/11/2022`.
kwdoc-dated = Ngày: the decree's date, 31/12/2023 or 2023-12-31.
kwdoc-year = Năm: the year the ruleset scores.
kwdoc-level = Cấp: the kind of unit scored — department (sở), district (huyện), commune (xã), province (tỉnh), ministry (bộ).
kwdoc-total = Tổng điểm: the declared total; the areas' maxima must add up to it.
kwdoc-areas = Số lĩnh vực: the declared number of areas, checked against the tree.
kwdoc-criteria = Số tiêu chí: the declared number of criteria, checked against the tree.
kwdoc-subcriteria = Số tiêu chí thành phần: the declared number of sub-criteria, checked against the tree.
kwdoc-share = Tỷ trọng: the declared points of one source (self, survey, satisfaction); the criteria of that source must add up to it.
kwdoc-grade = Xếp loại: a grade band over the percentage, half-open: `grade "Tốt" from 85`, `grade "Khá" from 75 below 85`. In a test: `expect grade "Tốt"`.
kwdoc-stages = Giai đoạn: the stages scored, in order — the self-assessment, then each appraisal round: `giai đoạn "Tự đánh giá", "Thẩm định", "Thẩm định lại"`. The last round a unit has counts.
kwdoc-group = Nhóm: a group of units ranked on its own within one batch (`nhóm "Khối sở"`, one per line); each unit's data names its group.
kwdoc-rounding = Làm tròn: what is rounded (ratio, score, total, percent), to how many places, which mode (half-up — Excel's ROUND, the default —, half-even, down, up).
kwdoc-percent-from-rounded-total = The percentage is computed from the rounded total (by default it uses the unrounded points, as officials publish).
kwdoc-grade-on-points = Xếp loại theo điểm: the grade bands are written in points of the unit's total (after bonus and penalty points), not over the percentage; units rank on that total.
kwdoc-penalty = Điểm trừ / điểm phạt: a penalty item outside the tree, subtracted after it (`penalty P1 "Kỷ luật" {"{"} score = violations * 1 {"}"}`, the points a magnitude ≥ 0); in the header, `penalty max N`: the yearly cap of all penalty items.
kwdoc-floor = Điểm sàn: penalties never take the unit's total below it (0 when not written).
kwdoc-display = Hiển thị N chữ số: reports print the unit's total with exactly N decimals, whatever the computation rounds to (`display 3 places`).
kwdoc-zero-denominator = Mẫu số bằng 0: what `ratio(a, b)` means when b is 0 — not evaluated, zero, or error.
kwdoc-criterion = Tiêu chí (TC): a criterion inside an area, or a sub-criterion inside a criterion: `criterion 1.2 "title" max 2 {"{"} … {"}"}`.
kwdoc-subcriterion = Tiêu chí thành phần (TCTP): a sub-criterion, numbered under its criterion (1.2.3).
kwdoc-max = Tối đa (điểm tối đa, điểm chuẩn): the node's maximum. A parent's maximum must equal the sum of its children's. In a rule, `max` is the node's own maximum.
kwdoc-owner = Chủ trì (đơn vị chủ trì): the office that owns the criterion or reports the input.
kwdoc-source = Nguồn: where the points come from — self (tự đánh giá/thẩm định), survey (ĐTXHH), satisfaction (SIPAS). Inherited by the children.
kwdoc-bonus = Điểm thưởng: inside a criterion, a bonus criterion counted inside the total; at the top level, a bonus item outside the tree added after it (`bonus T1 "Sáng kiến" max 1 {"{"} score = initiatives * 0.5 {"}"}`); in the header, `bonus max N` (the yearly cap of all bonus items) and `bonus above max` / `bonus within max`.
kwdoc-note = Ghi chú: a note shown in explanations.
kwdoc-ref = Căn cứ: where the decree states the criterion (appendix, row, article).
kwdoc-not-evaluated = Không đánh giá: the criterion is not evaluated (when its condition holds); its maximum then leaves the unit's maximum. In a test: `expect 1.6.2 not evaluated`.
kwdoc-when = Khi: the condition of `not evaluated`.
kwdoc-because = Vì / lý do: the reason shown when a criterion is not evaluated.
kwdoc-score = Điểm: the rule that gives a leaf its points: `score = ratio(done, all) × max`. A leaf without a rule is awarded by the council.
kwdoc-if = Nếu … thì … ngược lại …: a choice between two values.
kwdoc-then = Thì: the value when the condition of `if` holds.
kwdoc-else = Ngược lại: the value when the condition of `if` does not hold.
kwdoc-bands = Bậc: threshold bands, tried in order: `bands ratio(a, b) {"{"} from 90%: 1.5  from 80% below 90%: 1  otherwise: 0 {"}"}`. Gaps and overlaps are reported.
kwdoc-and = Và: both conditions hold.
kwdoc-or = Hoặc: at least one condition holds.
kwdoc-not = Không phải: the condition does not hold.
kwdoc-awarded = Hội đồng chấm: the points the appraisal council awards for this node.
kwdoc-yes = Có: yes (true).
kwdoc-no = Không: no (false).
kwdoc-date = Ngày: a date value, `date 31/12/2023`.
kwdoc-from = Từ: a lower bound, included (≥).
kwdoc-above = Trên: a lower bound, excluded (>).
kwdoc-below = Dưới / đến dưới: an upper bound, excluded (<).
kwdoc-up-to = Đến / không quá: an upper bound, included (≤).
kwdoc-or-more = Trở lên: “and above”, after a lower bound (`từ 90% trở lên`).
kwdoc-otherwise = Còn lại: every value no earlier band took.
kwdoc-given = Cho: input values of the test: `given done = 15, all = 19`.
kwdoc-points = Điểm: in a test, the council's points for a node (`points 2.1 = 1.5`); as an input type, points ≥ 0.
kwdoc-expect = Mong đợi: an expectation — `expect 1.2.3 = 0.5`, `expect percent = 90.29`, `expect grade "Tốt"`, `expect achieved = 12`, `expect total = 12.5` (after bonus and penalty points), `expect max = 97`, `expect 1.6.2 not evaluated`.
kwdoc-percent = Phần trăm: the unit's percentage; as an input type, a percentage written 0–100 or “57,89%”.
kwdoc-achieved = Đạt: the unit's achieved points.
kwdoc-count = Số lượng: a whole number ≥ 0.
kwdoc-decimal = Số: a decimal number ≥ 0.
kwdoc-yesno = Có/không: a yes/no fact.
kwdoc-levels = Mức: one of a closed list of levels: `levels("Tốt", "Đạt", "Chưa đạt")`.
kwdoc-default = Mặc định: the value used when the unit does not report the input.
fnsig-ratio = ratio(part, whole)
fnsig-min = min(a, b)
fnsig-max = max(a, b)
fnsig-clamp = clamp(value, low, high)
fnsig-each = each(count, points, cap)
fnsig-deduct = deduct(start, count, points, floor)
fnsig-round = round(value, places)
fnsig-best = best(x)
fndoc-ratio = Tỷ lệ: part ÷ whole, rounded by the declared ratio rounding. A zero whole does what the criterion's `zero denominator` policy says; a part above the whole is a data error.
fndoc-min = The smaller of two values.
fndoc-max = The larger of two values.
fndoc-clamp = The value limited to [low, high].
fndoc-each = Points per counted item, at most `cap`: min(count × points, cap). "mỗi ứng dụng 1 điểm, tổng không quá 5 điểm".
fndoc-deduct = Deduction per item with a floor: max(start − count × points, floor). "trừ 0,25 điểm mỗi vi phạm, không thấp hơn 0".
fndoc-round = Rounds to `places` decimals, half away from zero (Excel's ROUND).
fndoc-best = Cao nhất: the highest value of `x` among the units scored together (for normalising against the best unit); a unit scored alone is its own best.

## Test lenses in the editor
lsp-unknown-command = unknown command { $command }
lsp-run-test-arguments = expected [uri, test name]
lsp-document-not-open = the document is not open
lsp-no-test-named = no test named { $name }
lens-not-run = ▶ not run: fix the errors first
lens-passed = ✔ passed ({ $checks } { $checks ->
        [one] check
       *[other] checks
    })
lens-failed = ✘ failed { $failed } of { $checks } { $checks ->
        [one] check
       *[other] checks
    }: { $first }

## Lists
list-or = { $init } or { $last }

## Syntax (E001, E019)
e001-chained-comparison = syntax error: comparisons cannot be chained
e001-chained-comparison-help = join two comparisons with `and`: `a < b and b < c`
e001-not-inside-arithmetic = syntax error: `not` cannot stand inside arithmetic or a comparison
e001-not-inside-arithmetic-help = put the negated part in brackets: `a = (not b)` or `not (a = b)`
e001-never-closed = this `{"{"}` is never closed
e001-opened-here = opened here
e001-never-closed-help = add the matching `{"}"}`; everything after it was read as inside this block
e001-number-too-long = number too long: at most 28 digits
e001-percent-not-allowed = a percentage is not allowed here
e001-percent-not-allowed-help = write points or a count without `%`
e001-number-too-large = number too large
e001-invalid-date = `{ $text }` is not a valid date
e019-expression-too-deep = expression nested deeper than { $depth } operators
e019-expression-too-deep-help = split the rule into several criteria or shorter rules
e019-nesting-too-deep = nesting deeper than { $depth } levels
e019-nesting-too-deep-help = split the rule into several criteria or simplify it
e001-unmatched-close = unmatched `{"}"}`
e001-unmatched-close-help = remove it, or add the `{"{"}` it was meant to close
e001-unclosed-open = unclosed `{"{"}`
e001-unclosed-open-help = every `{"{"}` needs a matching `{"}"}`
e001-statement-not-understood = this statement is not understood here
e001-statement-not-allowed = this statement is not allowed here
e001-header-holds = the ruleset header holds issuer, decree, year, level, total, counts, shares, grades, rounding
e001-node-holds = a node holds max, owner, source, bonus, note, ref, not evaluated, zero denominator, rounding, score and child nodes
e001-band-arm-reads = a band arm reads `from 90%: 1.5`, `below 80%: 0.5` or `otherwise: 0`
e001-test-holds = a test holds `given`, `points`, `not evaluated` and `expect` lines
e001-found-word = `{ $word }`
e001-end-of-line = end of line
e001-unexpected = unexpected { $found }
e001-expected-found = expected { $expected }, found { $found }
e001-syntax-error = syntax error: { $message }
e001-here = here
e001-syntax-error-help = see docs/language.md for the statement forms

## What the parser expected
expected-a-quoted-text = a quoted text
expected-a-number = a number
expected-a-whole-number = a whole number
expected-a-date-31-12 = a date (31/12/2023 or 2023-12-31)
expected-an-id-such-as = an id such as 1.2.3
expected-a-name = a name
expected-an-expression = an expression
expected-max = `max`/`tối đa`
expected-open-brace = `{"{"}`
expected-a-criterion = a criterion
expected-a-type-count-decimal = a type (count, decimal, percent, yesno, date, points, levels(…))
expected-a-bound-from-below = a bound (from …, below …)
expected-otherwise-con-lai = `otherwise`/`còn lại`
expected-ratio-score-total-or = ratio, score, total or percent
expected-a-rounding-mode-half = a rounding mode (half-up, half-even, down, up)
expected-self-survey-or-satisfaction = self, survey or satisfaction
expected-not-evaluated-zero-or = not evaluated, zero or error
expected-department-district-commune-province = department, district, commune, province or ministry
expected-areas-criteria-or-subcriteria = areas, criteria or subcriteria
expected-a-comparison = a comparison
expected-an-operator = an operator
expected-then-thi = `then`/`thì`
expected-else-nguoc-lai = `else`/`ngược lại`
expected-when-khi = `when`/`khi`
expected-because-vi = `because`/`vì`
expected-end-of-statement = end of statement
expected-score = `score =`/`điểm =`
expected-not-evaluated-keyword = `not evaluated`/`không đánh giá`
expected-expect = `expect`
expected-given = `given`
expected-name-value = `name = value`
expected-a-value = a value
expected-a-statement = a statement
expected-grade-xep-loai = `grade`/`xếp loại`
expected-percent = `percent`
expected-achieved = `achieved`
expected-id-points = `ID = points`
expected-ruleset-bo-tieu-chi = `ruleset`/`bộ tiêu chí`
expected-input = `input`/`đầu vào`
expected-test-kiem-thu = `test`/`kiểm thử`

## Shared
first-declared-here = first declared here
did-you-mean = did you mean `{ $name }`?
replace-with = replace with `{ $name }`

## Value types
ty-number = a number
ty-bool = yes/no
ty-date = a date
ty-level = a level
ty-level-of = a level of `{ $name }`
ty-text = a text
ty-unknown = unknown
input-type-count = count
input-type-decimal = decimal
input-type-percent = percent
input-type-yesno = yes/no
input-type-date = date
input-type-points = points
input-type-levels = levels({ $levels })
literal-not-whole = not a whole number
literal-above-100 = above 100%
literal-percentage = a percentage

## Node levels, keywords, sources
level-area = an area
level-criterion = a criterion
level-subcriterion = a subcriterion
keyword-area = `area`
keyword-criterion = `criterion`
keyword-subcriterion = `subcriterion`
count-areas = areas
count-criteria = criteria
count-subcriteria = subcriteria
source-self = self-assessment
source-survey = survey
source-satisfaction = satisfaction
kw-max = max
kw-owner = owner
kw-source = source
kw-zero-denominator = zero denominator
kw-score = score
kw-not-evaluated = not evaluated

## Gaps between bands
gap-percent = { $value }%
gap-number = { $value }
gap-included = included
gap-excluded = excluded
gap-the-value = the value { $value }
gap-between = values from { $from } ({ $from_end }) to { $to } ({ $to_end })
gap-up-to = values up to { $value }
gap-below = values below { $value }
gap-from = values from { $value }
gap-above = values above { $value }
gap-every-value = every value

## The ruleset header
e021-no-header = the file has no ruleset header
e021-no-header-help = start with `ruleset "title" {"{"} year 2024  total 100 … {"}"}` / `bộ tiêu chí "…" {"{"} … {"}"}`
e021-second-header = a second ruleset header
e021-first-header = the first header
e023-declared-twice = this is declared twice
e017-rounding-places = a rounding keeps at most 28 places
e024-not-acceptable = { $code } cannot be accepted as a fault of the source
e024-not-acceptable-help = only contradictions inside the decree's table can: E004 (sums), E005 (total), E006 (counts), E007 (shares)
e016-grade-gap = grade bands leave a gap: { $gap } get no grade
e016-grade-gap-help = grade bands are half-open and must meet: a band that stops `below X` is followed by one `from X`, so that { $gap } gets a grade
e016-grade-overlap = grade `{ $later }` overlaps grade `{ $earlier }`
e016-overlaps-this-grade = overlaps this grade

## Inputs
e022-input-twice = input `{ $name }` is declared twice
e022-level-twice = level `{ $level }` is listed twice
e022-first-listed-here = first listed here
e009-literal-mismatch = `{ $name }` is { $ty }, but this is { $what }
e009-negative = `{ $name }` cannot be negative
e017-not-a-level = `{ $value }` is not a level of `{ $name }`
e017-levels-are = its levels are: { $levels }
w001-unused-input = input `{ $name }` is never used
w001-unused-input-help = use it in a rule or condition, or remove it
e008-unknown-input = unknown input `{ $name }`
e008-not-declared = not declared
e008-declare-it = declare it: `input { $name }: count "…"`
e008-declare-it-yesno = declare it: `input { $name }: yesno "…"`

## The criteria tree
e002-duplicate-id = duplicate id `{ $id }`
e002-first-used-here = first used here
e002-renumber = renumber as { $next }
e003-not-child-id = `{ $id }` is not a child id of `{ $parent }`
e003-the-parent = the parent
e003-numbered = a child of { $parent } is numbered { $parent }.N
w004-keyword-level = written as { $written } but it stands at the level of { $level }
w004-keyword-level-help = areas stand at the top, criteria inside areas, sub-criteria inside criteria
e023-node-item-twice = `{ $key }` is declared twice for { $id }
e017-percent-rounding-in-header = the percentage is the unit's: round it in the ruleset header
e020-no-maximum = { $level } { $id } has no maximum
e020-no-maximum-help = write its maximum: `max 1.5` / `tối đa 1,5`
e004-children-sum = the maximum of { $id } is { $max }, but its children's maxima add up to { $sum }
e004-child-max = { $id } max { $max }
e004-set-maximum = set the maximum of { $id } to { $sum }
e005-areas-sum = the areas add up to { $sum }, but the declared total is { $total }
e005-area-max = area { $id } max { $max }
e006-count = { $declared } { $kind } declared, but the tree has { $actual }
e007-share = the { $source } share is declared { $share }, but the criteria from that source add up to { $actual }
e007-share-help = mark survey items `source survey` / `nguồn ĐTXHH`; check the maxima
e007-shares-sum = the shares add up to { $sum }, not to the total { $total }
w005-no-longer-occurs = { $code } is acknowledged as a fault of the source, but no longer occurs
w005-no-longer-occurs-help = remove the acknowledgement
e018-unknown-criterion = unknown criterion `{ $id }`
e018-unknown-grade = unknown grade `{ $grade }`
e023-test-twice = test `{ $name }` is declared twice
w003-expects-nothing = test `{ $name }` expects nothing
w003-expects-nothing-help = add `expect 1.2.3 = 0.5` lines

## Scoring rules
e009-score-not-number = a score must be a number, found { $found }
e009-condition-not-bool = a not-evaluated condition must be yes/no, found { $found }
e012-no-upper-limit = has no upper limit
e013-no-lower-limit = has no lower limit
e012-reaches = reaches { $value }
e012-exceeds-max = the rule of { $id } can exceed its maximum { $max }: it { $reach }
e012-exceeds-max-help = cap it: `min(…, max)` or `each(count, points, max)`
e012-cap-fix = cap the rule at the maximum
e013-below-zero = the rule of { $id } can go below zero: it { $reach }
e013-below-zero-help = floor it: `max(…, 0)` or `deduct(start, count, points, 0)`
e009-minus-numbers = `-` applies to numbers
e009-not-bool = `not` applies to yes/no values
e009-and-or-bool = `and`/`or` join yes/no values
e009-arithmetic-numbers = arithmetic needs numbers
e009-condition-bool = a condition is yes/no
e009-functions-numbers = rule functions take numbers
e009-bands-number = bands compare a number with their bounds
e009-branches-differ = the branches of `if` differ: { $then } and { $otherwise }
e009-this-branch = this branch
e009-type-mismatch = type mismatch: expected { $expected }, found { $found }
e009-cannot-compare = cannot compare { $left } with { $right }
e009-only-equality = { $ty } can only be compared with = or ≠
e009-band-types = band values differ in type: { $ty } here
e015-unknown-function = unknown function `{ $name }`
e015-functions = functions: { $names } (see docs/language.md)
e015-arity = `{ $name }` takes { $arity } { $arity ->
        [one] argument
       *[other] arguments
    }, found { $found }
e015-usage = usage: { $signature }
e015-usage-decimal-comma = usage: { $signature }; a comma between digits is a decimal comma: write `1, 5` for two arguments
e014-no-zero-policy = `{ $function }` in { $id } without a zero-denominator policy
e014-no-zero-policy-help = say what a zero denominator means: `zero denominator: not evaluated` (or `zero`, `error`) on the criterion or in the ruleset header
e017-places = the places of `{ $function }` must be a whole number from 0 to 28
e010-no-arms = bands without any arm
e010-gap = gap between bands: { $gap } match no band
e010-gap-help = write the bands edge to edge so that { $gap } falls in one (a band that stops `below X` is followed by one `from X`), or add `otherwise: …`
w002-unreachable = unreachable band: earlier bands take every value it covers
w002-unreachable-help = bands are tried in order; move it up or remove it
e011-overlap = overlapping bands: a value here also matches an earlier band
e011-overlaps-this-band = overlaps this band
e011-overlap-help = bands are half-open: `from 80% below 90%` next to `from 90%`

## Numbers written as text
number-empty = empty number
number-invisible-character = `{ $number }` holds an invisible character, { $character }: retype the number
number-several-separators = `{ $number }` has more than one separator; declare `decimal_separator` ("," or ".") so thousands groups are read as such
number-not-a-number = `{ $number }` is not a number

## Unit data (D…)
d012-two-spellings = (the same letters in two Unicode spellings, NFC and NFD)
d012-written = (written `{ $earlier }` and `{ $key }`)
d012-given-twice = `{ $name }` is given twice in [{ $section }]: which value is meant?
d012-given-twice-how = `{ $name }` is given twice in [{ $section }] { $how }: which value is meant?
d012-first-given-here = first given here
d012-and-again-here = and again here
d012-keep-one = keep one of the two
d003-no-unit = the data file does not name its unit
d003-no-unit-help = add `unit = "UBND huyện …"`
d011-year = the data is for { $data }, the ruleset for { $ruleset }
d003-year-positive = the year must be positive
d003-unknown-stage = unknown stage `{ $stage }`
d003-write = write { $words }
d003-decimal-separator = decimal_separator must be "," or ".", not "{ $found }"
d-input-value = `{ $name }`: { $message }
d-input-value-owner = `{ $name }`: { $message } (owner: { $owner })
d-input-is = `{ $name }` is { $ty }
d-input-is-described = `{ $name }` is { $ty }: { $description }
d010-computed = points given for { $id }, which is computed by its rule: give its inputs instead
d010-adds-up = points given for { $id }, which adds up its children: give theirs
d-points-of = points of { $id }: { $message }
d003-not-evaluated-reason = give the reason { $id } is not evaluated, as text
d-claimed-of = claimed score of { $id }: { $message }
d007-above-max = { $points } points given for { $id }, whose maximum is { $max }
d003-not-exact = `{ $number }` is not a number chiso can hold exactly
d003-expected-number = expected a number, found { $found }
d004-negative = must not be negative (found { $found })
d003-count-whole = a count must be a whole number, found { $found }
d003-count-whole-grouping = a count must be a whole number, found { $found } (if `.` groups thousands, declare decimal_separator = ",")
d003-percentage-for-number = a percentage where a number is expected
d003-percentage-above-100 = a percentage above 100 ({ $found })
d003-expected-yesno-found = expected yes/no (có/không), found "{ $found }"
d003-expected-yesno = expected yes/no (true/false, "có"/"không")
d003-expected-date-found = expected a date such as 31/12/2023, found "{ $found }"
d003-expected-date = expected a date such as 31/12/2023
d003-not-a-level = "{ $found }" is not one of the levels: { $levels }
d003-expected-level = expected one of the levels: { $levels }

## Values no input takes
raw-spreadsheet-error = a spreadsheet error
raw-unsaved-formula = a formula saved without its value
raw-unsaved-formula-form = a formula saved without its value (open and save the file in Excel/LibreOffice so the value is stored)
raw-invalid-date = an invalid date
raw-date-time = a date-time
raw-a-list = a list
raw-a-table = a table
raw-null = null

## Values and rounding
value-yes = yes
value-no = no
round-half-up = half-up
round-half-even = half-even
round-down = down
round-up = up
rounding-places = { $places } places, { $mode }
what-arithmetic = the arithmetic
what-ratio = the ratio
what-count = the count
what-deduction = the deduction

## Explanation steps (chiso explain)
step-not-evaluated-when = not evaluated when { $condition }: it holds
step-not-evaluated-always = not evaluated for every unit
step-not-evaluated-data = declared not evaluated in the unit's data
step-not-evaluated-other = not evaluated with its parent, for a zero denominator, or because all its children are
step-see-child = { $id } { $title }: see `chiso explain … { $id }`
step-not-counted = not counted: { $id } is scored by its own rule, so this rule is shown, not used
explain-awarded = points awarded by the council
step-points-awarded = points awarded: { $points }
step-score-rounded = score rounded ({ $rounding }): { $raw } → { $rounded }
step-input = { $name } = { $value }
step-input-default = { $name } = { $value } (default)
step-arithmetic = { $x } { $op } { $y } = { $result }
step-compare = { $x } { $op } { $y } is { $result }
step-condition = condition holds: { $result }
band-equal = = { $value }
band-any = any value
band-at-least = ≥ { $value }
band-above = > { $value }
band-at-most = ≤ { $value }
band-below = < { $value }
band-both = { $lower } and { $upper }
step-band-otherwise = otherwise
step-band = { $value } falls in the band { $band } → { $result }
step-best = best of the batch = { $best }
step-zero-not-evaluated = the denominator is 0: not evaluated
step-zero-counts-zero = ratio({ $part }, 0) = 0 (zero denominator counts as 0)
step-ratio = ratio { $part } / { $whole } = { $ratio }
step-ratio-rounded = ratio rounded ({ $rounding }): { $raw } → { $rounded }
step-call = { $function }({ $args }) = { $result }

## Errors while scoring (D…)
d009-not-a-number = the rule did not give a number
d009-outside = the rule of { $id } gives { $score }, outside 0…{ $max }
d-node-message = { $id }: { $message }
d-criterion-rule = criterion { $id } “{ $title }”, rule: { $rule }
d-criterion-awarded = criterion { $id } “{ $title }”, rule: awarded
d009-overflow = { $what } overflows or divides by zero
d009-division-by-zero = division by zero (use ratio(…) to say what a zero denominator means)
d009-no-band = { $value } matches no band
d008-zero-denominator = ratio { $part } / 0: the denominator is zero
d005-negative-ratio = ratio of negative values { $part } / { $whole }
d005-part-above-whole = the numerator { $part } is above the denominator { $whole }
d002-missing-input = missing input `{ $name }`, needed by { $ids }
d002-owner = owner: { $owners }
d002-add-input = add it under [inputs] as { $ty }
d002-add-points = add `"{ $id }" = …` under [points] (0 to { $max })
d002-add-points-owner = add `"{ $id }" = …` under [points] (0 to { $max }); owner: { $owner }
d002-no-points = no points given for { $id } “{ $title }” (awarded by the council)

## Places in files
place-row = row { $row }
place-cell = row { $row }, column { $column }
place-cell-header = row { $row }, column { $column } ({ $header })
place-in-file = { $file }, { $within }
help-word = help

## Batches
stage-self = self-assessment
stage-appraised = appraisal
stage-round = appraisal round { $round }
d013-unit-twice = unit “{ $unit }” ({ $stage }) is given twice: already in { $first }; this one is not scored
d007-target-above-max = target { $target } for { $id }, whose maximum is { $max }
d-target-of = target of { $id }: { $message }
d014-target-sum = the target of { $id } is { $target }, but its children's targets add up to { $sum }

## Office forms
worklist-no-office = the ruleset names no office “{ $office }”; its offices: { $offices }
worklist-no-office-suggest = the ruleset names no office “{ $office }” (did you mean “{ $suggestion }”?); its offices: { $offices }

## Importing a criteria table (chiso import, I…)
import-row-of-sheet = row { $row } of sheet “{ $sheet }”
i001-empty = the table is empty
i002-unclosed-quote = row { $row }: a quote opens a cell but never closes it: read literally
i002-this-quote = this quote
i003-inexact = cell { $cell } holds the number { $stored }, which chiso cannot hold exactly
i003-rounded = cell { $cell } holds { $stored }; read as { $shown }, the 15 significant digits Excel shows
i003-date = cell { $cell } is a date; a criteria table has none: left empty
i003-date-help = Excel turns “1.10” typed into a cell into a date (1 October): format the STT column as text
i003-unsaved = cell { $cell } holds the formula `={ $formula }` but not its value: the file was saved without computing it
unsaved-help = open and save the file in Excel/LibreOffice so the value is stored
i003-error = cell { $cell } holds the error { $error }: left empty
i004-no-header = no header row (STT, Lĩnh vực/Tiêu chí, Điểm tối đa …) found: columns read as STT, title, maximum, notes
i004-no-header-help = keep the table's header row, so that each column is read for what it is
i013-no-such-table = the file holds { $tables ->
        [one] 1 table
       *[other] { $tables } tables
    }; there is no table { $chosen }
i013-table-at = table { $table } at rows { $from }–{ $to }
i013-several-tables = the file holds { $tables } tables ({ $list }); table 1 was imported
i013-several-tables-help = choose another with `--table-number N`
i005-column-left-out = column { $column } “{ $name }” is not part of a ruleset: left out
i005-column-left-out-help = a unit's scores or targets belong in its data file (`[points]`), not in the ruleset
i008-total-not-number = { $row }: the total “{ $total }” is not a number
i012-after-total = { $row } comes after the table's total row: not imported (“{ $text }”)
i012-after-the-total = after the total
i019-numeric-ids = the STT cells of rows { $rows } are numbers in the sheet, so “1.10” reads as 1.1: check these ids
i019-numeric-ids-help = format the STT column as text in the workbook
i007-no-rows = no criterion rows found: a row starts with its number (1, 1.1, 1.1.1 …)
i006-wraps = { $row } continues on { $next }: the title wraps onto the next line; joined
i006-one-row = one row
i015-roman = { $row }: area “{ $cell }” numbered { $id }
i016-rubric = { $row }: a rubric line, kept as a note of { $id }
i016-rubric-help = if it states how points are given, write it as the criterion's rule
i007-why-rubric = a rubric line before any criterion
i006-no-stt = { $row } has no STT: read as the rest of the title of { $id }
i007-why-text = text before any criterion
i007-why-max = a maximum without a criterion number
i006-only-note = { $row } has only a note: kept as a note of { $id }
i007-why-note = a note before any criterion
i007-why-no-number = no criterion number
i007-why-bad-number = “{ $cell }” is not a criterion number
i018-no-title = { $row }: { $id } has no title
i014-not-office = { $row }: “{ $cell }” in the owner column names no office: kept as a note of { $id }
i014-not-office-help = an owner is an office: Phòng …, Văn phòng …, Sở …, Trung tâm …
i017-placeholder = { $row }: { $id } is not evaluated “{ $reason }”: its condition is the placeholder input `{ $name }`
i017-placeholder-help = replace the placeholder with the real condition, e.g. `không đánh giá khi hồ_sơ_tiếp_nhận = 0 vì "…"`
i008-why-negative = negative
i009-no-max = { $row }: { $id } has no maximum: written as 0
i009-no-max-help = a criterion the table leaves blank is usually not evaluated this year: give its maximum from the decree
i008-bad-max = { $row }: the maximum “{ $cell }” is not a number of points ({ $why }): left blank
i008-bad-max-help = write the maximum as 1,5 or 1.5
i007-not-understood = { $row } not understood ({ $why }): skipped: “{ $preview }”
i007-this-row = this row
i010-repeats = { $row } repeats the number { $id } of row { $first }
i010-repeats-help = a typo in the source: renumber the row (the checker offers the next free number)
i011-no-parent = { $row }: the table has no row { $id } above it: { $id } added without a title
i011-no-parent-help = give { $id } its title and maximum from the source

## Reading sheets and data files
grid-utf16-odd = the UTF-16 text ends in the middle of a character
grid-utf16-invalid = the UTF-16 text has an invalid character at byte { $byte }
grid-not-utf8 = the table is not UTF-8 text: invalid byte at offset { $offset } (line { $line })
grid-not-utf8-help = save the table as UTF-8 (Excel: “CSV UTF-8” or “Unicode Text”); legacy TCVN3/VNI fonts must be converted to Unicode first
grid-damaged = the workbook is damaged: it could not be read
grid-not-spreadsheet = not a spreadsheet chiso can read (.xlsx, .xls, .ods): { $error }
grid-sheet-hidden = { $name } (hidden)
grid-no-sheet = the workbook has no sheet
grid-all-hidden = every sheet of the workbook is hidden
grid-all-hidden-help = name the sheet to read with --sheet; its sheets: { $sheets }
grid-no-such-sheet = the workbook has no sheet `{ $sheet }`
grid-its-sheets = its sheets: { $sheets }
grid-several-sheets = several sheets are named `{ $sheet }`: { $sheets }
grid-several-sheets-help = name the sheet exactly as the workbook spells it
grid-cannot-read-sheet = cannot read sheet `{ $sheet }`: { $error }
d006-unknown-column = unknown column `{ $column }`: its values are not read
d012-column-repeats = column `{ $column }` repeats column { $first }: only the first is read
d003-no-unit-column = the sheet has no `unit` (đơn vị) column
d003-no-unit-column-help = the first row names the columns: `đơn vị`, then one column per input
d006-not-criterion = `{ $id }` is not a criterion of the ruleset
d006-not-criterion-suggest = `{ $id }` is not a criterion of the ruleset (did you mean { $suggestion }?)
d006-columns-are = a column is `đơn vị`, `năm`, `giai đoạn`, an input's name, a criterion id (points), or `tự chấm`/`không đánh giá`/`ghi chú`/`tlkc` followed by a criterion id
d001-unclosed-quote = a quote opens a cell on line { $line } but never closes it: read literally
d001-unclosed-quote-help = close the quote, or remove it
d012-no-header-value = a value in a column without a header is not read
cell-ref = cell { $cell }
d003-cell-error = { $cell } holds the spreadsheet error { $error }
d003-cell-error-help = correct the formula in the sheet, or type the value
d003-cell-unsaved = { $cell } holds the formula `={ $formula }` but not its value: the file was saved without computing it
d003-year-whole = the year must be a whole number, found `{ $found }`
d001-quote-names = TOML names with Vietnamese letters must be quoted: "hồ_sơ_tiếp_nhận" = 2534
d001-unit-file-holds = a unit file holds `unit`, `year`, `stage`, `group` and the tables [inputs], [points], [not_evaluated], [evidence], [notes], [claimed]
d001-not-toml = the data file is not valid TOML: { $error }
d001-not-json = the data file is not valid JSON: { $error }
d001-decimal-comma = the number `{ $value }` is written with a decimal comma, which TOML and JSON do not read
d001-decimal-comma-help = write `{ $point }` (a point), or put it in quotes: "{ $value }"
d001-json-decimal-comma-help = write { $point } (a point), or put it in quotes: "{ $value }"
d001-unquoted-text = the text `{ $value }` must be in quotes
d001-unquoted-text-help = write "{ $value }"; a number is written without letters: 2534 or "1,5"
d001-no-value = a value is missing after `=`
d001-no-value-help = write a number (2534), or "" when there is no figure yet
d001-unclosed-table = a table name is not closed with `]`: write [inputs], [points]…
d001-unclosed-string = a quote opens but is not closed on this line
d001-expected-equals = an `=` is needed between the name and the value
d001-expected-equals-help = each line is "name" = value, for example "hồ_sơ_tiếp_nhận" = 2534
d001-after-value = there is more after the value
d001-after-value-help = one value per line; a decimal is written 1.5 or "1,5"; a comment starts with #
d001-json-trailing-comma = a comma too many before `{"}"}` or `]`
d001-json-expected-value = a value is needed here: a number, "text", true/false or null
d001-json-eof = the file ends with a `{"{"}` or `[` still open
d001-json-key = a name must be in quotes: "unit", "inputs"
d001-json-colon = a `:` is needed between the name and the value
d001-json-comma = a `,` is needed between two items, or a closing bracket
d001-given-twice = `{ $key }` is given twice
d001-unknown-field = unknown field `{ $field }`
d001-fields = a unit file holds unit, year, stage, group, decimal_separator, inputs, points, not_evaluated, evidence, notes, claimed
raw-an-object = an object
d003-row-no-unit = the row names no unit
d003-row-no-unit-help = fill in the `đơn vị` column

## Command line: clap's headings
cli-usage-heading = Usage:
cli-commands-heading = Commands
cli-command-value = COMMAND
cli-arguments-heading = Arguments
cli-options-heading = Options
cli-error-invalid-value = invalid value `{ $value }` for `{ $arg }`; possible values: { $valid }
cli-error-invalid-value-plain = invalid value `{ $value }` for `{ $arg }`
cli-error-unknown-argument = unexpected argument `{ $arg }`
cli-error-unknown-command = unrecognized subcommand `{ $command }`
cli-error-missing-argument = a required argument was not given: { $arg }
cli-error-missing-command = a command is required (see `chiso --help`)
cli-error-conflict = `{ $arg }` cannot be used with `{ $other }`
cli-error-number-of-values = wrong number of values for `{ $arg }`
cli-error-other = the command line is not valid
cli-error-tip = tip
cli-error-similar-command = a similar subcommand exists: `{ $name }`
cli-error-similar-argument = a similar argument exists: `{ $name }`
cli-error-more = For more information, try `--help`.

## Command line: commands and arguments
cli-about = Rules language and engine for Vietnam's Public Administration Reform Index (Chỉ số CCHC)
cli-arg-lang = The language of messages and help: vi (tiếng Việt, the default) or en. Without it, CHISO_LANG, then the locale (LC_ALL, LC_MESSAGES, LANG) decide
cli-arg-help = Print help
cli-arg-version = Print version
cli-help-about = Print this message or the help of the given subcommand(s)
cli-check-about = Check rulesets and report every problem found
cli-check-arg-rulesets = Ruleset files (.chiso)
cli-check-arg-format = Output: human-readable text, or a JSON list of diagnostics
cli-score-about = Score units: one data file, several, or folders of them (scored as one batch)
cli-score-arg-ruleset = The ruleset (.chiso)
cli-score-arg-data = Unit data files (.toml or .json), folders of them, or sheets with one unit per row (.csv, .xlsx, .xls, .ods); all are scored as one batch
cli-score-arg-format = The report's format (default: from the extension of `-o FILE`, else `table`)
cli-score-arg-output = Write the report to this file (atomically) instead of standard output
cli-score-arg-sheet = The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named)
cli-score-arg-decimal-separator = How decimal, percent and points columns of sheets write decimals (count columns always read `.`/`,` as thousands groups)
cli-score-arg-targets = Target files (điểm phấn đấu: unit files whose [points] give the planned points) or folders of them, compared with what each unit achieved
cli-explain-about = Explain how one criterion's points arise for a unit, at the stage that counts (the appraisal when given, or `--stage`); `--batch` gives the units `best(…)` compares with
cli-explain-arg-ruleset = The ruleset (.chiso)
cli-explain-arg-data = The unit's data: a unit file, or a sheet with a row per unit (then name it with --unit)
cli-explain-arg-id = The criterion id, e.g. 7.2.2 (an area or criterion id explains its sum)
cli-explain-arg-batch = The rest of the batch: other units' files, folders or sheets scored with this one (needed for criteria normalised against the best unit, `best(…)`)
cli-explain-arg-unit = The unit to explain (by name), when the data holds more than one
cli-explain-arg-stage = The stage to explain when the unit has both: self (tự đánh giá) or appraised (thẩm định). By default the stage that counts: the appraisal when there is one
cli-explain-arg-sheet = The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named)
cli-test-about = Run the test cases written in rulesets
cli-test-arg-rulesets = Ruleset files whose `test` blocks to run
cli-advise-about = What would it take: the smallest change in each input that raises a unit's points or reaches the next grade, found by evaluating the ruleset (never a smaller denominator, never a part above its whole); at the stage that counts, or `--stage`
cli-advise-arg-ruleset = The ruleset (.chiso)
cli-advise-arg-data = The unit's data and the rest of its batch: unit files, folders, or sheets
cli-advise-arg-unit = The unit to advise (by name); needed when the data holds more than one
cli-advise-arg-stage = The stage to advise on when the unit has both: self (tự đánh giá) or appraised (thẩm định). By default the stage that counts: the appraisal when there is one
cli-advise-arg-sheet = The sheet of a workbook to read (the first visible one by default; a hidden sheet only when named)
cli-template-about = Write one office's data-entry form (its inputs and criteria) as TOML or .xlsx
cli-template-arg-ruleset = The ruleset (.chiso)
cli-template-arg-owner = The office (đơn vị chủ trì) whose form to write, as the ruleset names it
cli-template-arg-list = List the offices the ruleset names
cli-template-arg-unit = The unit the form is for (filled in on the form)
cli-template-arg-year = The year (the ruleset's by default)
cli-template-arg-stage = The stage: self (tự đánh giá, default) or appraised (thẩm định)
cli-template-arg-group = The unit's group (nhóm), one the ruleset declares (filled in on the form)
cli-template-arg-deadline = A deadline printed on the form ("25/11/2023")
cli-template-arg-output = Write the form here: `.xlsx` for a workbook, anything else for TOML. TOML to standard output without it
cli-merge-about = Merge the offices' filled forms into one unit file, reporting conflicts and gaps
cli-merge-arg-ruleset = The ruleset (.chiso)
cli-merge-arg-forms = The offices' filled forms (.toml or .xlsx written by `chiso template`)
cli-merge-arg-output = Write the merged unit file here (TOML); standard output without it
cli-merge-arg-force = Replace a non-empty output file even when the forms give no value
cli-import-about = Turn a published criteria table (TSV/CSV text or a workbook) into a ruleset skeleton
cli-import-arg-table = The criteria table: tab-separated or CSV text (.txt, .tsv, .csv), or a workbook (.xlsx, .xls, .ods)
cli-import-arg-output = Write the ruleset skeleton here (default: print it)
cli-import-arg-title = The ruleset's title (default: the caption above the table)
cli-import-arg-issuer = The issuing body, e.g. "UBND tỉnh Điện Biên"
cli-import-arg-decree = The decree's number, e.g. "2270/QĐ-UBND"
cli-import-arg-year = The year
cli-import-arg-level = The unit level the table scores
cli-import-arg-sheet = The workbook's sheet (default: the first)
cli-import-arg-table-number = Which table of a file that holds several (1 = the first)
cli-fmt-about = Rewrite rulesets in the canonical layout (`--check` to only report)
cli-fmt-arg-files = Ruleset files (.chiso); `-` reads standard input and writes the result to standard output
cli-fmt-arg-check = Change nothing; list the files that are not formatted and exit 1 if there is any (for CI)
cli-diff-about = Compare two years' rulesets: criteria renumbered, re-weighted, split, merged, added, removed; with --data, what the change does to last year's units
cli-diff-arg-old = Last year's ruleset (.chiso)
cli-diff-arg-new = The new ruleset (.chiso)
cli-diff-arg-format = Output format
cli-diff-arg-output = Write the report here (default: print it)
cli-diff-arg-mapping = A reviewed mapping file (old id -> new id) overriding the guessed matches
cli-diff-arg-write-mapping = Write the mapping used (guessed, or as given) to this file, to review
cli-diff-arg-data = Last year's unit files (TOML/JSON, or folders of them), scored under both rulesets

## Comparing rulesets (chiso diff)
diff-summary = { $matched } matched ({ $changed } changed), { $removed } removed, { $added } added, { $split } split, { $merged } merged; { $header } header, { $inputs } input change(s)
diff-head-header = Header
diff-head-changed = Changed criteria
diff-head-splits = Splits and merges
diff-head-removed = Removed
diff-head-added = Added
diff-head-inputs = Inputs
diff-head-impact = Impact on last year's units
diff-impact-columns = unit | old | grade | rank | new | grade | rank | change
diff-split = split { $old } → { $new }
diff-merged = merged { $old } → { $new }
diff-node-max = { $node } (max { $max })
diff-renumbered = renumbered { $old } → { $new }
diff-title = title "{ $old }" → "{ $new }"
diff-max = max { $old } → { $new }
diff-owner = owner { $old } → { $new }
diff-source = source { $old } → { $new }
diff-rule = rule { $old } → { $new } ({ $details })
diff-sum-of-children = sum of children
diff-not-evaluated = not evaluated { $old } → { $new }
diff-not-evaluated-when = when { $condition } because "{ $reason }"
diff-not-evaluated-always = always because "{ $reason }"
diff-bonus = bonus { $old } → { $new }
diff-yes = yes
diff-no = no
diff-moved = moved from { $old } to { $new }
diff-moved-area = moved from { $old } to { $new } (another area)
diff-input-added = added { $name }
diff-input-removed = removed { $name }
diff-input-renamed-to = renamed { $old } → { $new }
diff-input-type = type { $old } → { $new }
diff-description-changed = description changed
diff-awarded-to-formula = awarded points become a formula
diff-formula-to-awarded = a formula becomes awarded points
diff-sum-to-rule = a parent's sum becomes a leaf's rule
diff-rule-to-sum = a leaf's rule becomes a parent's sum
diff-new-input = new input { $name }
diff-input-renamed = input { $old } renamed { $new }
diff-input-unused = input { $name } no longer used
diff-band-edge = band edge { $old } → { $new }
diff-band-edges = band edges ({ $old }) → ({ $new })
diff-factor = factor { $old } → { $new }
diff-factors = factors ({ $old }) → ({ $new })
diff-wording-changed = the rule's wording changed
diff-points-of-percent = { $change } points of %
diff-rank-change = rank #{ $old } → #{ $new }
diff-grade-change = grade { $old } → { $new }
diff-incomplete = incomplete; scored leaves { $achieved }/{ $max } = { $percent }
diff-old = old
diff-new = new
diff-change = change
diff-more = … { $count } more
diff-missing-input = missing input { $name } (needed by { $ids })
diff-no-points-carried = no points carried over for { $ids }
diff-carried-in-proportion = carried in proportion: { $what }
diff-dropped = dropped: { $what }
diff-drivers-and-gaps = { $unit } — drivers and gaps
diff-dropped-no-points = { $entry } ({ $id } takes no points)
diff-rescaled = { $old } → { $new }: { $value } of { $old_max } → { $carried } of { $new_max }
diff-none = none
diff-gain-lose = Gain: { $up }; lose: { $down }; unchanged or not comparable: { $same }
diff-what = what
diff-criteria = Criteria
diff-changes = changes
diff-max-column = max
diff-removed = removed
diff-added = added
diff-split-of = split of { $id }
diff-merges = merges { $ids }
diff-split-into = split into { $ids }
diff-merged-away = merged
diff-h-total = total
diff-h-year = year
diff-h-decree = decree
diff-h-level = level
diff-h-grade-on = grade on
diff-h-bonus-max = bonus max
diff-h-penalty-max = penalty max
diff-h-bonus-above-max = bonus above max
diff-h-floor = floor
diff-h-display-places = display places
diff-h-percent-from-rounded-total = percent from rounded total
diff-h-zero-denominator = zero denominator
diff-h-stages = stages
diff-h-groups = groups
diff-h-grade = grade { $name }
diff-h-rounding = rounding { $name }
diff-h-count = count { $name }
diff-h-share = share { $name }
diff-h-bonus-item = bonus { $name }
diff-h-penalty-item = penalty { $name }
diff-value-number = { $value }
diff-value-decree-dated = { $decree } dated { $date }
diff-value-points = points
diff-value-band-points = { $band } points
diff-value-band-percent = { $band }%
diff-value-item = “{ $title }”: { $rule }
diff-value-item-capped = “{ $title }”, max { $max }: { $rule }
diff-word-areas = areas
diff-word-criteria = criteria
diff-word-subcriteria = sub-criteria
diff-word-self = self
diff-word-survey = survey
diff-word-satisfaction = satisfaction
diff-word-ratio = ratio
diff-word-score = score
diff-word-total = total
diff-word-percent = percent
diff-word-department = department
diff-word-district = district
diff-word-commune = commune
diff-word-province = province
diff-word-ministry = ministry
diff-word-not-evaluated = not evaluated
diff-word-zero = zero
diff-word-error = error
mapping-expected-arrow = line { $line }: expected `OLD -> NEW`
mapping-both-empty = line { $line }: both sides are empty
mapping-many-to-many = line { $line }: many to many is not a mapping; write one line per pair
mapping-header =
    chiso diff mapping: old id -> new id (`-`: none). Review, then pass with --mapping.
    old: { $old }
    new: { $new }
diff-kind-id = id
diff-kind-title = title
diff-kind-max = max
diff-kind-owner = owner
diff-kind-source = source
diff-kind-rule = rule
diff-kind-not-evaluated = not_evaluated
diff-kind-bonus = bonus
diff-kind-moved = moved
diff-in-year = in { $year }
diff-in-last-year = in last year's ruleset
diff-was-unchanged = was { $points } points as { $id } { $year }, unchanged
diff-was-changed = was { $points } points as { $id } { $year }; changed: { $kinds }
diff-split-from = split from { $id } ({ $points } points) { $year }
diff-id-points = { $id } ({ $points } points)
diff-merged-from = merged from { $parts } { $year }
diff-new-not-in-year = new: not in the { $year } ruleset
diff-new-not-in-last-year = new: not in last year's ruleset
diff-mapping-no-old-criterion = mapping: no criterion { $id } in the old ruleset
diff-mapping-no-new-criterion = mapping: no criterion { $id } in the new ruleset
diff-mapping-already-mapped = mapping: { $old } → { $new } names a criterion already mapped
diff-mapping-many-to-many = mapping: { $old } → { $new }: many to many is not a mapping
diff-mapping-no-old-input = mapping: no input { $name } in the old ruleset
diff-mapping-no-new-input = mapping: no input { $name } in the new ruleset

## Explanations (chiso explain)
explain-unit = unit
explain-unit-stage = { $unit }, stage { $stage } ({ $label })
explain-path = path
explain-maximum = maximum
explain-owner = owner
explain-reference = reference
explain-rule = rule
explain-sum-of-children = sum of its children
explain-steps = steps
explain-result = result
explain-result-of = { $score } of { $max }
explain-not-evaluated = not evaluated: { $reason }
explain-survey = left to the survey (no survey points given)
explain-missing = missing data
explain-note = note
explain-best-alone = this rule compares the unit with the best unit of its batch (best(…)), and no other unit was given: the unit was compared with itself. Pass the other units with --batch FILE… for the number the batch gives.
explain-evidence = evidence

## Merging forms (chiso merge)
merge-conflict = conflict in [{ $table }] `{ $key }`: { $values } — not merged; agree on one value and merge again
merge-versus = vs
merge-no-office = no office
merge-foreign = { $form } gives [{ $table }] `{ $key }`, which belongs to { $owners }
merge-gap-word = gap
merge-gap = [{ $table }] `{ $key }` not given by any form
merge-gap-for = (for { $criteria })
merge-summary = merged { $forms ->
        [one] 1 form
       *[other] { $forms } forms
    }: { $values ->
        [one] 1 value
       *[other] { $values } values
    }, { $conflicts ->
        [one] 1 conflict
       *[other] { $conflicts } conflicts
    }, { $gaps ->
        [one] 1 gap
       *[other] { $gaps } gaps
    }
merge-summary-claimed = claimed total { $claimed }

## Advice (chiso advise)
advice-head = { $unit } ({ $stage }) — { $points } points, index { $percent }, grade { $grade }
advice-next-grade = Next grade: { $grade } (from { $from })
advice-no-grades = This ruleset has no grades.
advice-incomplete = No grade yet: the unit's data is incomplete.
advice-top-grade = There is no higher grade.
advice-nothing = No change to a single input raises the points.
advice-nearest = nearest step
advice-most-effective = most effective
advice-next-grade-change = to the next grade
advice-not-enough = not enough by changing this input alone
advice-input = { $name } (now { $now })
advice-evaluations = ({ $count ->
        [one] 1 evaluation
       *[other] { $count } evaluations
    })
advice-amount-percent = { $amount } percentage points
advice-amount-days = { $amount } days
advice-change = { $from } → { $to }, +{ $gain } points (total { $total }, { $percent }{ $grade })

## Messages of the command line
cli-cannot-read = cannot read { $file }: { $error }
cli-cannot-read-stdin = cannot read standard input: { $error }
cli-cannot-read-folder = cannot read folder { $folder }: { $error }
cli-not-utf8 = { $file } is not UTF-8 text (byte { $byte }): save it as UTF-8
cli-in-file = in { $file }
cli-check-summary = { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }; { $nodes ->
        [one] 1 node
       *[other] { $nodes } nodes
    }, { $inputs ->
        [one] 1 input
       *[other] { $inputs } inputs
    }, { $tests ->
        [one] 1 test
       *[other] { $tests } tests
    }
cli-merge-empty = the forms give no value: refusing to replace { $file } with an empty unit file (--force to do it anyway)
cli-merge-header = Merged by chiso from: { $forms }
cli-man-name = NAME
cli-man-synopsis = SYNOPSIS
cli-man-description = DESCRIPTION
cli-man-version = VERSION
cli-man-authors = AUTHORS
cli-ruleset-is-data = { $file } is a data file, not a ruleset (.chiso): the ruleset comes first, then the data: chiso score RULESET DATA…
cli-previous-data-without-ruleset = --previous-data goes with last year's ruleset (.chiso), not with { $file }
cli-previous-needs-data = { $file }: last year's ruleset needs last year's data: add --previous-data FILES
cli-previous-ruleset-errors = { $file }: last year's ruleset has errors
cli-previous-data-problems = last year's data ({ $file }) has problems: run `chiso score` on it to see them
cli-previous-new-unit = “{ $unit }” is not in last year's results ({ $file })
cli-previous-gone-unit = “{ $unit }” of last year's results ({ $file }) is not in this year's
previous-not-json = not chiso's JSON results: line { $line }, column { $column }: { $message }
previous-not-array = not chiso's JSON results: expected the array `chiso score … --format json` writes
previous-entry-not-object = entry { $entry }: expected an object
previous-entry-no-unit = entry { $entry }: no `unit` name
previous-not-number = { $unit }: `{ $field }` is not a number: { $value }
previous-not-rank = { $unit }: `{ $field }` is not a rank: { $value }
cli-expected = expected { $words }
cli-no-criterion = no criterion `{ $id }` in { $file }
cli-no-criterion-suggest = no criterion `{ $id }` in { $file } (did you mean { $suggestion }?)
cli-fmt-not-formatted = not formatted
cli-fmt-formatted = formatted
cli-fmt-syntax-errors = not formatted because of the syntax errors above
cli-fmt-would-reformat = { $files ->
        [one] 1 file
       *[other] { $files } files
    } would be reformatted: run `chiso fmt` on { $files ->
        [one] it
       *[other] them
    }
fmt-syntax-errors = the file has { $count ->
        [one] 1 syntax error; fix it first
       *[other] { $count } syntax errors; fix them first
    }
fmt-unsafe = not formatted: the layout would change the ruleset ({ $why })
cli-import-nothing = nothing imported
import-comment-imported = Imported by `chiso import` from { $source }, rows { $first }–{ $last }.
import-comment-a-table = a table
import-comment-review =
    Review every row against the source: titles, maxima, owners, survey tags, and each
    placeholder condition of a "không đánh giá" clause.
import-comment-above = Above the table:
import-comment-total = the table's total (row { $row })
import-comment-placeholders =
    Placeholders for the conditions of "không đánh giá" clauses: replace each with the real
    condition on the unit's figures, or keep it and give it in the unit's data.
import-comment-repeats = row { $row }: the table repeats the number { $id } of row { $first }
import-comment-no-row = the table has no row for { $id }: added above row { $row }
import-comment-no-max = row { $row }: the table leaves the maximum blank
import-comment-bad-max = row { $row }: the table's maximum could not be read (see the I008 error): 0 for now
cli-import-summary = table { $table } of { $tables }, rows { $first }–{ $last }: { $areas ->
        [one] 1 area
       *[other] { $areas } areas
    }, { $criteria ->
        [one] 1 criterion
       *[other] { $criteria } criteria
    }, { $subcriteria ->
        [one] 1 sub-criterion
       *[other] { $subcriteria } sub-criteria
    } ({ $survey } survey, { $satisfaction } satisfaction, { $bonus } bonus, { $not_evaluated } not evaluated); { $errors ->
        [one] 1 error
       *[other] { $errors } errors
    }, { $warnings ->
        [one] 1 warning
       *[other] { $warnings } warnings
    }
cli-targets-no-unit = targets for “{ $unit }” match no unit of the batch
cli-not-scored = not scored because of the errors above
cli-left-out = left out because of the errors above
cli-refuse-input = refusing to write over { $file }: it is an input of this command (write the output to another file)
cli-cannot-create-temp = cannot create a temporary file in { $folder }: { $error }
cli-cannot-write = cannot write { $file }: { $error }
cli-binary-terminal = this format is binary: write it to a file with --output FILE
cli-cannot-write-stdout = cannot write to standard output: { $error }
cli-test-expectations = { $count ->
        [one] 1 expectation
       *[other] { $count } expectations
    }
cli-test-broken = { $count ->
        [one] 1 ruleset has errors and was not tested
       *[other] { $count } rulesets have errors and were not tested
    }
cli-test-summary = { $passed } passed, { $failed } failed
cli-template-items = { $count ->
        [one] 1 item
       *[other] { $count } items
    }
cli-unknown-stage = unknown stage `{ $stage }`: write { $words }
cli-unknown-group = unknown group “{ $group }”: write one of { $groups }

## Choosing the unit of a command
unit-choice-no-unit = no unit “{ $name }” in the data (units: { $units })
unit-choice-nothing = { $file }: no unit could be read from it
unit-choice-several = { $file } holds { $count } units: name one with --unit ({ $units })
unit-choice-no-stage = { $unit } has no { $asked } ({ $asked_label }) data: the data gives only { $given } ({ $given_label })

## A unit's missing data
missing-input = input `{ $name }` (for { $ids })
missing-input-described = input `{ $name }` — { $description } (for { $ids })
missing-points = points for { $id } “{ $title }” (0–{ $max })
missing-no-owner = (no owner)

## Other
with-help = { $message } ({ $help })
in-file = { $file }: { $message }
form-not-a-form = no line headed `Loại` — not a form written by `chiso template`

## Command line: values
cli-options-value = [OPTIONS]
cli-possible-values = possible values: { $values }
cli-default-value = default: { $value }

## File system errors
io-not-found = no such file or directory
io-permission-denied = permission denied
io-already-exists = the file already exists
io-is-a-directory = it is a directory
io-not-a-directory = not a directory
io-storage-full = no space left on the disk
io-read-only = the file system is read-only

## Tests (chiso test)
cli-test-ok = ok
cli-test-fail = FAIL

## Manual pages, standard input
cli-man-cannot-render = cannot render the manual page: { $error }
cli-cannot-create-folder = cannot create folder { $folder }: { $error }
cli-stdin-twice = standard input (-) is given twice: only one input can come from it

## Command line: colour, completions, manual
cli-arg-color = When to colour diagnostics and the progress bar: `auto` colours a terminal unless NO_COLOR is set (CLICOLOR_FORCE colours a pipe too)
cli-completions-about = Print the shell completion script for bash, zsh, fish, powershell or elvish (e.g. `chiso completions bash > ~/.local/share/bash-completion/completions/chiso`)
cli-completions-arg-shell = The shell: bash, zsh, fish, powershell or elvish
cli-man-about = Print the manual page (roff; `man -l -` reads it), or write one page per subcommand with `--dir`
cli-man-arg-dir = Write `chiso.1` and a page per subcommand into this folder instead of printing `chiso.1`

## Bonus, penalty, totals (merged)
t001-expected-total-but = expected total = { $expected }, but { $why }
t001-expected-total = expected total = { $expected }, got { $got }
e001-adjustment-holds = a bonus or penalty item holds score, max (its yearly cap), owner, note and ref
expected-adjustment = `bonus`/`điểm thưởng` or `penalty`/`điểm trừ`
expected-places = `places`/`chữ số`
expected-on = `on`/`theo`

## Grades on points (merged)
advice-points = { $points } points
e016-open-above-help = a bonus may lift the total above the maximum (`bonus above max`): the best grade must be open above (`from …`)

## Grades on points: diagnostics (merged)
e016-percent-band-on-points = the ruleset grades on points, but this band is written in %
e016-percent-band-on-points-help = write the band in points of the total (`from 15`), or grade on the percentage (remove `grade on points`)
e016-grade-gap-points = grade bands leave a gap: totals { $gap } get no grade

## Bonus and penalty items
adjust-rule = rule: { $rule }
adjustment-kind-bonus = bonus
adjustment-kind-penalty = penalty
adjustment-name = { $kind } { $id }
adjustment-title = { $kind } { $id } “{ $title }”
e017-display-places = a report prints at most 28 places
e026-below-zero = the rule of { $item } can go below zero: it { $reach }
e026-no-lower-limit = has no lower limit
e026-reaches = reaches { $value }
e026-penalty-help = write the points a penalty takes away as a positive number (`violations × 0,5`); the item being a penalty subtracts them
e026-bonus-help = a bonus gives points ≥ 0; to take points away, declare a penalty item (`penalty`/`điểm trừ`)
e009-item-not-number = the points of { $item } must be a number, found { $found }
e025-no-rule = { $item } has no rule
e025-no-rule-help = write how many points it gives or takes: `score = violations * 0.5` / `điểm = số_vi_phạm × 0,5`; points the council decides come from an input of type `points`
e025-what-awarded = `awarded` (the council's points for a criterion)
e025-what-best = `best(…)`
e025-what-max = `max` without a cap (`max N` on the item)
e025-outside-tree = { $what } has no meaning in { $item }, outside the criteria tree
e025-outside-tree-help = a bonus or penalty item is computed from the unit's inputs; points the council decides come from an input of type `points`
e027-floor-above-total = the floor { $floor } is above the tree's total { $total }
d009-item-below-zero = { $item }: the rule gives { $value }, below zero
explain-item-capped = capped by its own max { $cap }: { $computed } → { $points }
explain-adjustment-applied = { $kind } applied to the unit: { $points }; total { $before } → { $after }
explain-adjustment-applied-capped = { $kind } applied to the unit: { $points } (all { $kind } items together at most { $cap }); total { $before } → { $after }

## Command line: decimals shown (merged)
cli-score-arg-decimals = Print each unit's total with exactly this many decimals (86.471, 85.900), whatever the computation rounds to; overrides the ruleset's `display N places` / `hiển thị N chữ số`

## Stages, groups, appraisal rounds, year over year (merged)
expected-stages = `stages`/`giai đoạn`
expected-group = `group`/`nhóm`
cli-score-arg-jobs = Score on this many threads (default: as many as the machine has); the report is the same whatever the number
cli-score-arg-previous = Last year's results (so với năm trước): chiso's own `--format json` report of last year, or last year's ruleset (.chiso) with `--previous-data`; each unit's previous index, its change in points, percentage and rank, and its grade move are added to the report (units matched by name)
cli-score-arg-previous-data = Last year's data (files, folders, sheets), scored with the ruleset `--previous` names
d003-no-group = the unit names no group
d003-no-group-help = the ruleset ranks its units by group: give `group = …` (a `Nhóm` column in a sheet), one of { $groups }
d003-group-undeclared = group “{ $group }”: the ruleset declares no groups
d003-group-undeclared-help = declare the groups in the ruleset's header (`nhóm "Khối sở"`), or leave the group out
d003-unknown-group = unknown group “{ $group }”
d003-group-did-you-mean = did you mean “{ $group }”? The groups are { $groups }
d003-groups-are = the groups are { $groups }
e017-stage-count = { $count } stages declared: a ruleset scores the self-assessment and 1 to { $rounds } appraisal rounds
e017-stage-count-help = write `giai đoạn "Tự đánh giá", "Thẩm định", "Thẩm định lại"`
e023-stage-twice = this stage is declared twice
e017-stage-word = “{ $name }” is the word of stage { $stage } (`{ $word }`), not of stage { $position }
e017-stage-order = the self-assessment comes first, then the appraisal rounds in order

## Reports (chiso score): headings, columns, labels — in the reader's language (--lang)
report-col-id = Id
report-col-criterion = Criterion
report-col-max = Max
report-col-points = Points
report-col-lost = Lost
report-col-note = Note
report-col-self = Self score
report-col-computed = From data
report-col-appraised = Appraised
report-col-difference = Difference
report-col-council-note = Council's note
report-col-achieved = Achieved
report-col-owner = Owner
report-col-target = Target
report-col-rank = Rank
report-col-unit = Unit
report-col-points-achieved = Points
report-col-band = Band
report-col-unit-count = Units
report-col-group = Group
report-col-last-index = Last year's index
report-col-change-percent = Change (%)
report-col-change-points = Change in points
report-col-last-rank = Last year's rank
report-col-rank-change = Rank change
report-col-max-points = Max points
report-col-data-source = Data source
report-col-index-band = Index band
report-col-warning = Warning
report-col-code = Code
report-col-place = Place
report-col-message = Message
report-col-gap = Achieved − target
report-index = Index
report-par-index = PAR Index
report-grade = Grade
report-source = Source
report-total = TOTAL
report-total-word = Total
report-total-scored = TOTAL (criteria scored)
report-total-points = Total
report-not-evaluated-short = N/E
report-target-met = met
report-target-not-met = not met
report-incomplete = incomplete data
report-incomplete-so-far = incomplete data: points scored so far
report-not-scored = not scored
report-not-scored-errors = not scored: errors in the data
report-not-scored-title = { $unit } — { $ruleset } (not scored: errors in the data)
report-ungraded = Not graded
report-mean = Mean
report-mean-index = Mean index
report-units = { $count ->
        [one] unit
       *[other] units
    }
report-areas = Areas
report-area-abbrev = Area
report-max-points = max { $max } points
report-points-out-of = { $points } / { $max } points
report-stage-points = { $stage } scores
report-status-not-evaluated = not evaluated: { $reason }
report-status-survey = awaiting the survey
report-status-missing = missing data
report-status-failed = bad data
report-bonus = Bonus points
report-penalty = Penalty points
report-adjust-capped = computed { $computed }, capped at { $cap }
report-adjust-summary = Criteria points: { $criteria }   Bonus added: { $bonus }   Penalty: { $penalty }
report-ranking-heading = PAR Index ranking ({ $stage }){ $group } — { $ruleset }
report-grade-distribution = Grade distribution
report-area-indices = Sub-indices by area (%)
report-self-and-appraisal = Self-assessment and appraisal
report-lost-heading = Points lost
report-targets-heading = Targets and results
report-survey-stage = { $stage } { $points } points
report-survey-pending = Awaiting the survey (not in the totals above): { $stages }.
report-flags = { $count } { $count ->
        [one] criterion
       *[other] criteria
    }: the self score differs from the score computed from the unit's data.
report-rounds-heading = Self-assessment and appraisal rounds
report-round-vs-self = { $round }: { $change } against the self score
report-round-vs-previous = { $change } against the round before
report-rounds-total-difference = Difference in total points: { $rounds }.
report-no-group = Group unknown (not scored)
report-year = { $year }
report-last-year = last year
report-compared-with = Compared with { $year }
report-not-in-previous = Not in the results of { $year }: { $units }.
report-only-in-previous = In the results of { $year }, not this year: { $units }.
report-change-up = up
report-change-down = down
report-change-none = unchanged
report-mean-both-years = Mean index of the units ranked both years: { $now } ({ $year }: { $then }; { $change } { $by })
report-grade-move-same = unchanged
report-grade-move-up = up
report-grade-move-down = down
report-grade-move-changed = changed
report-decree = Decision { $decree }
report-decree-dated = Decision { $decree } of { $date }
report-sheet-ranking = Ranking
report-sheet-charts = Charts
report-sheet-comparisons = Self vs appraisal
report-sheet-not-scored = Not scored
report-sheet-criteria = Points by criterion
report-sheet-groups = By group
report-sheet-previous = Compared with last year
report-sheet-rounds = Appraisal rounds
report-html-title = PAR Index — { $ruleset }
report-html-details = Details by unit
report-html-footer = Made by chiso: every score is computed from the unit's data by the ruleset; totals and points lost add up the criteria tree.
report-card-ranked = Units ranked
report-card-incomplete = Incomplete data / errors
report-card-best-worst = Highest / lowest
report-html-ranking-heading = Ranking and sub-indices ({ $stage } scores)
report-html-change-title = This year's index minus last year's (percentage points)
report-html-no-area-index = not evaluated or incomplete data
report-html-legend = PAR Index = points achieved / applicable maximum (%). Sub-indices (%) by area:
report-html-not-scored-heading = Units not scored
report-html-not-scored-unit = Not scored: { $unit } ({ $origin }) — errors in the data:
report-html-differs = differs from the score computed from the data
report-html-flags = { $count } { $count ->
        [one] criterion has
       *[other] criteria have
    } a self score that differs from the score computed from the unit's data.
report-html-lost-heading = Points lost by unit
report-html-incomplete = Incomplete data: { $count } { $count ->
        [one] item is
       *[other] items are
    } missing or wrong — the points lost below count only the criteria scored.
report-html-no-lost = No points lost in any criterion scored.
report-html-total-scored = Total of the criteria scored
report-xlsx-page = Page
report-xlsx-ranking-title = PAR INDEX RANKING — { $ruleset }
report-xlsx-stage-points = { $stage } scores
report-xlsx-area-note = Sub-indices by area: points achieved / the area's applicable maximum.
report-xlsx-change = Change from last year (points of %)
report-xlsx-chart-top = PAR Index — top { $count } units
report-xlsx-chart-title = PAR Index by unit
report-xlsx-differs = self score differs from the score computed from the data
report-xlsx-criteria-title = POINTS BY CRITERION — { $stage } scores
report-xlsx-criteria-note = Row 4: criterion ids; row 5: maximum points. Empty cell: not evaluated, incomplete data, data errors or awaiting the survey.
report-xlsx-unit-summary = Total { $total } / { $max }; index { $percent }; grade { $grade }; rank { $rank }
report-xlsx-lost-title = Points lost (most first)
report-band-points = { $value } points
report-band-from = { $low } or more
report-band-above = above { $low }
report-band-below = below { $high }
report-band-up-to = up to { $high }
report-band-from-to = { $low } to { $high }
report-band-from-below = { $low } to below { $high }
report-band-above-to = above { $low } to { $high }
report-band-above-below = above { $low } to below { $high }
report-band-any = any
# report-fixes
## Reports: bonus and penalty lines that add up to the total
report-fixes-limit-bonus-cap = Above the yearly bonus cap (max { $cap })
report-fixes-limit-max = Above the unit's maximum ({ $max })
report-fixes-limit-penalty-cap = Above the yearly penalty cap (max { $cap })
report-fixes-limit-floor = Not below the floor ({ $floor })
report-fixes-limit-rounding = Rounding of the total
## Reports: why a unit is not ranked
report-fixes-unranked-wrong = data errors
report-fixes-unranked-missing = incomplete data
report-fixes-unranked-wrong-and-missing = data errors, incomplete data
## Reports: the last column of the targets table
report-fixes-target-met = Result
## Reports: ranking by group
report-fixes-no-group = No group given
report-fixes-groups-apart = Each group is ranked on its own.
report-fixes-incomplete-lost = { $label } — the points lost below count only the criteria scored.
report-fixes-incomplete-so-far = { $label }: points scored so far
