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

## Test lenses in the editor
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
