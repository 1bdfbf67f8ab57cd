//! Every file a command writes goes through here, so that nothing a user wrote is ever
//! overwritten, lost or half-written:
//! - atomically: a temporary file beside the target (named `.NAME.chiso-XXXXXX.tmp`, so a
//!   person who finds one knows what left it), synced, then renamed into place; after an
//!   error the temporary file is removed and the target is untouched;
//! - never over one of the command's own inputs (compared as files, through links);
//! - through a symbolic link to its target (the link stays a link);
//! - with the mode a new file gets under the user's umask, or the mode the replaced file had;
//! - `-` (or no path) is standard output; binary output is never sent to a terminal.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

/// Whether a path means standard input or output.
pub fn is_stdio(path: &Path) -> bool {
    path.as_os_str() == "-"
}

/// The file a path writes to: a symbolic link is followed to its target (the target need not
/// exist yet); any other path is itself.
fn resolve_target(path: &Path) -> PathBuf {
    let mut current = path.to_path_buf();
    // A bounded walk: a loop of links ends here and the rename reports it.
    for _ in 0..40 {
        match std::fs::symlink_metadata(&current) {
            Ok(meta) if meta.file_type().is_symlink() => match std::fs::read_link(&current) {
                Ok(target) if target.is_absolute() => current = target,
                Ok(target) => {
                    let base = current.parent().map(Path::to_path_buf).unwrap_or_default();
                    current = base.join(target);
                }
                Err(_) => break,
            },
            _ => break,
        }
    }
    current
}

/// Whether two paths name the same existing file (through links, `..` and hard links).
fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(ma), Ok(mb)) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::MetadataExt;
                ma.dev() == mb.dev() && ma.ino() == mb.ino()
            }
            #[cfg(not(unix))]
            {
                let _ = (ma, mb);
                matches!(
                    (a.canonicalize(), b.canonicalize()),
                    (Ok(x), Ok(y)) if x == y
                )
            }
        }
        _ => false,
    }
}

/// Refuses a target that is one of the command's inputs.
///
/// # Errors
/// "refusing to write over FILE: it is an input of this command".
pub fn check_not_an_input(target: &Path, inputs: &[PathBuf]) -> Result<(), String> {
    if is_stdio(target) {
        return Ok(());
    }
    for input in inputs.iter().filter(|i| !is_stdio(i)) {
        if same_file(target, input) {
            return Err(tr!("cli-refuse-input", file = target.display().to_string()));
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically (see the module's documentation). Use
/// [`write_output`] for a command's `-o`; this is for replacing a file in place (`fmt`).
///
/// # Errors
/// The file system's, with the path named; the target is then as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<(), String> {
    write_atomic_with(path, &mut |out| out.write_all(bytes))
}

/// Writes to `path` atomically what `write` produces, streamed through a buffer into the
/// temporary file (so a report is never held whole in memory), then synced and renamed into
/// place. If `write` fails, the temporary file is removed and the target is untouched.
///
/// # Errors
/// The file system's or `write`'s, with the path named.
pub fn write_atomic_with(
    path: &Path,
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    let target = resolve_target(path);
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let file_name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "output".into());
    let prefix = format!(".{file_name}.chiso-");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // A replaced file keeps its mode; a new one gets what the umask gives 0666.
        let mode = std::fs::metadata(&target)
            .map(|m| m.permissions().mode() & 0o7777)
            .unwrap_or(0o666);
        builder.permissions(std::fs::Permissions::from_mode(mode));
    }
    let mut file = builder.tempfile_in(&dir).map_err(|e| {
        tr!(
            "cli-cannot-create-temp",
            folder = dir.display().to_string(),
            error = crate::render::io_error(&e)
        )
    })?;
    let cannot_write = |e: std::io::Error| {
        tr!(
            "cli-cannot-write",
            file = path.display().to_string(),
            error = crate::render::io_error(&e)
        )
    };
    {
        let mut buffered = std::io::BufWriter::with_capacity(1 << 16, file.as_file_mut());
        write(&mut buffered)
            .and_then(|_| buffered.flush())
            .map_err(cannot_write)?;
    }
    file.as_file().sync_all().map_err(cannot_write)?;
    #[cfg(unix)]
    if let Ok(meta) = std::fs::metadata(&target) {
        // The umask may have narrowed the mode asked for; a replaced file keeps its own.
        use std::os::unix::fs::PermissionsExt;
        let _ = file
            .as_file()
            .set_permissions(std::fs::Permissions::from_mode(
                meta.permissions().mode() & 0o7777,
            ));
    }
    file.persist(&target).map_err(|e| {
        tr!(
            "cli-cannot-write",
            file = path.display().to_string(),
            error = crate::render::io_error(&e.error)
        )
    })?;
    Ok(())
}

/// Writes a command's output: to `output` atomically, or to standard output when it is
/// `None` or `-`. `inputs` are the files the command read: writing over one is refused.
/// `binary` output is refused on a terminal.
///
/// # Errors
/// A refusal or the file system's error, as text naming the file.
pub fn write_output(
    output: Option<&Path>,
    bytes: &[u8],
    binary: bool,
    inputs: &[PathBuf],
) -> Result<(), String> {
    write_output_with(output, binary, inputs, &mut |out| out.write_all(bytes))
}

/// [`write_output`] of what `write` produces, streamed (a report written unit by unit): to
/// the file through [`write_atomic_with`], or to standard output through a buffer.
///
/// # Errors
/// A refusal, the file system's error or `write`'s, as text naming the file.
pub fn write_output_with(
    output: Option<&Path>,
    binary: bool,
    inputs: &[PathBuf],
    write: &mut dyn FnMut(&mut dyn Write) -> std::io::Result<()>,
) -> Result<(), String> {
    match output.filter(|p| !is_stdio(p)) {
        Some(path) => {
            check_not_an_input(path, inputs)?;
            write_atomic_with(path, write)
        }
        None => {
            if binary && std::io::stdout().is_terminal() {
                return Err(tr!("cli-binary-terminal"));
            }
            let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
            match write(&mut stdout).and_then(|_| stdout.flush()) {
                // The reader stopped early (`| head`): what it read is all it wanted.
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
                other => other.map_err(|e| {
                    tr!(
                        "cli-cannot-write-stdout",
                        error = crate::render::io_error(&e)
                    )
                }),
            }
        }
    }
}

/// Prints text to standard output. A reader that stopped early (`chiso … | head`) is not an
/// error and does not panic as `print!` would; any other failure is said once on stderr.
pub fn print(text: &str) {
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = stdout
        .write_all(text.as_bytes())
        .and_then(|_| stdout.flush())
    {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            eprintln!(
                "{}: {}",
                chiso::Severity::Error.label(crate::render::lang()),
                tr!(
                    "cli-cannot-write-stdout",
                    error = crate::render::io_error(&e)
                )
            );
        }
    }
}

/// [`print`] with a final newline.
pub fn println(text: &str) {
    print(&format!("{text}\n"));
}
