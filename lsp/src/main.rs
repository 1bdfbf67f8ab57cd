//! `chiso-lsp`: the chiso language server over standard input and output.

#[tokio::main]
async fn main() {
    chiso_lsp::serve_stdio().await;
}
