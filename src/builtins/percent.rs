//! `str % args`: drives `text::percent`'s parser and renderers with values from the VM.

use num_bigint::BigInt;

use crate::text::percent::{self as pct, Conversion, Count, PercentParser, Piece};
use crate::vm::object::Payload;
use crate::vm::{PyResult, Value, Vm};

impl Vm {
    /// `fmt % args` for a `str` left operand.
    pub fn percent_format(&mut self, fmt: &str, args: &Value) -> PyResult<Value> {
        self.percent_text(fmt, args, false).map(Value::string)
    }

    /// `fmt % args` for a `bytes`/`bytearray` left operand (`like` gives the result type).
    pub fn percent_format_bytes(&mut self, fmt: &[u8], args: &Value, like: &Value) -> PyResult<Value> {
        // Work on Latin-1 text: every byte is one char below 256, and so is every piece the
        // conversions produce (bytes arguments are mapped the same way).
        let text: String = fmt.iter().map(|&b| b as char).collect();
        let out = self.percent_text(&text, args, true)?;
        Ok(self.new_bytes_like(like, out.chars().map(|c| c as u32 as u8).collect()))
    }

    fn percent_text(&mut self, fmt: &str, args: &Value, bytes: bool) -> PyResult<String> {
        // A tuple subclass instance (a namedtuple) formats as the tuple it wraps.
        if let Some(Payload::Boxed(inner @ Value::Tuple(_))) = args.payload() {
            let inner = inner.clone();
            return self.percent_text(fmt, &inner, bytes);
        }
        let is_mapping = self.dict_of(args).is_some()
            || (matches!(args, Value::Obj(_))
                && !matches!(args, Value::Tuple(_))
                && self.type_of(args).lookup("__getitem__").is_some()
                && !matches!(args.payload(), Some(Payload::Bytes(_))));
        let positional: Vec<Value> = match args {
            Value::Tuple(t) => t.items.to_vec(),
            _ => vec![args.clone()],
        };
        let mut next = 0usize;
        let mut out = String::new();
        let mut parser = PercentParser::new(fmt);
        let mut used_key = false;
        while let Some(piece) = parser.next_piece() {
            let piece = piece.map_err(|e| self.text_error(e))?;
            let mut spec = match piece {
                Piece::Literal(t) => {
                    out.push_str(t);
                    continue;
                }
                Piece::Spec(s) => s,
            };
            let value = if let Some(key) = spec.key.clone() {
                if !is_mapping {
                    return Err(self.new_error("TypeError", pct::REQUIRES_MAPPING));
                }
                used_key = true;
                self.get_item(args, &Value::string(key))?
            } else {
                if spec.width == Count::Star {
                    let w = self.star_arg(&positional, &mut next)?;
                    spec.set_star_width(w).map_err(|e| self.text_error(e))?;
                }
                if spec.precision == Count::Star {
                    let p = self.star_arg(&positional, &mut next)?;
                    spec.set_star_precision(p).map_err(|e| self.text_error(e))?;
                }
                match positional.get(next) {
                    Some(v) => {
                        next += 1;
                        v.clone()
                    }
                    None => return Err(self.new_error("TypeError", pct::NOT_ENOUGH_ARGS)),
                }
            };
            let conv = spec.conversion().map_err(|e| self.text_error(e))?;
            let text = if bytes {
                self.percent_one_bytes(&spec, conv, &value)?
            } else {
                self.percent_one(&spec, conv, &value)?
            };
            out.push_str(&text);
        }
        let leftover = next < positional.len();
        let tuple_or_single =
            matches!(args, Value::Tuple(_)) || (!is_mapping && !matches!(args, Value::List(_)));
        if leftover && tuple_or_single && !used_key && !(is_mapping && next == 0) {
            return Err(self.new_error("TypeError", pct::NOT_ALL_CONVERTED));
        }
        Ok(out)
    }

    /// One conversion of `bytes % args`: `%s`/`%b` take bytes-like values, `%r`/`%a` give
    /// `ascii()`, `%c` an int or one byte; the numeric conversions are as for `str`.
    fn percent_one_bytes(
        &mut self,
        spec: &pct::PercentSpec,
        conv: Conversion,
        value: &Value,
    ) -> PyResult<String> {
        let latin1 = |b: &[u8]| -> String { b.iter().map(|&c| c as char).collect() };
        let r = match conv {
            Conversion::Str => {
                let b = match self.bytes_of(value) {
                    Some(b) => b,
                    None => {
                        match self.call_dunder(value, "__bytes__", vec![])?.and_then(|r| self.bytes_of(&r)) {
                            Some(b) => b,
                            None => {
                                let t = self.type_name(value);
                                return Err(self.new_error(
                                "TypeError",
                                &format!(
                                    "%b requires a bytes-like object, or an object that implements __bytes__, not '{t}'"
                                ),
                            ));
                            }
                        }
                    }
                };
                pct::format_text(spec, &latin1(&b))
            }
            Conversion::Repr | Conversion::Ascii => {
                let s = crate::text::repr::ascii_escape(&self.repr(value)?);
                pct::format_text(spec, &s)
            }
            Conversion::Char => {
                let byte = match (self.bytes_of(value), value) {
                    (Some(b), _) if b.len() == 1 => b[0],
                    (None, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) => {
                        let i = self.index_of(value)?;
                        u8::try_from(i)
                            .map_err(|_| self.new_error("OverflowError", "%c arg not in range(256)"))?
                    }
                    _ => {
                        return Err(self
                            .new_error("TypeError", "%c requires an integer in range(256) or a single byte"))
                    }
                };
                pct::format_text(spec, &latin1(&[byte]))
            }
            _ => return self.percent_one(spec, conv, value),
        };
        r.map_err(|e| self.text_error(e))
    }

    fn star_arg(&mut self, positional: &[Value], next: &mut usize) -> PyResult<i64> {
        let Some(v) = positional.get(*next) else {
            return Err(self.new_error("TypeError", pct::NOT_ENOUGH_ARGS));
        };
        *next += 1;
        match v {
            Value::Int(i) => Ok(*i),
            Value::Bool(b) => Ok(*b as i64),
            _ => Err(self.new_error("TypeError", pct::STAR_WANTS_INT)),
        }
    }

    fn percent_one(&mut self, spec: &pct::PercentSpec, conv: Conversion, value: &Value) -> PyResult<String> {
        let r = match conv {
            Conversion::Str => {
                let s = self.str_of(value)?;
                pct::format_text(spec, &s)
            }
            Conversion::Repr => {
                let s = self.repr(value)?;
                pct::format_text(spec, &s)
            }
            Conversion::Ascii => {
                let s = crate::text::repr::ascii_escape(&self.repr(value)?);
                pct::format_text(spec, &s)
            }
            Conversion::Char => {
                let c = match value {
                    Value::Str(s) if s.char_len() == 1 => s.as_str().to_string(),
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                        let b = crate::vm::ops::big_of(value).unwrap_or_default();
                        pct::char_from_code(&b).map_err(|e| self.text_error(e))?.to_string()
                    }
                    _ => return Err(self.new_error("TypeError", pct::CHAR_REQUIRED)),
                };
                pct::format_text(spec, &c)
            }
            Conversion::Decimal => {
                let b = match value {
                    Value::Float(f) => {
                        crate::text::round::float_to_bigint(f.trunc()).map_err(|e| self.text_error(e))?
                    }
                    v => match crate::vm::ops::big_of(v) {
                        Some(b) => b,
                        None => match self
                            .call_dunder(v, "__int__", vec![])?
                            .and_then(|r| crate::vm::ops::big_of(&r))
                        {
                            Some(b) => b,
                            None => {
                                let t = self.type_name(v);
                                return Err(self.new_error(
                                    "TypeError",
                                    &pct::real_number_required(spec.conversion, &t),
                                ));
                            }
                        },
                    },
                };
                pct::format_int(spec, &b)
            }
            Conversion::Radix => {
                let b: BigInt = match crate::vm::ops::big_of(value) {
                    Some(b) => b,
                    None => match self
                        .call_dunder(value, "__index__", vec![])?
                        .and_then(|r| crate::vm::ops::big_of(&r))
                    {
                        Some(b) => b,
                        None => {
                            let t = self.type_name(value);
                            return Err(
                                self.new_error("TypeError", &pct::integer_required(spec.conversion, &t))
                            );
                        }
                    },
                };
                pct::format_int(spec, &b)
            }
            Conversion::Float => {
                let f = match super::constructors::to_float(self, value) {
                    Ok(f) if !matches!(value, Value::Str(_)) => f,
                    _ => {
                        let t = self.type_name(value);
                        return Err(self.new_error("TypeError", &pct::real_required(&t)));
                    }
                };
                pct::format_float(spec, f)
            }
        };
        r.map_err(|e| self.text_error(e))
    }
}
