//! `&'static str` fields read back from serde: rule codes and template labels.
//!
//! The core's types name rule codes and template labels by `&'static str` (they come from
//! the registry and the templates, which are static data). The web app's worker sends a
//! [`crate::Checked`] to the page through serde (see `crate::wire`); reading it back needs
//! those strings as `&'static str` again. Each distinct string is kept once for the life of
//! the program, so memory is bounded by the number of distinct codes and labels (a few
//! hundred), however many results are read.

use serde::{Deserialize, Deserializer};
use std::collections::BTreeSet;
use std::sync::{Mutex, OnceLock};

/// `&'static str`, named so: serde's derive takes a field written `&'static str` as borrowed
/// from the input (and then asks the input to live forever), even with `deserialize_with`.
pub type Static = &'static str;

/// `s` as a `&'static str`: the same allocation for equal strings.
pub fn intern(s: &str) -> &'static str {
    static SEEN: OnceLock<Mutex<BTreeSet<&'static str>>> = OnceLock::new();
    let mut seen = SEEN
        .get_or_init(|| Mutex::new(BTreeSet::new()))
        .lock()
        .unwrap_or_else(|e| e.into_inner());
    if let Some(&k) = seen.get(s) {
        return k;
    }
    let k: &'static str = Box::leak(s.to_owned().into_boxed_str());
    seen.insert(k);
    k
}

/// `#[serde(deserialize_with = "crate::statics::de_str")]` for a `&'static str` field.
pub fn de_str<'de, D: Deserializer<'de>>(d: D) -> Result<&'static str, D::Error> {
    let s = String::deserialize(d)?;
    Ok(intern(&s))
}

/// `#[serde(deserialize_with = "crate::statics::de_vec")]` for a `Vec<&'static str>` field.
pub fn de_vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<&'static str>, D::Error> {
    let v = Vec::<String>::deserialize(d)?;
    Ok(v.iter().map(|s| intern(s)).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_strings_share_one_allocation() {
        let a = intern(&String::from("T3-BALANCE"));
        let b = intern(&String::from("T3-BALANCE"));
        assert_eq!(a, "T3-BALANCE");
        assert!(std::ptr::eq(a, b));
    }
}
