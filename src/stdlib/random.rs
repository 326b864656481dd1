//! `_random`: the Mersenne Twister (MT19937) core of `random`, bit-for-bit as CPython's
//! `_randommodule.c` (seeding through `init_by_array`, 53-bit `random()`, `getrandbits`,
//! state as 624 words plus the index). `stdlib/random.py` builds the distributions on it.

use std::any::Any;
use std::cell::RefCell;

use num_bigint::{BigInt, BigUint, Sign};
use num_traits::{Signed, ToPrimitive};

use crate::builtins::{method, static_fn};
use crate::vm::ext::Ext;
use crate::vm::object::{Args, BaseKind, Object, Payload};
use crate::vm::types::builtin_class;
use crate::vm::{PyResult, Value, Vm};

/// State size of MT19937, in 32-bit words.
const N: usize = 624;
/// The twist offset of MT19937.
const M: usize = 397;
const MATRIX_A: u32 = 0x9908_b0df;
const UPPER_MASK: u32 = 0x8000_0000;
const LOWER_MASK: u32 = 0x7fff_ffff;
/// Bytes of OS entropy used by `seed(None)`, as CPython (`N` words).
const ENTROPY_WORDS: usize = N;

/// The generator state.
#[derive(Debug, Clone)]
struct Mt {
    state: [u32; N],
    index: usize,
}

impl Mt {
    fn new() -> Mt {
        let mut mt = Mt { state: [0; N], index: N + 1 };
        mt.init_genrand(5489);
        mt
    }

    fn init_genrand(&mut self, s: u32) {
        self.state[0] = s;
        for i in 1..N {
            let prev = self.state[i - 1];
            self.state[i] = 1_812_433_253u32.wrapping_mul(prev ^ (prev >> 30)).wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19_650_218);
        let mt = &mut self.state;
        let (mut i, mut j) = (1usize, 0usize);
        for _ in 0..N.max(key.len()) {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_664_525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= key.len() {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1];
            mt[i] = (mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
    }

    fn twist(&mut self) {
        let mt = &mut self.state;
        let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
        for kk in 0..N {
            let y = (mt[kk] & UPPER_MASK) | (mt[(kk + 1) % N] & LOWER_MASK);
            mt[kk] = mt[(kk + M) % N] ^ (y >> 1) ^ mag(y);
        }
        self.index = 0;
    }

    fn next_u32(&mut self) -> u32 {
        if self.index >= N {
            self.twist();
        }
        let mut y = self.state[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// A float in [0, 1) with 53 random bits, as CPython's `random_random`.
    fn random(&mut self) -> f64 {
        let a = (self.next_u32() >> 5) as f64;
        let b = (self.next_u32() >> 6) as f64;
        (a * 67_108_864.0 + b) * (1.0 / 9_007_199_254_740_992.0)
    }

    fn getrandbits(&mut self, k: u64) -> BigInt {
        if k <= 32 {
            return BigInt::from(self.next_u32() >> (32 - k));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut out = Vec::with_capacity(words);
        let mut left = k;
        for _ in 0..words {
            let mut r = self.next_u32();
            if left < 32 {
                r >>= 32 - left;
            }
            out.push(r);
            left = left.saturating_sub(32);
        }
        BigInt::from_biguint(Sign::Plus, BigUint::from_slice(&out))
    }
}

/// A `_random.Random` object's payload.
#[derive(Debug)]
struct RandomObj(RefCell<Mt>);

impl Ext for RandomObj {
    fn as_any(&self) -> &dyn Any {
        self
    }
}

fn this<'a>(vm: &mut Vm, args: &Args<'a>) -> PyResult<&'a RefCell<Mt>> {
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Ext(e)) => match e.as_any().downcast_ref::<RandomObj>() {
            Some(r) => Ok(&r.0),
            None => Err(vm.new_error("TypeError", "descriptor requires a '_random.Random' object")),
        },
        _ => Err(vm.new_error("TypeError", "descriptor requires a '_random.Random' object")),
    }
}

/// The `_random` module.
pub fn module(vm: &mut Vm) -> PyResult<Value> {
    let m = super::new_module(vm, "_random", &[]);
    let object = vm.types.object.clone();
    let cls = builtin_class("Random", std::slice::from_ref(&object), BaseKind::Native);
    cls.set_attr("__module__", Value::str("_random"));
    static_fn(vm, &cls, "__new__", random_new);
    method(vm, &cls, "__init__", random_init);
    method(vm, &cls, "seed", random_seed);
    method(vm, &cls, "random", random_random);
    method(vm, &cls, "getrandbits", random_getrandbits);
    method(vm, &cls, "getstate", random_getstate);
    method(vm, &cls, "setstate", random_setstate);
    vm.module_set(&m, "Random", Value::Class(cls));
    let sha = crate::builtins::native(vm, "sha512", sha512);
    vm.module_set(&m, "sha512", sha);
    Ok(m)
}

fn random_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => return Err(vm.new_error("TypeError", "Random.__new__(X): X is not a type object")),
    };
    let obj = Value::Obj(Object::with_dict(cls, Payload::Ext(Box::new(RandomObj(RefCell::new(Mt::new()))))));
    // CPython seeds in `__new__` too, so that a subclass overriding `__init__` is still random.
    let mut mt = Mt::new();
    seed_from_entropy(&mut mt);
    if let Some(Payload::Ext(e)) = obj.payload() {
        if let Some(r) = e.as_any().downcast_ref::<RandomObj>() {
            *r.0.borrow_mut() = mt;
        }
    }
    Ok(obj)
}

fn random_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if args.pos.len() > 1 {
        return random_seed(vm, Args::new(&args.pos[..2]));
    }
    Ok(Value::None)
}

fn seed_from_entropy(mt: &mut Mt) {
    let mut key = vec![0u32; ENTROPY_WORDS];
    let mut filled = false;
    if let Ok(mut f) = std::fs::File::open("/dev/urandom") {
        use std::io::Read;
        let mut buf = vec![0u8; ENTROPY_WORDS * 4];
        if f.read_exact(&mut buf).is_ok() {
            for (k, c) in key.iter_mut().zip(buf.chunks_exact(4)) {
                *k = u32::from_le_bytes([c[0], c[1], c[2], c[3]]);
            }
            filled = true;
        }
    }
    if !filled {
        let now = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or(0);
        key = vec![now as u32, (now >> 32) as u32, std::process::id()];
    }
    mt.init_by_array(&key);
}

fn random_seed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = this(vm, &args)?;
    let arg = args.pos.get(1).cloned().unwrap_or(Value::None);
    let n: BigInt = match &arg {
        Value::None => {
            seed_from_entropy(&mut cell.borrow_mut());
            return Ok(Value::None);
        }
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            crate::vm::ops::big_of(&arg).unwrap_or_default().abs()
        }
        other => BigInt::from(vm.hash(other)?).abs(),
    };
    let (_, mut key) = n.to_u32_digits();
    if key.is_empty() {
        key.push(0);
    }
    cell.borrow_mut().init_by_array(&key);
    Ok(Value::None)
}

fn random_random(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = this(vm, &args)?;
    let r = cell.borrow_mut().random();
    Ok(Value::Float(r))
}

fn random_getrandbits(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = this(vm, &args)?;
    let k = vm.index_of(args.pos.get(1).unwrap_or(&Value::None))?;
    if k < 0 {
        return Err(vm.new_error("ValueError", "number of bits must be non-negative"));
    }
    if k == 0 {
        return Ok(Value::Int(0));
    }
    let r = cell.borrow_mut().getrandbits(k as u64);
    Ok(Value::from_bigint(r))
}

fn random_getstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = this(vm, &args)?;
    let mt = cell.borrow();
    let mut items: Vec<Value> = mt.state.iter().map(|w| Value::Int(*w as i64)).collect();
    items.push(Value::Int(mt.index as i64));
    Ok(Value::tuple(items))
}

fn random_setstate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cell = this(vm, &args)?;
    let state = match args.pos.get(1) {
        Some(Value::Tuple(t)) => t.items.to_vec(),
        _ => return Err(vm.new_error("TypeError", "state vector must be a tuple")),
    };
    if state.len() != N + 1 {
        return Err(vm.new_error("ValueError", "state vector is the wrong size"));
    }
    let mut mt = Mt::new();
    for (slot, v) in mt.state.iter_mut().zip(&state) {
        let b =
            crate::vm::ops::big_of(v).ok_or_else(|| vm.new_error("TypeError", "an integer is required"))?;
        *slot = (b & BigInt::from(u32::MAX)).to_u32().unwrap_or(0);
    }
    let index = vm.index_of(&state[N])?;
    if index < 0 || index > N as i64 {
        return Err(vm.new_error("ValueError", "invalid state"));
    }
    mt.index = index as usize;
    *cell.borrow_mut() = mt;
    Ok(Value::None)
}

/// `sha512(data: bytes) -> bytes`: the digest `Random.seed` mixes into str/bytes seeds.
fn sha512(vm: &mut Vm, args: Args) -> PyResult<Value> {
    use sha2::Digest;
    match args.pos.first().and_then(|v| v.payload()) {
        Some(Payload::Bytes(b)) => {
            let digest = sha2::Sha512::digest(b);
            Ok(vm.new_bytes(digest.to_vec()))
        }
        _ => Err(vm.new_error("TypeError", "sha512() argument must be bytes")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use num_traits::Zero;

    #[test]
    fn reference_output_of_init_by_array() {
        // The first outputs of mt19937ar.c's test driver (key 0x123, 0x234, 0x345, 0x456).
        let mut mt = Mt::new();
        mt.init_by_array(&[0x123, 0x234, 0x345, 0x456]);
        let first: Vec<u32> = (0..3).map(|_| mt.next_u32()).collect();
        assert_eq!(first, vec![1_067_595_299, 955_945_823, 477_289_528]);
    }

    #[test]
    fn zero_bits_is_zero() {
        let mut mt = Mt::new();
        assert!(mt.getrandbits(64) >= BigInt::zero());
    }
}
