//! Calendar time for the native `time` module: `gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime` and the `struct_time` object.
//!
//! gyre has no time-zone database: local time is UTC (a documented difference from CPython
//! on machines whose zone is not UTC). Dates use the proleptic Gregorian calendar.

use std::any::Any;

use crate::vm::ext::Ext;
use crate::vm::object::{Args, BaseKind, Object, Payload};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value, Vm};

const FIELDS: [&str; 9] =
    ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"];
const DAY_NAMES: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A broken-down time: the nine `struct_time` fields.
#[derive(Debug, Clone, Copy)]
struct Tm([i64; 9]);

impl Ext for Tm {
    fn as_any(&self) -> &dyn Any {
        self
    }

    fn repr(&self, _vm: &mut Vm, _this: &Value) -> PyResult<Option<String>> {
        let parts: Vec<String> = FIELDS.iter().zip(self.0).map(|(n, v)| format!("{n}={v}")).collect();
        Ok(Some(format!("time.struct_time({})", parts.join(", "))))
    }

    fn get_attr(&self, _vm: &mut Vm, _this: &Value, name: &str) -> PyResult<Option<Value>> {
        Ok(match name {
            "tm_zone" => Some(Value::str("UTC")),
            "tm_gmtoff" => Some(Value::Int(0)),
            _ => FIELDS.iter().position(|f| *f == name).map(|i| Value::Int(self.0[i])),
        })
    }

    fn iter(&self, vm: &mut Vm, _this: &Value) -> PyResult<Option<Value>> {
        let items = Value::tuple(self.0.iter().map(|v| Value::Int(*v)).collect());
        vm.get_iter(&items).map(Some)
    }
}

/// Days since 1970-01-01 of a civil date.
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day count since 1970-01-01.
fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (if m <= 2 { yoe + era * 400 + 1 } else { yoe + era * 400 }, m, d)
}

fn tm_from_secs(secs: i64) -> Tm {
    let days = secs.div_euclid(86_400);
    let rem = secs.rem_euclid(86_400);
    let (y, m, d) = civil_from_days(days);
    let wday = (days + 3).rem_euclid(7);
    let yday = days - days_from_civil(y, 1, 1) + 1;
    Tm([y, m, d, rem / 3600, rem % 3600 / 60, rem % 60, wday, yday, 0])
}

fn secs_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)),
        Some(Value::Float(f)) => Ok(f.floor() as i64),
        Some(v) => vm.index_of(v),
    }
}

fn new_tm(vm: &mut Vm, tm: Tm) -> PyResult<Value> {
    let cls = match vm.ext_state.get("time.struct_time").and_then(|c| c.clone().downcast::<Value>().ok()) {
        Some(c) => (*c).clone(),
        None => {
            let object = vm.types.object.clone();
            let c = Value::Class(builtin_class("struct_time", &[object], BaseKind::Native));
            vm.ext_state.insert("time.struct_time", std::rc::Rc::new(c.clone()) as std::rc::Rc<dyn Any>);
            c
        }
    };
    let Value::Class(cls) = cls else { return Ok(Value::None) };
    Ok(Value::Obj(Object::new(cls, Payload::Ext(Box::new(tm)))))
}

/// `time.gmtime([secs])`.
pub fn gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = secs_arg(vm, args.pos.first())?;
    new_tm(vm, tm_from_secs(secs))
}

/// `time.localtime([secs])` (UTC: gyre has no zone database).
pub fn localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    gmtime(vm, args)
}

/// A struct_time or 9-sequence argument as fields.
fn tm_arg(vm: &mut Vm, v: Option<&Value>) -> PyResult<Tm> {
    let Some(v) = v.filter(|v| !v.is_none()) else {
        let secs = secs_arg(vm, None)?;
        return Ok(tm_from_secs(secs));
    };
    if let Some(Payload::Ext(e)) = v.payload() {
        if let Some(tm) = e.as_any().downcast_ref::<Tm>() {
            return Ok(*tm);
        }
    }
    let items = vm.collect(v)?;
    if items.len() != 9 {
        return Err(vm.new_error("TypeError", "time.struct_time() takes a sequence of length 9"));
    }
    let mut f = [0i64; 9];
    for (slot, item) in f.iter_mut().zip(&items) {
        *slot = vm.index_of(item)?;
    }
    Ok(Tm(f))
}

/// `time.mktime(t)`.
pub fn mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Tm(f) = tm_arg(vm, args.pos.first())?;
    let days = days_from_civil(f[0], f[1], f[2]);
    Ok(Value::Float((days * 86_400 + f[3] * 3600 + f[4] * 60 + f[5]) as f64))
}

/// `time.strftime(format[, t])`.
pub fn strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = match args.pos.first() {
        Some(Value::Str(s)) => s.as_str().to_string(),
        _ => return Err(vm.new_error("TypeError", "strftime() argument 1 must be str")),
    };
    let tm = tm_arg(vm, args.pos.get(1))?;
    Ok(Value::string(format_tm(&fmt, &tm)))
}

/// `time.asctime([t])`.
pub fn asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let tm = tm_arg(vm, args.pos.first())?;
    Ok(Value::string(format_tm("%a %b %e %H:%M:%S %Y", &tm)))
}

/// `time.ctime([secs])`.
pub fn ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let secs = secs_arg(vm, args.pos.first())?;
    Ok(Value::string(format_tm("%a %b %e %H:%M:%S %Y", &tm_from_secs(secs))))
}

/// Formats `tm` with C `strftime` directives (the C locale).
fn format_tm(fmt: &str, tm: &Tm) -> String {
    let f = tm.0;
    let (year, mon, mday, hour, min, sec, wday, yday) = (f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    let month = MONTH_NAMES[((mon - 1).rem_euclid(12)) as usize];
    let day = DAY_NAMES[wday.rem_euclid(7) as usize];
    let sunday_wday = (wday + 1) % 7;
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        let Some(d) = chars.next() else {
            out.push('%');
            break;
        };
        let piece = match d {
            'Y' => format!("{year}"),
            'y' => format!("{:02}", year.rem_euclid(100)),
            'C' => format!("{:02}", year.div_euclid(100)),
            'm' => format!("{mon:02}"),
            'd' => format!("{mday:02}"),
            'e' => format!("{mday:2}"),
            'H' => format!("{hour:02}"),
            'I' => format!("{:02}", if hour % 12 == 0 { 12 } else { hour % 12 }),
            'M' => format!("{min:02}"),
            'S' => format!("{sec:02}"),
            'p' => (if hour < 12 { "AM" } else { "PM" }).to_string(),
            'b' | 'h' => month[..3].to_string(),
            'B' => month.to_string(),
            'a' => day[..3].to_string(),
            'A' => day.to_string(),
            'j' => format!("{yday:03}"),
            'w' => format!("{sunday_wday}"),
            'u' => format!("{}", wday + 1),
            'U' => format!("{:02}", (yday + 6 - sunday_wday) / 7),
            'W' => format!("{:02}", (yday + 6 - wday) / 7),
            'Z' => "UTC".to_string(),
            'z' => "+0000".to_string(),
            'c' => format_tm("%a %b %e %H:%M:%S %Y", tm),
            'x' => format_tm("%m/%d/%y", tm),
            'X' => format_tm("%H:%M:%S", tm),
            'D' => format_tm("%m/%d/%y", tm),
            'F' => format_tm("%Y-%m-%d", tm),
            'T' => format_tm("%H:%M:%S", tm),
            'R' => format_tm("%H:%M", tm),
            'n' => "\n".to_string(),
            't' => "\t".to_string(),
            '%' => "%".to_string(),
            other => format!("%{other}"),
        };
        out.push_str(&piece);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn epoch_and_leap_days() {
        assert_eq!(tm_from_secs(0).0, [1970, 1, 1, 0, 0, 0, 3, 1, 0]);
        assert_eq!(tm_from_secs(951_782_400).0[..3], [2000, 2, 29]);
        assert_eq!(
            format_tm("%Y-%m-%d %H:%M:%S %a %j", &tm_from_secs(1_700_000_000)),
            "2023-11-14 22:13:20 Tue 318"
        );
    }
}
