//! Editing a zip's headers, for the tests of zip bombs that lie about their size
//! (`tests/hostile_docx.rs`, `tests/memory.rs`). Included by `#[path]`, alone, so that a test
//! with a counting allocator does not take in the other helpers.

/// Sets the uncompressed size that the local and central headers of `name` declare.
pub fn declare_size(zip: &mut [u8], name: &str, size: u32) {
    let mut at = 0;
    while let Some(i) = zip[at..]
        .windows(4)
        .position(|w| w == b"PK\x03\x04" || w == b"PK\x01\x02")
    {
        let i = at + i;
        let central = zip[i + 2] == 1;
        let (size_at, name_len_at, name_at) = if central { (24, 28, 46) } else { (22, 26, 30) };
        let len = u16::from_le_bytes([zip[i + name_len_at], zip[i + name_len_at + 1]]) as usize;
        if zip.get(i + name_at..i + name_at + len) == Some(name.as_bytes()) {
            zip[i + size_at..i + size_at + 4].copy_from_slice(&size.to_le_bytes());
        }
        at = i + 4;
    }
}
