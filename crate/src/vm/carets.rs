//! The `~~~^^^` line CPython (3.11+) prints under a traceback's source line, marking the
//! expression that raised. The rules follow CPython 3.13's `traceback` module.

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::Ranged;

/// Where the primary (`^`) part lies within the segment, in characters.
struct Anchors {
    start: usize,
    end: usize,
}

/// The marker line for the byte span `span` of a source line that starts at byte
/// `line_start`, or None when CPython would print none. `indent` is the line's leading
/// whitespace in bytes (the printed line is stripped of it).
pub fn markers(line: &str, line_start: usize, span: (u32, u32), indent: usize) -> Option<String> {
    let (start, end) = (span.0 as usize, span.1 as usize);
    // Only single-line segments inside this line.
    if start < line_start || end > line_start + line.len() || start >= end {
        return None;
    }
    let (from, to) = (start - line_start, end - line_start);
    let segment = line.get(from..to)?;
    let anchors = anchors(segment);
    if !should_show(line, from, to, anchors.is_some()) {
        return None;
    }
    let lead = line.get(indent..from)?.chars().count();
    let mut out = " ".repeat(lead);
    for (i, _) in segment.chars().enumerate() {
        out.push(match &anchors {
            Some(a) if (a.start..a.end).contains(&i) => '^',
            Some(_) => '~',
            None => '^',
        });
    }
    Some(out)
}

/// CPython hides the markers when they would underline the whole statement, and for
/// `x = f(...)` / `return f(...)` where the call is the whole right-hand side.
fn should_show(line: &str, from: usize, to: usize, has_anchors: bool) -> bool {
    let stripped = line.trim_start();
    let offset = line.len() - stripped.len();
    if let Ok(parsed) = ruff_python_parser::parse_module(stripped) {
        let value = match parsed.syntax().body.first() {
            Some(Stmt::Return(r)) => r.value.as_deref(),
            Some(Stmt::Assign(a)) => Some(a.value.as_ref()),
            _ => None,
        };
        if let Some(Expr::Call(call)) = value {
            if matches!(call.func.as_ref(), Expr::Name(_)) {
                let r = call.range();
                if r.start().to_usize() + offset == from && r.end().to_usize() + offset == to {
                    return false;
                }
            }
        }
    }
    if has_anchors {
        return true;
    }
    !line[..from].trim_start().is_empty() || !line[to..].trim_end().is_empty()
}

fn char_index(text: &str, byte: usize) -> usize {
    text[..byte.min(text.len())].chars().count()
}

/// The operator of a binary operation, the `[...]` of a subscript or the `(...)` of a call.
fn anchors(segment: &str) -> Option<Anchors> {
    let parsed = ruff_python_parser::parse_expression(segment).ok()?;
    let expr = &parsed.syntax().body;
    let bytes = segment.as_bytes();
    let end = segment.len();
    match expr.as_ref() {
        Expr::BinOp(b) => {
            // The operator is the first character after the left operand that is neither
            // blank nor a closing parenthesis; it is one or two characters long.
            let mut op = b.left.end().to_usize();
            while op < end && (bytes[op].is_ascii_whitespace() || bytes[op] == b')') {
                op += 1;
            }
            let mut op_end = op + 1;
            let right = b.right.start().to_usize();
            if op_end < end
                && op_end < right
                && !bytes[op_end].is_ascii_whitespace()
                && !matches!(bytes[op_end], b'\\' | b'#')
            {
                op_end += 1;
            }
            Some(Anchors { start: char_index(segment, op), end: char_index(segment, op_end) })
        }
        Expr::Subscript(s) => {
            let open = segment[s.value.end().to_usize()..].find('[')? + s.value.end().to_usize();
            Some(Anchors {
                start: char_index(segment, open),
                end: char_index(segment, s.end().to_usize()),
            })
        }
        Expr::Call(c) => {
            let open = segment[c.func.end().to_usize()..].find('(')? + c.func.end().to_usize();
            Some(Anchors {
                start: char_index(segment, open),
                end: char_index(segment, c.end().to_usize()),
            })
        }
        _ => None,
    }
}
