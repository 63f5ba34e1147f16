//! Python source → Sleepy code objects: parse with ruff, analyse scopes, generate bytecode.

mod codegen;
pub mod symtable;

use std::fmt;
use std::sync::Arc;

use ruff_python_ast as ast;
use ruff_source_file::{LineIndex, SourceFileBuilder};
use ruff_text_size::{TextRange, TextSize};

use crate::bytecode::CodeObject;

/// A compile error before it is placed in a file: message and source range.
#[derive(Debug, Clone)]
pub struct SyntaxErrorInfo {
    pub message: String,
    pub range: TextRange,
}

/// A syntax error with everything CPython prints for one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: String,
    pub filename: String,
    /// 1-based.
    pub line: u32,
    /// 1-based, in characters.
    pub column: u32,
    /// The offending source line, without its newline.
    pub text: String,
}

impl fmt::Display for SyntaxError {
    /// Formats like CPython's traceback of a SyntaxError.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "  File \"{}\", line {}", self.filename, self.line)?;
        let trimmed = self.text.trim_start();
        if !trimmed.is_empty() {
            let indent = self.text.chars().count() - trimmed.chars().count();
            writeln!(f, "    {}", trimmed.trim_end())?;
            let caret = (self.column as usize).saturating_sub(1 + indent);
            writeln!(f, "    {}^", " ".repeat(caret))?;
        }
        writeln!(f, "SyntaxError: {}", self.message)
    }
}

impl std::error::Error for SyntaxError {}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Mode {
    /// A module or `exec` body.
    Exec,
    /// One expression (`eval`).
    Eval,
}

fn locate(
    source: &str,
    index: &LineIndex,
    filename: &str,
    message: String,
    offset: TextSize,
) -> SyntaxError {
    let offset = offset.min(TextSize::new(source.len() as u32));
    let lc = index.line_column(offset, source);
    let line_no = lc.line;
    let text = if line_no.to_zero_indexed() < index.line_count() {
        let start = index.line_start(line_no, source).to_usize();
        let end = index.line_end(line_no, source).to_usize();
        source[start..end].trim_end_matches(['\n', '\r']).to_owned()
    } else {
        String::new()
    };
    SyntaxError {
        message,
        filename: filename.to_owned(),
        line: line_no.get() as u32,
        column: lc.column.get() as u32,
        text,
    }
}

/// Compiles `source` (named `filename` in tracebacks).
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Arc<CodeObject>, SyntaxError> {
    // `eval` ignores leading blanks, as CPython does.
    let source = match mode {
        Mode::Eval => source.trim_start_matches([' ', '\t']),
        Mode::Exec => source,
    };
    let index = LineIndex::from_source_text(source);
    let source_file = SourceFileBuilder::new(filename, source).finish();
    let fail = |e: SyntaxErrorInfo| locate(source, &index, filename, e.message, e.range.start());
    let no_parameters = ast::Parameters::default();
    match mode {
        Mode::Exec => {
            let parsed = ruff_python_parser::parse_module(source).map_err(|e| {
                if let Some((bracket, at)) = unclosed_bracket(source) {
                    if e.location.start().to_usize() >= source.trim_end().len() {
                        let message = format!("'{bracket}' was never closed");
                        return locate(source, &index, filename, message, at);
                    }
                }
                locate(source, &index, filename, parse_message(&e.error), e.location.start())
            })?;
            let module = parsed.into_syntax();
            let scope = symtable::analyze_module(&module.body, module.range).map_err(fail)?;
            let compiler = codegen::Compiler::new(&source_file, &index, filename, &no_parameters);
            compiler.compile_module(&module.body, &scope).map_err(fail)
        }
        Mode::Eval => {
            let parsed = ruff_python_parser::parse_expression(source).map_err(|e| {
                locate(source, &index, filename, parse_message(&e.error), e.location.start())
            })?;
            let expr = parsed.into_syntax();
            let scope = symtable::analyze_expression(&expr.body).map_err(fail)?;
            let compiler = codegen::Compiler::new(&source_file, &index, filename, &no_parameters);
            compiler.compile_expression(&expr.body, &scope).map_err(fail)
        }
    }
}

/// The innermost bracket still open at the end of `source`, which CPython reports instead
/// of the end of the file.
fn unclosed_bracket(source: &str) -> Option<(char, TextSize)> {
    use ruff_python_ast::token::TokenKind;
    use ruff_text_size::Ranged;
    let parsed = ruff_python_parser::parse_unchecked(
        source,
        ruff_python_parser::ParseOptions::from(ruff_python_ast::PySourceType::Python),
    );
    let mut open: Vec<(char, TextSize)> = Vec::new();
    for token in parsed.tokens().iter() {
        match token.kind() {
            TokenKind::Lpar => open.push(('(', token.start())),
            TokenKind::Lsqb => open.push(('[', token.start())),
            TokenKind::Lbrace => open.push(('{', token.start())),
            TokenKind::Rpar | TokenKind::Rsqb | TokenKind::Rbrace => {
                open.pop();
            }
            _ => {}
        }
    }
    open.pop()
}

/// CPython's wording for the common parse errors, ruff's for the rest.
fn parse_message(error: &ruff_python_parser::ParseErrorType) -> String {
    let text = error.to_string();
    // "Expected `:`, found newline" → "expected ':'"
    if let Some(rest) = text.strip_prefix("Expected `") {
        if let Some((token, _)) = rest.split_once("`, found") {
            return format!("expected '{token}'");
        }
    }
    if text.starts_with("Expected an indented block") {
        return "expected an indented block".to_owned();
    }
    if text.starts_with("Unexpected indentation") {
        return "unexpected indent".to_owned();
    }
    if text.contains("was never closed") {
        return text;
    }
    if text.starts_with("Got unexpected token")
        || text.starts_with("Expected")
        || text.starts_with("Simple statements must")
    {
        return "invalid syntax".to_owned();
    }
    text
}

#[cfg(test)]
mod tests;
