//! `_sha2`: the SHA-2 digests (`sha224`, `sha256`, `sha384`, `sha512`) behind `hashlib`,
//! one-shot over a bytes object; `stdlib/hashlib.py` keeps the data a hash object was fed.

use sha2::Digest;

use crate::vm::object::{Args, Payload};
use crate::vm::{PyResult, Value, Vm};

/// The `_sha2` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    Ok(super::new_module(
        vm,
        "_sha2",
        &[("sha224", sha224), ("sha256", sha256), ("sha384", sha384), ("sha512", sha512)],
    ))
}

/// The bytes argument of a digest function.
fn data_arg<'a>(vm: &mut Vm, args: &'a Args, name: &str) -> PyResult<&'a [u8]> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Bytes(b)) if args.pos.len() == 1 => Ok(b),
        _ => Err(vm.new_error("TypeError", &format!("{name}() takes one bytes argument"))),
    }
}

fn digest_with<D: Digest>(vm: &mut Vm, args: Args, name: &str) -> PyResult<Value> {
    let data = data_arg(vm, &args, name)?;
    let digest = D::digest(data).to_vec();
    Ok(vm.new_bytes(digest))
}

fn sha224(vm: &mut Vm, args: Args) -> PyResult<Value> {
    digest_with::<sha2::Sha224>(vm, args, "sha224")
}

fn sha256(vm: &mut Vm, args: Args) -> PyResult<Value> {
    digest_with::<sha2::Sha256>(vm, args, "sha256")
}

fn sha384(vm: &mut Vm, args: Args) -> PyResult<Value> {
    digest_with::<sha2::Sha384>(vm, args, "sha384")
}

fn sha512(vm: &mut Vm, args: Args) -> PyResult<Value> {
    digest_with::<sha2::Sha512>(vm, args, "sha512")
}
