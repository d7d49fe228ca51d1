//! The PDF file's structure through `lopdf`: opening it (xref tables and streams, object
//! streams, incremental updates, broken-xref recovery, decryption with the empty user
//! password), its pages, their resources, and stream contents inflated within one budget
//! for the whole file ([`MAX_INFLATED`]).
//!
//! Every failure becomes a [`DocError`] with a plain Chinese message; nothing here panics on
//! what the file says about itself.

use super::{MAX_INFLATED, MAX_PAGES};
use crate::doc::DocError;
use lopdf::{Dictionary, Object, ObjectId, Stream};
use std::cell::Cell;

/// The largest single stream `lopdf` inflates while loading (object and xref streams; a
/// report's are kilobytes).
const MAX_LOAD_STREAM: usize = 32 * 1024 * 1024;

/// An opened PDF.
pub(super) struct File {
    pub doc: lopdf::Document,
    /// Bytes of stream content inflated so far (content streams, forms, CMaps).
    inflated: Cell<u64>,
}

/// Opens `bytes` as a PDF.
pub(super) fn open(bytes: &[u8]) -> Result<File, DocError> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_LOAD_STREAM),
        ..Default::default()
    };
    let loaded = guarded(|| lopdf::Document::load_mem_with_options(bytes, options))
        .ok_or_else(|| DocError::PdfBroken("解析时出错".into()))?;
    let doc = loaded.map_err(|e| load_error(e, bytes))?;
    if doc.trailer.has(b"Encrypt") && !doc.was_encrypted() {
        return Err(DocError::PdfEncrypted);
    }
    if doc.catalog().is_err() {
        return Err(broken_or_truncated(bytes, "找不到文档目录（Catalog）"));
    }
    Ok(File {
        doc,
        inflated: Cell::new(0),
    })
}

/// Runs `f`, turning a panic inside the PDF library into `None` (natively; a build that
/// aborts on panic cannot catch it).
fn guarded<T>(f: impl FnOnce() -> T) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).ok()
}

/// A file cut off early has no `%%EOF` near its end.
fn truncated(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    !tail.windows(5).any(|w| w == b"%%EOF")
}

fn broken_or_truncated(bytes: &[u8], why: &str) -> DocError {
    if truncated(bytes) {
        DocError::PdfTruncated
    } else {
        DocError::PdfBroken(why.into())
    }
}

fn load_error(e: lopdf::Error, bytes: &[u8]) -> DocError {
    use lopdf::Error as E;
    match e {
        E::InvalidPassword | E::Decryption(_) => DocError::PdfEncrypted,
        E::Decompress(lopdf::DecompressError::MemoryLimitExceeded { .. }) => {
            DocError::PdfTooLarge(MAX_LOAD_STREAM as u64)
        }
        E::Unimplemented(_) => DocError::PdfBroken("用到了读不了的 PDF 特性".into()),
        _ => broken_or_truncated(bytes, "文件结构（交叉引用表）读不通"),
    }
}

/// A number operand or entry (integer or real), finite.
pub(super) fn num(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) if r.is_finite() => Some(*r as f64),
        _ => None,
    }
}

impl File {
    /// The object itself when `o` is a reference (followed a bounded number of times).
    pub fn deref<'a>(&'a self, o: &'a Object) -> &'a Object {
        self.doc.dereference(o).map_or(&Object::Null, |(_, o)| o)
    }

    /// `dict[key]`, dereferenced.
    pub fn get<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        dict.get(key).ok().map(|o| self.deref(o))
    }

    pub fn dict<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a Dictionary> {
        match self.get(dict, key)? {
            Object::Dictionary(d) => Some(d),
            Object::Stream(s) => Some(&s.dict),
            _ => None,
        }
    }

    pub fn name<'a>(&'a self, dict: &'a Dictionary, key: &[u8]) -> Option<&'a [u8]> {
        self.get(dict, key)?.as_name().ok()
    }

    pub fn number(&self, dict: &Dictionary, key: &[u8]) -> Option<f64> {
        num(self.get(dict, key)?)
    }

    /// The pages in order, refused past [`MAX_PAGES`] (as the page tree counts them, and
    /// as they are walked).
    pub fn pages(&self) -> Result<Vec<ObjectId>, DocError> {
        let catalog = self
            .doc
            .catalog()
            .map_err(|_| DocError::PdfBroken("找不到文档目录".into()))?;
        if let Some(root) = self.dict(catalog, b"Pages") {
            if let Some(n) = self.number(root, b"Count") {
                if n > MAX_PAGES as f64 {
                    return Err(DocError::PdfTooManyPages(n.min(u64::MAX as f64) as u64));
                }
            }
        }
        let pages: Vec<ObjectId> = guarded(|| self.doc.page_iter().take(MAX_PAGES + 1).collect())
            .ok_or_else(|| DocError::PdfBroken("页面树读不通".into()))?;
        if pages.len() > MAX_PAGES {
            return Err(DocError::PdfTooManyPages(pages.len() as u64));
        }
        Ok(pages)
    }

    /// The page's dictionary.
    pub fn page(&self, id: ObjectId) -> Option<&Dictionary> {
        self.doc.get_object(id).ok()?.as_dict().ok()
    }

    /// A page attribute, inherited from the page tree when the page lacks it (`/Resources`,
    /// `/MediaBox`, `/CropBox`).
    pub fn inherited<'a>(&'a self, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
        let mut node = page;
        for _ in 0..32 {
            if let Some(o) = self.get(node, key) {
                return Some(o);
            }
            node = self.dict(node, b"Parent")?;
        }
        None
    }

    /// Bytes of inflated stream content left in the file's budget.
    fn left(&self) -> usize {
        (MAX_INFLATED.saturating_sub(self.inflated.get())) as usize
    }

    /// A stream's content with its filters undone, counted against [`MAX_INFLATED`].
    pub fn content(&self, s: &Stream) -> Result<Vec<u8>, DocError> {
        let left = self.left();
        let data = match guarded(|| s.get_plain_content_with_limit(left)) {
            Some(Ok(d)) => d,
            Some(Err(lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                ..
            }))) => return Err(DocError::PdfTooLarge(MAX_INFLATED)),
            // A stream that does not inflate reads as empty (a damaged page keeps the rest).
            _ => Vec::new(),
        };
        self.inflated.set(self.inflated.get() + data.len() as u64);
        Ok(data)
    }

    /// The concatenated content streams of a page.
    pub fn page_content(&self, page: &Dictionary) -> Result<Vec<u8>, DocError> {
        let mut out = Vec::new();
        let push = |o: &Object, out: &mut Vec<u8>| -> Result<(), DocError> {
            if let Object::Stream(s) = self.deref(o) {
                out.extend(self.content(s)?);
                out.push(b'\n');
            }
            Ok(())
        };
        match self.get(page, b"Contents") {
            Some(Object::Array(a)) => {
                for o in a {
                    push(o, &mut out)?;
                }
            }
            Some(o @ Object::Stream(_)) => push(o, &mut out)?,
            _ => {}
        }
        Ok(out)
    }
}
