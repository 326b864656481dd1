//! `str.encode` and `bytes.decode`: the UTF-8, ASCII, Latin-1, UTF-16 and UTF-32 codecs with
//! CPython's error handlers (`strict`, `ignore`, `replace`, `backslashreplace`,
//! `xmlcharrefreplace`) and its exact `UnicodeError` details.
//!
//! Errors come back as [`CodecError`] values holding what the VM needs to build a
//! `UnicodeEncodeError`/`UnicodeDecodeError` (encoding, start, end, reason).

use std::fmt::Write;

/// A codec gyre implements.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Codec {
    /// UTF-8.
    Utf8,
    /// ASCII (code points below 128).
    Ascii,
    /// ISO-8859-1 (code points below 256).
    Latin1,
    /// UTF-16: `None` = native order with a BOM, `Some(true)` = little endian, no BOM.
    Utf16(Option<bool>),
    /// UTF-32, as UTF-16.
    Utf32(Option<bool>),
}

impl Codec {
    /// The codec for an encoding name (case, `_` and spaces are ignored like CPython's
    /// normalisation), or None for an unknown encoding.
    pub fn lookup(name: &str) -> Option<Codec> {
        let n: String = name.trim().to_ascii_lowercase().replace(['_', ' '], "-");
        Some(match n.as_str() {
            "utf-8" | "utf8" | "u8" | "utf" | "cp65001" => Codec::Utf8,
            "ascii" | "us-ascii" | "646" => Codec::Ascii,
            "latin-1" | "latin1" | "iso-8859-1" | "iso8859-1" | "8859" | "cp819" | "l1" | "latin" => {
                Codec::Latin1
            }
            "utf-16" | "utf16" | "u16" => Codec::Utf16(None),
            "utf-16-le" | "utf-16le" => Codec::Utf16(Some(true)),
            "utf-16-be" | "utf-16be" => Codec::Utf16(Some(false)),
            "utf-32" | "utf32" | "u32" => Codec::Utf32(None),
            "utf-32-le" | "utf-32le" => Codec::Utf32(Some(true)),
            "utf-32-be" | "utf-32be" => Codec::Utf32(Some(false)),
            _ => return None,
        })
    }

    /// CPython's canonical name, used in error messages (`'utf-8' codec can't ...`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Utf8 => "utf-8",
            Codec::Ascii => "ascii",
            Codec::Latin1 => "latin-1",
            Codec::Utf16(None) => "utf-16",
            Codec::Utf16(Some(true)) => "utf-16-le",
            Codec::Utf16(Some(false)) => "utf-16-be",
            Codec::Utf32(None) => "utf-32",
            Codec::Utf32(Some(true)) => "utf-32-le",
            Codec::Utf32(Some(false)) => "utf-32-be",
        }
    }
}

/// An encoding or decoding failure under the `strict` handler (or an unknown handler).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CodecError {
    /// The codec name as CPython reports it.
    pub encoding: &'static str,
    /// First bad position (code points for encoding, bytes for decoding).
    pub start: usize,
    /// One past the last bad position.
    pub end: usize,
    /// `ordinal not in range(128)`, `invalid start byte`, ...
    pub reason: String,
}

/// The error handlers gyre supports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Handler {
    /// Raise.
    Strict,
    /// Drop the bad input.
    Ignore,
    /// `?` when encoding, U+FFFD when decoding.
    Replace,
    /// `\xNN`, `\uNNNN`, `\UNNNNNNNN` escapes.
    BackslashReplace,
    /// `&#NNN;` (encoding only).
    XmlCharRefReplace,
}

impl Handler {
    /// The handler for an `errors=` name, or None when gyre does not know it.
    pub fn lookup(name: &str) -> Option<Handler> {
        Some(match name {
            "strict" => Handler::Strict,
            "ignore" => Handler::Ignore,
            "replace" => Handler::Replace,
            "backslashreplace" => Handler::BackslashReplace,
            "xmlcharrefreplace" => Handler::XmlCharRefReplace,
            _ => return None,
        })
    }
}

/// Encodes `s` with `codec`, applying `handler` to characters the codec cannot represent.
pub fn encode(s: &str, codec: Codec, handler: Handler) -> Result<Vec<u8>, CodecError> {
    match codec {
        Codec::Utf8 => Ok(s.as_bytes().to_vec()),
        Codec::Ascii => encode_limited(s, codec, 0x80, handler),
        Codec::Latin1 => encode_limited(s, codec, 0x100, handler),
        Codec::Utf16(order) => {
            let mut out = Vec::new();
            let le = order.unwrap_or(cfg!(target_endian = "little"));
            if order.is_none() {
                push_u16(&mut out, 0xfeff, le);
            }
            for unit in s.encode_utf16() {
                push_u16(&mut out, unit, le);
            }
            Ok(out)
        }
        Codec::Utf32(order) => {
            let mut out = Vec::new();
            let le = order.unwrap_or(cfg!(target_endian = "little"));
            if order.is_none() {
                push_u32(&mut out, 0xfeff, le);
            }
            for c in s.chars() {
                push_u32(&mut out, c as u32, le);
            }
            Ok(out)
        }
    }
}

fn push_u16(out: &mut Vec<u8>, v: u16, le: bool) {
    out.extend_from_slice(&if le { v.to_le_bytes() } else { v.to_be_bytes() });
}

fn push_u32(out: &mut Vec<u8>, v: u32, le: bool) {
    out.extend_from_slice(&if le { v.to_le_bytes() } else { v.to_be_bytes() });
}

/// ASCII and Latin-1: every code point below `limit` is one byte.
fn encode_limited(s: &str, codec: Codec, limit: u32, handler: Handler) -> Result<Vec<u8>, CodecError> {
    let chars: Vec<char> = s.chars().collect();
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if (c as u32) < limit {
            out.push(c as u32 as u8);
            i += 1;
            continue;
        }
        // CPython reports the whole run of unencodable characters as one error.
        let mut end = i;
        while end < chars.len() && chars[end] as u32 >= limit {
            end += 1;
        }
        for &bad in &chars[i..end] {
            match handler {
                Handler::Strict => {
                    return Err(CodecError {
                        encoding: codec.name(),
                        start: i,
                        end,
                        reason: format!("ordinal not in range({limit})"),
                    })
                }
                Handler::Ignore => {}
                Handler::Replace => out.push(b'?'),
                Handler::BackslashReplace => out.extend_from_slice(escape_char(bad).as_bytes()),
                Handler::XmlCharRefReplace => out.extend_from_slice(format!("&#{};", bad as u32).as_bytes()),
            }
        }
        i = end;
    }
    Ok(out)
}

/// `\xNN`, `\uNNNN` or `\UNNNNNNNN` for a code point.
fn escape_char(c: char) -> String {
    let cp = c as u32;
    if cp < 0x100 {
        format!("\\x{cp:02x}")
    } else if cp < 0x10000 {
        format!("\\u{cp:04x}")
    } else {
        format!("\\U{cp:08x}")
    }
}

/// Decodes `b` with `codec`, applying `handler` to malformed input.
pub fn decode(b: &[u8], codec: Codec, handler: Handler) -> Result<String, CodecError> {
    match codec {
        Codec::Utf8 => decode_utf8(b, handler),
        Codec::Ascii => {
            let mut out = String::with_capacity(b.len());
            for (i, &byte) in b.iter().enumerate() {
                if byte < 0x80 {
                    out.push(byte as char);
                    continue;
                }
                let reason = "ordinal not in range(128)";
                bad_bytes(&mut out, &b[i..i + 1], handler, codec, i, reason)?;
            }
            Ok(out)
        }
        Codec::Latin1 => Ok(b.iter().map(|&c| c as char).collect()),
        Codec::Utf16(order) => decode_utf16(b, order, handler, codec),
        Codec::Utf32(order) => decode_utf32(b, order, handler, codec),
    }
}

/// Applies a decode handler to the bad bytes `bad` found at `start`.
fn bad_bytes(
    out: &mut String,
    bad: &[u8],
    handler: Handler,
    codec: Codec,
    start: usize,
    reason: &str,
) -> Result<(), CodecError> {
    match handler {
        Handler::Ignore => {}
        Handler::Replace => out.push('\u{fffd}'),
        Handler::BackslashReplace => {
            for &byte in bad {
                let _ = write!(out, "\\x{byte:02x}");
            }
        }
        Handler::Strict | Handler::XmlCharRefReplace => {
            return Err(CodecError {
                encoding: codec.name(),
                start,
                end: start + bad.len(),
                reason: reason.to_string(),
            })
        }
    }
    Ok(())
}

/// True for bytes that can never start a UTF-8 sequence.
fn invalid_start(b: u8) -> bool {
    (0x80..0xc2).contains(&b) || b >= 0xf5
}

fn decode_utf8(b: &[u8], handler: Handler) -> Result<String, CodecError> {
    let mut out = String::with_capacity(b.len());
    let mut rest = b;
    let mut offset = 0;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                return Ok(out);
            }
            Err(e) => {
                let good = e.valid_up_to();
                out.push_str(std::str::from_utf8(&rest[..good]).unwrap_or_default());
                // Rust's error length is CPython's maximal invalid subsequence.
                let (len, reason) = match e.error_len() {
                    None => (rest.len() - good, "unexpected end of data"),
                    Some(n) if n == 1 && invalid_start(rest[good]) => (1, "invalid start byte"),
                    Some(n) => (n, "invalid continuation byte"),
                };
                bad_bytes(&mut out, &rest[good..good + len], handler, Codec::Utf8, offset + good, reason)?;
                offset += good + len;
                rest = &rest[good + len..];
            }
        }
    }
}

fn decode_utf16(b: &[u8], order: Option<bool>, handler: Handler, codec: Codec) -> Result<String, CodecError> {
    let (mut le, mut start) = (order.unwrap_or(cfg!(target_endian = "little")), 0);
    if order.is_none() && b.len() >= 2 {
        match (b[0], b[1]) {
            (0xff, 0xfe) => (le, start) = (true, 2),
            (0xfe, 0xff) => (le, start) = (false, 2),
            _ => {}
        }
    }
    let body = &b[start..];
    let units: Vec<u16> = body
        .chunks_exact(2)
        .map(|c| if le { u16::from_le_bytes([c[0], c[1]]) } else { u16::from_be_bytes([c[0], c[1]]) })
        .collect();
    let mut out = String::new();
    let mut pos = start;
    for r in char::decode_utf16(units.iter().copied()) {
        match r {
            Ok(c) => {
                out.push(c);
                pos += 2 * c.len_utf16();
            }
            Err(_) => {
                let reason = "illegal encoding";
                bad_bytes(&mut out, &b[pos..pos + 2], handler, codec, pos, reason)?;
                pos += 2;
            }
        }
    }
    if body.len() % 2 == 1 {
        bad_bytes(&mut out, &b[b.len() - 1..], handler, codec, b.len() - 1, "truncated data")?;
    }
    Ok(out)
}

fn decode_utf32(b: &[u8], order: Option<bool>, handler: Handler, codec: Codec) -> Result<String, CodecError> {
    let (mut le, mut start) = (order.unwrap_or(cfg!(target_endian = "little")), 0);
    if order.is_none() && b.len() >= 4 {
        if b[..4] == [0xff, 0xfe, 0, 0] {
            (le, start) = (true, 4);
        } else if b[..4] == [0, 0, 0xfe, 0xff] {
            (le, start) = (false, 4);
        }
    }
    let mut out = String::new();
    let mut pos = start;
    while pos + 4 <= b.len() {
        let q = [b[pos], b[pos + 1], b[pos + 2], b[pos + 3]];
        let v = if le { u32::from_le_bytes(q) } else { u32::from_be_bytes(q) };
        match char::from_u32(v) {
            Some(c) => out.push(c),
            None => bad_bytes(
                &mut out,
                &b[pos..pos + 4],
                handler,
                codec,
                pos,
                "code point not in range(0x110000)",
            )?,
        }
        pos += 4;
    }
    if pos < b.len() {
        bad_bytes(&mut out, &b[pos..], handler, codec, pos, "truncated data")?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_errors_match_cpython() {
        let e = decode(b"\xc3\x28", Codec::Utf8, Handler::Strict).unwrap_err();
        assert_eq!((e.start, e.end, e.reason.as_str()), (0, 1, "invalid continuation byte"));
        let e = decode(b"\xe2\x82", Codec::Utf8, Handler::Strict).unwrap_err();
        assert_eq!((e.start, e.end, e.reason.as_str()), (0, 2, "unexpected end of data"));
        let e = decode(b"ab\xf8", Codec::Utf8, Handler::Strict).unwrap_err();
        assert_eq!((e.start, e.end, e.reason.as_str()), (2, 3, "invalid start byte"));
        assert_eq!(
            decode(b"ab\xffcd\xe2\x82", Codec::Utf8, Handler::Replace).unwrap(),
            "ab\u{fffd}cd\u{fffd}"
        );
        assert_eq!(decode(b"ab\xffcd", Codec::Utf8, Handler::BackslashReplace).unwrap(), "ab\\xffcd");
    }

    #[test]
    fn ascii_encode_handlers() {
        let s = "na\u{ef}ve \u{2615}";
        assert_eq!(encode(s, Codec::Ascii, Handler::Replace).unwrap(), b"na?ve ?");
        assert_eq!(encode(s, Codec::Ascii, Handler::BackslashReplace).unwrap(), b"na\\xefve \\u2615");
        assert_eq!(encode(s, Codec::Ascii, Handler::XmlCharRefReplace).unwrap(), b"na&#239;ve &#9749;");
        let e = encode("ab\u{e9}\u{e8}c", Codec::Ascii, Handler::Strict).unwrap_err();
        assert_eq!((e.start, e.end), (2, 4));
    }
}
