//! Comments (`#` to the end of the line, outside strings). The grammar skips them, so the
//! syntax tree has none; the formatter and the editor find them here and place them by
//! position. Where they are is the crate's one lexer's decision (`syntax/lexer.rs`), so
//! the formatter and the editor agree on what is a comment.

pub use super::lexer::comments;
