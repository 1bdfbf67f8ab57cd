//! Comments (`#` to the end of the line, outside strings). The grammar skips them, so the
//! syntax tree has none; the formatter and the editor find them here and place them by
//! position. Where they are is the lexer's decision ([`super::lexer`]).

pub use super::lexer::comments;
