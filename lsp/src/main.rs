//! `chiso-lsp`: the chiso language server over standard input and output.

/// Stack of each runtime thread. Analysis recursion is bounded by the syntax layer
/// (`chiso::syntax::MAX_NESTING`, `MAX_EXPR_DEPTH`) to fit in tokio's default 2 MiB; this
/// is a margin on top, not a limit anything relies on.
const THREAD_STACK: usize = 16 * 1024 * 1024;

fn main() {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .thread_stack_size(THREAD_STACK)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            eprintln!("chiso-lsp: cannot start: {e}");
            std::process::exit(2);
        }
    };
    let code = runtime.block_on(chiso_lsp::serve_stdio());
    // Exit at once: dropping the runtime would wait for the thread blocked reading stdin.
    std::process::exit(code);
}
