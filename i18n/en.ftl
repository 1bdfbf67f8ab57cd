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
