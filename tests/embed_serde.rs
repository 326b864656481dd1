//! The `serde` feature through the public API: `Serde<T>` both ways for structs, enums,
//! maps, sequences, options and numbers; `Serialize` for `Value`; clean errors for data of
//! the wrong shape, out-of-range ints, cyclic values and the memory limit.
//!
//! The feature is on for every test because Cargo.toml names gyre itself as a
//! dev-dependency with `features = ["serde"]`.

use std::collections::BTreeMap;

use gyre::{Error, Interpreter, Serde, Value};
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
struct Config {
    name: String,
    port: u16,
    ratio: f64,
    enabled: bool,
    tags: Vec<String>,
    limits: BTreeMap<String, i64>,
    parent: Option<Box<Config>>,
    shape: Shape,
    pair: (i32, String),
    raw: serde_bytes_like::Raw,
}

/// Bytes serialized with `serialize_bytes`, without pulling in the serde_bytes crate.
mod serde_bytes_like {
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    #[derive(Debug, PartialEq, Clone)]
    pub struct Raw(pub Vec<u8>);

    impl Serialize for Raw {
        fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }

    impl<'de> Deserialize<'de> for Raw {
        fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
            struct V;
            impl<'de> serde::de::Visitor<'de> for V {
                type Value = Raw;
                fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                    f.write_str("bytes")
                }
                fn visit_bytes<E>(self, b: &[u8]) -> Result<Raw, E> {
                    Ok(Raw(b.to_vec()))
                }
            }
            d.deserialize_bytes(V)
        }
    }
}

#[derive(Serialize, Deserialize, Debug, PartialEq, Clone)]
enum Shape {
    Dot,
    Circle(f64),
    Rect(u32, u32),
    Named { label: String },
}

fn sample() -> Config {
    Config {
        name: "api".into(),
        port: 8080,
        ratio: 0.5,
        enabled: true,
        tags: vec!["a".into(), "b".into()],
        limits: [("cpu".to_string(), 2), ("mem".to_string(), 1 << 40)].into_iter().collect(),
        parent: Some(Box::new(Config {
            name: "root".into(),
            port: 1,
            ratio: 1.0,
            enabled: false,
            tags: vec![],
            limits: BTreeMap::new(),
            parent: None,
            shape: Shape::Dot,
            pair: (0, String::new()),
            raw: serde_bytes_like::Raw(vec![]),
        })),
        shape: Shape::Rect(3, 4),
        pair: (-7, "seven".into()),
        raw: serde_bytes_like::Raw(b"\x00hi".to_vec()),
    }
}

fn message(err: Error) -> String {
    match err.exception() {
        Some(e) => format!("{}: {}", e.type_name(), e.message()),
        None => err.to_string(),
    }
}

#[test]
fn a_struct_becomes_a_dict_python_can_read() {
    let mut it = Interpreter::new();
    it.globals().set("cfg", Serde(sample())).unwrap();
    let repr: String = it.eval("repr(cfg)").unwrap();
    assert_eq!(
        repr,
        "{'name': 'api', 'port': 8080, 'ratio': 0.5, 'enabled': True, 'tags': ['a', 'b'], \
         'limits': {'cpu': 2, 'mem': 1099511627776}, 'parent': {'name': 'root', 'port': 1, \
         'ratio': 1.0, 'enabled': False, 'tags': [], 'limits': {}, 'parent': None, 'shape': 'Dot', \
         'pair': (0, ''), 'raw': b''}, 'shape': {'Rect': (3, 4)}, 'pair': (-7, 'seven'), 'raw': b'\\x00hi'}"
    );
}

#[test]
fn round_trips_through_the_script() {
    let mut it = Interpreter::new();
    it.exec("def same(x):\n    return x").unwrap();
    let cfg = sample();
    let Serde(back): Serde<Config> = it.call("same", (Serde(cfg.clone()),)).unwrap();
    assert_eq!(back, cfg);
    for shape in [Shape::Dot, Shape::Circle(2.5), Shape::Rect(1, 2), Shape::Named { label: "n".into() }] {
        let Serde(back): Serde<Shape> = it.call("same", (Serde(shape.clone()),)).unwrap();
        assert_eq!(back, shape);
    }
}

#[test]
fn script_built_data_deserializes() {
    let mut it = Interpreter::new();
    let Serde(shape): Serde<Shape> = it.eval("{'Named': {'label': 'x' * 3}}").unwrap();
    assert_eq!(shape, Shape::Named { label: "xxx".into() });
    // A tuple or a set reads as a sequence; subclasses of builtins read as their base.
    let Serde(v): Serde<Vec<i64>> = it.eval("(1, 2, 3)").unwrap();
    assert_eq!(v, vec![1, 2, 3]);
    let Serde(v): Serde<Vec<i64>> = it.eval("sorted({3, 1, 2})").unwrap();
    assert_eq!(v, vec![1, 2, 3]);
    it.exec("class D(dict): pass\nclass N(int): pass").unwrap();
    let Serde(m): Serde<BTreeMap<String, u8>> = it.eval("D(a=N(1))").unwrap();
    assert_eq!(m["a"], 1);
    let Serde(o): Serde<Option<(bool, f64)>> = it.eval("(True, 3)").unwrap();
    assert_eq!(o, Some((true, 3.0)));
    let Serde(o): Serde<Option<u8>> = it.eval("None").unwrap();
    assert_eq!(o, None);
}

#[test]
fn host_functions_take_and_return_serde_types() {
    let mut it = Interpreter::new();
    it.register_fn("bump", |Serde(mut c): Serde<Config>| {
        c.port += 1;
        c.tags.push("bumped".into());
        Serde(c)
    });
    it.globals().set("cfg", Serde(sample())).unwrap();
    assert_eq!(it.eval::<i64>("bump(cfg)['port']").unwrap(), 8081);
    assert_eq!(it.eval::<String>("bump(cfg)['tags'][-1]").unwrap(), "bumped");
    // Wrong data is a TypeError inside the script, which can catch it.
    it.exec("try:\n    bump({'name': 'x'})\nexcept TypeError as e:\n    msg = str(e)").unwrap();
    assert_eq!(it.globals().get::<String>("msg").unwrap(), "missing field `port`");
}

#[test]
fn wrong_shapes_and_ranges_are_clean_errors() {
    let mut it = Interpreter::new();
    let err = it.eval::<Serde<u8>>("300").unwrap_err();
    assert_eq!(message(err), "OverflowError: Python int too large to convert to u8");
    let err = it.eval::<Serde<i64>>("2 ** 64").unwrap_err();
    assert_eq!(message(err), "OverflowError: Python int too large to convert to i64");
    let Serde(big): Serde<u128> = it.eval("2 ** 100").unwrap();
    assert_eq!(big, 1u128 << 100);
    let err = it.eval::<Serde<u128>>("2 ** 200").unwrap_err();
    assert_eq!(message(err), "OverflowError: Python int too large to convert to u128");
    let err = it.eval::<Serde<String>>("5").unwrap_err();
    assert_eq!(message(err), "TypeError: invalid type: integer `5`, expected a string");
    let err = it.eval::<Serde<(i32, i32)>>("(1, 2, 3)").unwrap_err();
    assert_eq!(message(err), "TypeError: 1 more items than expected");
    let err = it.eval::<Serde<Shape>>("{'Dot': None, 'Circle': 1.0}").unwrap_err();
    assert!(matches!(err, Error::Conversion { .. }), "{err:?}");
    let err = it.eval::<Serde<Vec<i64>>>("[1, print]").unwrap_err();
    assert!(err.to_string().contains("builtin_function_or_method"), "{err}");
}

#[test]
fn cyclic_values_stop_at_the_nesting_limit() {
    let mut it = Interpreter::new();
    it.exec("a = []\na.append(a)\nd = {}\nd['d'] = d").unwrap();
    let a: Value = it.globals().get("a").unwrap();
    let err = serde_json::to_string(&a).unwrap_err();
    assert!(err.to_string().contains("nested more than 256 levels"), "{err}");
    let err = it.eval::<Serde<serde_json::Value>>("d").unwrap_err();
    assert_eq!(message(err), "ValueError: value nested more than 256 levels deep (or cyclic)");
    // Deep but finite data within the limit is fine.
    it.exec("deep = []\nfor _ in range(200):\n    deep = [deep]").unwrap();
    let Serde(v): Serde<serde_json::Value> = it.globals().get("deep").unwrap();
    assert!(v.is_array());
}

#[test]
fn values_serialize_to_any_format() {
    let mut it = Interpreter::new();
    let v: Value =
        it.eval("{'a': [1, 2.5, None, True], 'b': (b'x', 'y'), 'c': frozenset({7}), 5: -2 ** 80}").unwrap();
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"a":[1,2.5,null,true],"b":[[120],"y"],"c":[7],"5":-1208925819614629174706176}"#
    );
    let f: Value = it.eval("lambda: 1").unwrap();
    let err = serde_json::to_string(&f).unwrap_err();
    assert!(err.to_string().contains("expected None, bool, int, float, str"), "{err}");
}

#[test]
fn json_documents_cross_both_ways() {
    let mut it = Interpreter::new();
    let doc: serde_json::Value =
        serde_json::from_str(r#"{"users": [{"id": 1, "admin": false}], "next": null}"#).unwrap();
    it.globals().set("doc", Serde(doc)).unwrap();
    it.exec("doc['users'].append({'id': 2, 'admin': True})\ndoc['next'] = 3").unwrap();
    let Serde(back): Serde<serde_json::Value> = it.globals().get("doc").unwrap();
    assert_eq!(back.to_string(), r#"{"next":3,"users":[{"admin":false,"id":1},{"admin":true,"id":2}]}"#);
}

#[test]
fn unhashable_keys_are_a_type_error() {
    let mut it = Interpreter::new();
    let mut m = BTreeMap::new();
    m.insert(vec![1], 2);
    let err = it.value(Serde(m)).unwrap_err();
    assert_eq!(message(err), "TypeError: unhashable type: 'list'");
}

#[test]
fn serialized_data_counts_against_the_memory_limit() {
    let mut it = Interpreter::builder().memory_limit(1 << 20).build();
    let big: Vec<String> = (0..100_000).map(|i| format!("item number {i}")).collect();
    let err = it.globals().set("big", Serde(big)).unwrap_err();
    assert!(matches!(err, Error::Limit { limit: gyre::Limit::Memory, .. }), "{err:?}");
}
