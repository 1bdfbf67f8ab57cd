//! The language server's one integration-test binary: protocol tests in-process, and real
//! editors (headless Neovim, the VS Code extension's build) driving the built server.

mod editors;
mod protocol;
mod stdio;
