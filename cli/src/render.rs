//! Diagnostics rendered for a terminal with miette.
//!
//! miette reads the source through [`miette::SourceCode`]; handed a whole `str`, it scans the
//! text from its start for every diagnostic (quadratic in a file with many diagnostics) and
//! it panics on a line whose label lies past column 65,535. So each diagnostic is rendered
//! over an [`Excerpt`]: only the lines its labels touch (plus one line of context), each long
//! line cut to a window around the label, built with one [`LineIndex`] per file. The header's
//! line and column are those of the file as written, columns counted in characters.

use chiso::diagnostic::{Diagnostic, Severity};
use chiso::position::{ColumnUnit, LineIndex};
use chiso::Lang;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

/// The language of this run: set once by `main` from `--lang`, `CHISO_LANG` or the locale.
static LANG: OnceLock<Lang> = OnceLock::new();

/// Sets the language of this run (the first call wins).
pub fn set_lang(lang: Lang) {
    let _ = LANG.set(lang);
}

/// The language every message of this run is written in (Vietnamese unless chosen).
pub fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// The language the environment asks for: `CHISO_LANG`, else the locale (`LC_ALL`,
/// `LC_MESSAGES`, `LANG`), else Vietnamese; `flag` (`--lang`) wins over all of them.
pub fn lang_from_env(flag: Option<Lang>) -> Lang {
    let var = |name: &str| std::env::var(name).ok();
    Lang::choose(
        flag,
        var("CHISO_LANG").as_deref(),
        var("LC_ALL").as_deref(),
        var("LC_MESSAGES").as_deref(),
        var("LANG").as_deref(),
    )
}

/// What the system said about a file, in the reader's words for the common cases (the
/// system's own text is English); anything else as the system says it, with its code.
pub fn io_error(e: &std::io::Error) -> chiso::Message {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => chiso::msg!("io-not-found"),
        PermissionDenied => chiso::msg!("io-permission-denied"),
        AlreadyExists => chiso::msg!("io-already-exists"),
        IsADirectory => chiso::msg!("io-is-a-directory"),
        NotADirectory => chiso::msg!("io-not-a-directory"),
        StorageFull => chiso::msg!("io-storage-full"),
        ReadOnlyFilesystem => chiso::msg!("io-read-only"),
        _ => chiso::Message::plain(e.to_string()),
    }
}

/// A catalogue message in this run's language.
pub fn text(message: chiso::Message) -> String {
    message.render(lang())
}

/// Lines of context miette shows around a label; the excerpt holds exactly as many.
pub const CONTEXT_LINES: usize = 1;

/// A line longer than this (in characters) is cut to a window around its label.
const MAX_LINE_CHARS: usize = 240;
/// Characters kept before the label's start on a cut line.
const WINDOW_BEFORE: usize = 60;
/// Characters kept in all on a cut line.
const WINDOW_CHARS: usize = 200;
/// Marks the cut parts of a line.
const ELLIPSIS: &str = "…";

/// One file's text with its line index, built once for all of the file's diagnostics.
pub struct FileSource<'a> {
    name: &'a str,
    text: &'a str,
    lines: &'a LineIndex,
}

impl<'a> FileSource<'a> {
    /// `text` (named `name` in the output) with its line index, `LineIndex::new(text)`.
    pub fn new(name: &'a str, text: &'a str, lines: &'a LineIndex) -> Self {
        FileSource { name, text, lines }
    }

    /// Renders one diagnostic of this file with `handler`, appending to `out`.
    pub fn render(
        &self,
        handler: &miette::GraphicalReportHandler,
        diagnostic: &Diagnostic,
        out: &mut String,
    ) -> fmt::Result {
        let rendered = Rendered::new(diagnostic, self);
        let mut report = String::new();
        handler.render_report(&mut report, &rendered)?;
        // miette writes its own "help:" heading; the reader's language has its word.
        if lang() != Lang::En {
            let word = format!("  {}: ", chiso::msg!("help-word").render(lang()));
            report = report.replace("  help: ", &word);
        }
        out.push_str(&report);
        Ok(())
    }
}

/// A diagnostic joined with the excerpt of the text it points into, for miette's renderer.
pub struct Rendered<'a> {
    diagnostic: &'a Diagnostic,
    source: Excerpt<'a>,
    /// The diagnostic's texts in this run's language.
    message: String,
    span_label: Option<String>,
    labels: Vec<String>,
    help: Option<String>,
}

impl<'a> Rendered<'a> {
    /// The diagnostic over an excerpt of `file` holding the lines its labels touch.
    pub fn new(diagnostic: &'a Diagnostic, file: &'a FileSource<'a>) -> Self {
        let spans = std::iter::once(diagnostic.span.clone())
            .chain(diagnostic.labels.iter().map(|l| l.span.clone()));
        let lang = lang();
        Rendered {
            diagnostic,
            source: Excerpt::new(file, diagnostic.span.start, spans),
            message: diagnostic.message.render(lang),
            span_label: diagnostic.span_label.as_ref().map(|m| m.render(lang)),
            labels: diagnostic
                .labels
                .iter()
                .map(|l| l.message.render(lang))
                .collect(),
            // The help, else the fix's title.
            help: diagnostic
                .help
                .as_ref()
                .or(diagnostic.fix.as_ref().map(|f| &f.title))
                .map(|m| m.render(lang)),
        }
    }

    /// The excerpt's text: what rendering this diagnostic reads of the file.
    #[cfg(test)]
    fn excerpt_text(&self) -> &str {
        &self.source.text
    }
}

/// One line of the file as it stands in an excerpt.
struct ExcerptLine {
    /// Start and end (before the `\n` the excerpt adds) in the excerpt's text.
    start: usize,
    end: usize,
    /// 0-based line in the file.
    line: usize,
    /// The part of the file's line that was kept (all of its content, or a window).
    kept: Range<usize>,
    /// Bytes of ellipsis before the kept part.
    prefix: usize,
    /// Index of the run of consecutive file lines this line belongs to.
    run: usize,
}

/// The lines around a diagnostic's labels, copied (long lines cut) into a small text whose
/// offsets miette works in; positions map both ways between it and the file.
struct Excerpt<'a> {
    file: &'a FileSource<'a>,
    text: String,
    lines: Vec<ExcerptLine>,
    /// First and last index into `lines` of each run of consecutive file lines.
    runs: Vec<(usize, usize)>,
}

impl<'a> Excerpt<'a> {
    fn new(
        file: &'a FileSource<'a>,
        anchor: usize,
        spans: impl Iterator<Item = Range<usize>>,
    ) -> Self {
        let index = file.lines;
        let last_line = index.line_count() - 1;
        let spans: Vec<Range<usize>> = spans.collect();
        // Line ranges each label needs, with context, merged when they touch.
        let mut wanted: Vec<(usize, usize)> = spans
            .iter()
            .map(|s| {
                let first = index.line_of(s.start);
                let last = index.line_of(s.end.max(s.start));
                (
                    first.saturating_sub(CONTEXT_LINES),
                    (last + CONTEXT_LINES).min(last_line),
                )
            })
            .collect();
        wanted.sort_unstable();
        let mut merged: Vec<(usize, usize)> = Vec::new();
        for (first, last) in wanted {
            match merged.last_mut() {
                Some(run) if first <= run.1 + 1 => run.1 = run.1.max(last),
                _ => merged.push((first, last)),
            }
        }
        let mut excerpt = Excerpt {
            file,
            text: String::new(),
            lines: Vec::new(),
            runs: Vec::new(),
        };
        for (run, &(first, last)) in merged.iter().enumerate() {
            let start = excerpt.lines.len();
            for line in first..=last {
                excerpt.push_line(line, run, anchor, &spans);
            }
            excerpt.runs.push((start, excerpt.lines.len() - 1));
        }
        excerpt
    }

    fn push_line(&mut self, line: usize, run: usize, anchor: usize, spans: &[Range<usize>]) {
        let text = self.file.text;
        let content = self
            .file
            .lines
            .line_content(text, line)
            .unwrap_or(text.len()..text.len());
        let whole = &text[content.clone()];
        let kept = if whole.len() <= MAX_LINE_CHARS || whole.chars().count() <= MAX_LINE_CHARS {
            content.clone()
        } else {
            // Centre on the primary span if it starts here, else on the first label here.
            let on_line = |o: usize| content.contains(&o) || o == content.end;
            let focus = if on_line(anchor) {
                anchor
            } else {
                spans
                    .iter()
                    .flat_map(|s| [s.start, s.end])
                    .find(|&o| on_line(o))
                    .unwrap_or(content.start)
            };
            let focus = chiso::position::floor_char_boundary(text, focus);
            let from = text[content.start..focus]
                .char_indices()
                .rev()
                .nth(WINDOW_BEFORE - 1)
                .map_or(content.start, |(i, _)| content.start + i);
            let to = text[from..content.end]
                .char_indices()
                .nth(WINDOW_CHARS)
                .map_or(content.end, |(i, _)| from + i);
            from..to
        };
        let start = self.text.len();
        let prefix = if kept.start > content.start {
            self.text.push_str(ELLIPSIS);
            ELLIPSIS.len()
        } else {
            0
        };
        self.text.push_str(&text[kept.clone()]);
        if kept.end < content.end {
            self.text.push_str(ELLIPSIS);
        }
        let end = self.text.len();
        self.text.push('\n');
        self.lines.push(ExcerptLine {
            start,
            end,
            line,
            kept,
            prefix,
            run,
        });
    }

    /// The excerpt offset of a file offset (clamped into the kept part of its line).
    fn to_excerpt(&self, offset: usize) -> usize {
        let line = self.file.lines.line_of(offset);
        let Ok(k) = self.lines.binary_search_by_key(&line, |l| l.line) else {
            // Not in the excerpt (cannot happen for a label's own offsets).
            return self.text.len();
        };
        let l = &self.lines[k];
        if offset < l.kept.start {
            l.start
        } else if offset <= l.kept.end {
            l.start + l.prefix + (offset - l.kept.start)
        } else {
            l.end
        }
    }

    /// The excerpt line holding an excerpt offset.
    fn line_at(&self, offset: usize) -> usize {
        self.lines
            .partition_point(|l| l.start <= offset)
            .saturating_sub(1)
    }

    /// The file offset of an excerpt offset.
    fn to_file(&self, offset: usize) -> usize {
        let l = &self.lines[self.line_at(offset)];
        let into = offset.saturating_sub(l.start + l.prefix);
        let kept = l.kept.start + into.min(l.kept.len());
        chiso::position::floor_char_boundary(self.file.text, kept)
    }

    fn span(&self, span: &Range<usize>) -> miette::SourceSpan {
        let start = self.to_excerpt(span.start);
        let end = self.to_excerpt(span.end.max(span.start)).max(start);
        (start, end - start).into()
    }
}

impl miette::SourceCode for Excerpt<'_> {
    fn read_span<'b>(
        &'b self,
        span: &miette::SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn miette::SpanContents<'b> + 'b>, miette::MietteError> {
        if self.lines.is_empty() || span.offset() > self.text.len() {
            return Err(miette::MietteError::OutOfBounds);
        }
        let start = span.offset();
        let end = start + span.len();
        let first = self.line_at(start);
        let last = self.line_at(end.saturating_sub(1).max(start));
        let (run_first, run_last) = self.runs[self.lines[first].run];
        let first_shown = first.saturating_sub(context_lines_before).max(run_first);
        let last_shown = (last + context_lines_after).min(run_last).max(last);
        let (data, line, column) = if context_lines_before == 0 {
            // The primary label's own place: the header's line and column.
            let at = self.to_file(start);
            let position = self
                .file
                .lines
                .position(self.file.text, at, ColumnUnit::Char);
            let data_end = end.max(start).min(self.text.len());
            (start..data_end, position.line, position.column)
        } else {
            let data_end = (self.lines[last_shown].end + 1).min(self.text.len());
            (
                self.lines[first_shown].start..data_end,
                self.lines[first_shown].line,
                0,
            )
        };
        Ok(Box::new(miette::MietteSpanContents::new_named(
            self.file.name.to_string(),
            &self.text.as_bytes()[data.clone()],
            (data.start, data.len()).into(),
            line,
            column,
            last_shown - first_shown + 1,
        )))
    }
}

impl Rendered<'_> {
    /// A diagnostic about the file as a whole (a missing input has no place to point at).
    fn is_unplaced(&self) -> bool {
        self.diagnostic.span.is_empty() && self.diagnostic.labels.is_empty()
    }
}

impl fmt::Debug for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.diagnostic, f)
    }
}

impl fmt::Display for Rendered<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Rendered<'_> {}

impl miette::Diagnostic for Rendered<'_> {
    fn code<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        Some(Box::new(self.diagnostic.code))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diagnostic.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        })
    }

    fn help<'b>(&'b self) -> Option<Box<dyn fmt::Display + 'b>> {
        self.help
            .as_deref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display + 'b>)
    }

    fn source_code(&self) -> Option<&dyn miette::SourceCode> {
        (!self.is_unplaced()).then_some(&self.source as &dyn miette::SourceCode)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = miette::LabeledSpan> + '_>> {
        if self.is_unplaced() {
            return None;
        }
        let d = self.diagnostic;
        let primary = miette::LabeledSpan::new_primary_with_span(
            self.span_label.clone(),
            self.source.span(&d.span),
        );
        let rest = d.labels.iter().zip(&self.labels).map(|(l, text)| {
            miette::LabeledSpan::new_with_span(Some(text.clone()), self.source.span(&l.span))
        });
        Some(Box::new(std::iter::once(primary).chain(rest)))
    }
}

/// When output is coloured: `--color auto|always|never`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum ColorChoice {
    /// Colour on a terminal, unless `NO_COLOR` is set (or `TERM=dumb`); `CLICOLOR_FORCE`
    /// colours even when not on a terminal.
    #[default]
    Auto,
    /// Always colour, even into a file or a pipe.
    Always,
    /// Never colour.
    Never,
}

impl ColorChoice {
    /// The choice written on a command line before clap has parsed it (`--color X` or
    /// `--color=X`, before any `--`), so that clap's own help and errors follow it too.
    pub fn from_args(args: impl IntoIterator<Item = std::ffi::OsString>) -> Self {
        let mut args = args.into_iter().skip(1);
        let mut choice = ColorChoice::Auto;
        while let Some(arg) = args.next() {
            let arg = arg.to_string_lossy().into_owned();
            if arg == "--" {
                break;
            }
            let value = match arg.strip_prefix("--color") {
                Some("") => args.next().map(|v| v.to_string_lossy().into_owned()),
                Some(rest) => rest.strip_prefix('=').map(str::to_string),
                None => None,
            };
            if let Some(value) = value {
                choice = match value.as_str() {
                    "always" => ColorChoice::Always,
                    "never" => ColorChoice::Never,
                    _ => ColorChoice::Auto,
                };
            }
        }
        choice
    }

    /// The same choice for clap's help and error messages.
    pub fn for_clap(self) -> clap::ColorChoice {
        match self {
            ColorChoice::Auto => clap::ColorChoice::Auto,
            ColorChoice::Always => clap::ColorChoice::Always,
            ColorChoice::Never => clap::ColorChoice::Never,
        }
    }

    /// Whether to colour, given the environment's variables and whether the output is a
    /// terminal. `NO_COLOR` (set and not empty, no-color.org) wins over `CLICOLOR_FORCE`
    /// (set and not `0`); a flag on the command line wins over both.
    pub fn decide(
        self,
        no_color: Option<&std::ffi::OsStr>,
        clicolor_force: Option<&std::ffi::OsStr>,
        term: Option<&std::ffi::OsStr>,
        is_terminal: bool,
    ) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => {
                if no_color.is_some_and(|v| !v.is_empty()) {
                    false
                } else if clicolor_force.is_some_and(|v| !v.is_empty() && v != "0") {
                    true
                } else {
                    is_terminal && term.is_none_or(|t| t != "dumb")
                }
            }
        }
    }
}

/// The command line's `--color`, set once by `main`.
static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

/// Records the command line's `--color` (the first call wins).
pub fn set_color_choice(choice: ColorChoice) {
    let _ = COLOR.set(choice);
}

/// Whether what is written to standard error (diagnostics, the progress bar) is coloured.
pub fn color_stderr() -> bool {
    use std::io::IsTerminal;
    COLOR.get().copied().unwrap_or_default().decide(
        std::env::var_os("NO_COLOR").as_deref(),
        std::env::var_os("CLICOLOR_FORCE").as_deref(),
        std::env::var_os("TERM").as_deref(),
        std::io::stderr().is_terminal(),
    )
}

/// `text` (a severity's label, with its code) painted as miette paints severities — bold red
/// for errors, bold yellow for warnings — when [`color_stderr`] says standard error is
/// coloured; as it is otherwise.
pub fn paint_severity(severity: chiso::Severity, text: &str) -> String {
    if !color_stderr() {
        return text.to_string();
    }
    let color = match severity {
        chiso::Severity::Error => "1;31",
        chiso::Severity::Warning => "1;33",
    };
    format!("\x1b[{color}m{text}\x1b[0m")
}

/// miette's theme for standard error: coloured or not as [`color_stderr`] decides.
pub fn stderr_theme() -> miette::GraphicalTheme {
    if color_stderr() {
        miette::GraphicalTheme::unicode()
    } else {
        miette::GraphicalTheme::unicode_nocolor()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn handler() -> miette::GraphicalReportHandler {
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor())
            .with_width(100)
            .with_context_lines(CONTEXT_LINES)
    }

    fn render(name: &str, text: &str, d: &Diagnostic) -> String {
        let mut out = String::new();
        let lines = LineIndex::new(text);
        FileSource::new(name, text, &lines)
            .render(&handler(), d, &mut out)
            .expect("rendered");
        out
    }

    #[test]
    fn a_diagnostic_reads_only_the_lines_around_it() {
        // The excerpt is what rendering costs: a few lines, however large the file and
        // however far into it the diagnostic is. This is what keeps 50,000 diagnostics linear.
        let text = "dòng có chữ Việt\n".repeat(100_000);
        let lines = LineIndex::new(&text);
        let file = FileSource::new("big.chiso", &text, &lines);
        for line in [0, 1, 50_000, 99_999] {
            let at = (line * "dòng có chữ Việt\n".len()).min(text.len());
            let d = Diagnostic::warning("W001", at..(at + 4).min(text.len()), "here");
            let rendered = Rendered::new(&d, &file);
            assert!(rendered.excerpt_text().lines().count() <= 3, "{line}");
            let mut out = String::new();
            file.render(&handler(), &d, &mut out).expect("rendered");
            assert!(out.contains(&format!("big.chiso:{}:1", line + 1)), "{out}");
        }
    }

    #[test]
    fn a_label_past_column_65535_renders_with_its_true_column_and_caret() {
        let line = format!("{}x = ẩn", "ế".repeat(70_000));
        let text = format!("đầu\n{line}\ncuối\n");
        let at = text.find("ẩn").unwrap();
        let d = Diagnostic::error("E008", at..at + "ẩn".len(), "unknown input `ẩn`");
        let out = render("wide.chiso", &text, &d);
        assert!(out.contains("wide.chiso:2:70005"), "{out}");
        let snippet = out
            .lines()
            .find(|l| l.contains("x = ẩn"))
            .expect("the line");
        assert!(snippet.chars().count() < 300, "{snippet}");
        assert!(snippet.contains('…'));
        // The caret under `ẩn`, counted in characters.
        let underline = out
            .lines()
            .skip_while(|l| !l.contains("x = ẩn"))
            .nth(1)
            .expect("underline");
        let column = |s: &str, pat: char| s.chars().position(|c| c == pat);
        let under = underline.chars().position(|c| c == '─' || c == '┬');
        assert_eq!(under, column(snippet, 'ẩ'), "{snippet}\n{underline}");
    }

    #[test]
    fn labels_far_apart_render_as_separate_snippets() {
        let mut text = String::new();
        for k in 0..1000 {
            text.push_str(&format!("dòng {k}\n"));
        }
        let first = text.find("dòng 3\n").unwrap();
        let second = text.find("dòng 900\n").unwrap();
        let d = Diagnostic::error("E002", second..second + 4, "again")
            .with_label(first..first + 4, "first declared here");
        let lines = LineIndex::new(&text);
        let file = FileSource::new("f.chiso", &text, &lines);
        let rendered = Rendered::new(&d, &file);
        assert_eq!(rendered.excerpt_text().lines().count(), 6);
        let out = render("f.chiso", &text, &d);
        assert!(out.contains("dòng 3") && out.contains("dòng 900"), "{out}");
        assert!(!out.contains("dòng 500"), "{out}");
        assert!(out.contains("f.chiso:901:1"), "{out}");
    }

    #[test]
    fn a_span_at_the_very_end_and_an_empty_text_render() {
        for text in ["", "a", "a\n", "a\r\nb\r\n"] {
            let d = Diagnostic::error("E001", text.len()..text.len(), "at the end");
            let out = render("e.chiso", text, &d);
            assert!(out.contains("at the end"), "{text:?}: {out}");
        }
    }

    #[test]
    fn colour_follows_the_flag_then_no_color_then_clicolor_force_then_the_terminal() {
        use std::ffi::OsStr;
        let set = Some(OsStr::new("1"));
        let empty = Some(OsStr::new(""));
        let zero = Some(OsStr::new("0"));
        // The flag wins over every variable.
        assert!(ColorChoice::Always.decide(set, None, None, false));
        assert!(!ColorChoice::Never.decide(None, set, None, true));
        // NO_COLOR set and not empty turns colour off, even over CLICOLOR_FORCE.
        assert!(!ColorChoice::Auto.decide(set, set, None, true));
        // An empty NO_COLOR is as if unset (no-color.org).
        assert!(ColorChoice::Auto.decide(empty, None, None, true));
        // CLICOLOR_FORCE colours a pipe; `0` does not.
        assert!(ColorChoice::Auto.decide(None, set, None, false));
        assert!(!ColorChoice::Auto.decide(None, zero, None, false));
        // Otherwise: a terminal that is not dumb.
        assert!(ColorChoice::Auto.decide(None, None, Some(OsStr::new("xterm")), true));
        assert!(!ColorChoice::Auto.decide(None, None, Some(OsStr::new("dumb")), true));
        assert!(!ColorChoice::Auto.decide(None, None, None, false));
    }

    #[test]
    fn the_color_flag_is_found_before_clap_parses() {
        let args = |list: &[&str]| {
            list.iter()
                .map(std::ffi::OsString::from)
                .collect::<Vec<_>>()
        };
        assert_eq!(
            ColorChoice::from_args(args(&["chiso", "--color", "never", "check", "x"])),
            ColorChoice::Never
        );
        assert_eq!(
            ColorChoice::from_args(args(&["chiso", "check", "--color=always", "x"])),
            ColorChoice::Always
        );
        // After `--` it is a file name.
        assert_eq!(
            ColorChoice::from_args(args(&["chiso", "check", "--", "--color=always"])),
            ColorChoice::Auto
        );
    }
}
