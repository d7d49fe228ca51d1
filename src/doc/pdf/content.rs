//! The content stream interpreter: a page's operators to positioned glyphs and ruling-line
//! segments.
//!
//! Text: `BT`/`ET`, `Tf`, `Tm`, `Td`, `TD`, `T*`, `Tj`, `TJ`, `'`, `"`, `Tc`, `Tw`, `Tz`,
//! `TL`, `Ts`, with `cm` and `q`/`Q` for the transformation; each glyph gets its origin on
//! the page (PDF user space of the page: y grows upwards), its advance and its size. Form
//! XObjects (`Do`) are followed with their `/Matrix` and resources, at most
//! [`MAX_DEPTH`](super::MAX_DEPTH) inside one another; image XObjects and inline images are
//! counted (a page of images and no text is a scan).
//!
//! Paths: `m`, `l`, `h`, `re` (curves move the point and draw no ruling); a stroke (`S`, `s`,
//! `B`, `b` …) gives its horizontal and vertical pieces, a fill (`f`, `F`, `f*`) gives the
//! middle line of each thin rectangle (how Word and WPS draw cell borders). White paint
//! (a gray, RGB or CMYK colour that is white) draws nothing. `n` and clipping draw nothing.
//!
//! The operators of one page, its forms included, are capped at [`MAX_OPS`].

use super::file::{num, File};
use super::font::{Code, Font};
use super::MAX_DEPTH;
use crate::doc::DocError;
use lopdf::content::Content;
use lopdf::{Dictionary, Object, ObjectId};
use std::collections::HashMap;
use std::rc::Rc;

/// At most this many operators on one page, forms included.
pub const MAX_OPS: usize = 1_000_000;
/// A filled rectangle this thin (points) or thinner is a drawn line.
const THIN: f64 = 3.0;

/// A glyph on the page.
#[derive(Debug, Clone)]
pub(super) struct Glyph {
    pub text: String,
    /// Its origin on the baseline.
    pub x: f64,
    pub y: f64,
    /// Its advance along the baseline (a vertical glyph: its width).
    pub w: f64,
    pub size: f64,
    /// Written vertically (a `-V` font): `x`, `y` is the glyph's vertical origin, the middle
    /// of its top edge, and the glyph lies below it.
    pub vertical: bool,
}

impl Glyph {
    pub fn cx(&self) -> f64 {
        if self.vertical {
            self.x
        } else {
            self.x + self.w / 2.0
        }
    }
    /// The middle of the glyph's body (a third of its size above the baseline; half its
    /// size below a vertical glyph's origin).
    pub fn cy(&self) -> f64 {
        if self.vertical {
            self.y - self.size * 0.5
        } else {
            self.y + self.size * 0.35
        }
    }
}

/// A horizontal (`at` = y, `from..to` in x) or vertical (`at` = x, `from..to` in y) piece
/// of a ruling line.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Seg {
    pub horizontal: bool,
    pub at: f64,
    pub from: f64,
    pub to: f64,
}

/// What a page holds.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub glyphs: Vec<Glyph>,
    pub segs: Vec<Seg>,
    pub images: usize,
    /// Fonts that showed text with no Unicode: name → (codes without, codes shown).
    pub unmapped: HashMap<String, (usize, usize)>,
}

type M = [f64; 6];
const ID: M = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &M, b: &M) -> M {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: &M, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

fn translate(x: f64, y: f64) -> M {
    [1.0, 0.0, 0.0, 1.0, x, y]
}

#[derive(Clone)]
struct State {
    ctm: M,
    font: Option<Rc<Font>>,
    size: f64,
    tc: f64,
    tw: f64,
    th: f64,
    tl: f64,
    rise: f64,
    stroke_white: bool,
    fill_white: bool,
}

/// Whether colour operands paint white.
fn white(ops: &[Object], cmyk: bool) -> bool {
    let v: Vec<f64> = ops.iter().filter_map(num).collect();
    if v.is_empty() {
        return false;
    }
    if cmyk {
        v.len() == 4 && v.iter().all(|&c| c <= 0.02)
    } else {
        v.iter().all(|&c| c >= 0.98)
    }
}

struct Interp<'a> {
    file: &'a File,
    page: Page,
    ops: usize,
    fonts: HashMap<ObjectId, Rc<Font>>,
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
    codes: Vec<Code>,
}

/// Reads one page; `base` maps its user space to the page as shown (its `/Rotate`).
pub(super) fn page(
    file: &File,
    dict: &Dictionary,
    base: [f64; 6],
    fonts: &mut HashMap<ObjectId, Rc<Font>>,
) -> Result<Page, DocError> {
    let content = file.page_content(dict)?;
    let resources = match file.inherited(dict, b"Resources") {
        Some(Object::Dictionary(d)) => Some(d),
        _ => None,
    };
    let mut it = Interp {
        file,
        page: Page::default(),
        ops: 0,
        fonts: std::mem::take(fonts),
        forms: HashMap::new(),
        codes: Vec::new(),
    };
    let state = State {
        ctm: base,
        font: None,
        size: 0.0,
        tc: 0.0,
        tw: 0.0,
        th: 1.0,
        tl: 0.0,
        rise: 0.0,
        stroke_white: false,
        fill_white: false,
    };
    let r = it.run(&content, resources, state, 0);
    *fonts = std::mem::take(&mut it.fonts);
    r?;
    Ok(it.page)
}

impl Interp<'_> {
    fn font(&mut self, resources: Option<&Dictionary>, name: &[u8]) -> Option<Rc<Font>> {
        let fonts = self.file.dict(resources?, b"Font")?;
        let entry = fonts.get(name).ok()?;
        if let Object::Reference(id) = entry {
            if let Some(f) = self.fonts.get(id) {
                return Some(f.clone());
            }
        }
        let dict = match self.file.deref(entry) {
            Object::Dictionary(d) => d,
            _ => return None,
        };
        let f = Rc::new(Font::load(self.file, dict, name));
        if let Object::Reference(id) = entry {
            if self.fonts.len() < 10_000 {
                self.fonts.insert(*id, f.clone());
            }
        }
        Some(f)
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&Dictionary>,
        mut gs: State,
        depth: usize,
    ) -> Result<(), DocError> {
        let mut stack: Vec<State> = Vec::new();
        let (mut tm, mut tlm) = (ID, ID);
        // The path: subpaths of points, and whether each piece is a straight line.
        let mut path: Vec<Vec<(f64, f64)>> = Vec::new();
        for op in Content::decode_iter(content) {
            let Ok(op) = op else { break };
            self.ops += 1;
            if self.ops > super::content::MAX_OPS {
                return Err(DocError::PdfTooComplex);
            }
            let a = &op.operands;
            let f = |i: usize| a.get(i).and_then(num).unwrap_or(0.0);
            match op.operator.as_str() {
                "q" if stack.len() < 256 => stack.push(gs.clone()),
                "Q" => {
                    if let Some(s) = stack.pop() {
                        gs = s;
                    }
                }
                "cm" if a.len() == 6 => {
                    let m = [f(0), f(1), f(2), f(3), f(4), f(5)];
                    gs.ctm = mul(&m, &gs.ctm);
                }
                "BT" => {
                    tm = ID;
                    tlm = ID;
                }
                "Tf" => {
                    if let Some(Object::Name(n)) = a.first() {
                        gs.font = self.font(resources, n);
                    }
                    gs.size = f(1);
                }
                "Tc" => gs.tc = f(0),
                "Tw" => gs.tw = f(0),
                "Tz" => gs.th = f(0) / 100.0,
                "TL" => gs.tl = f(0),
                "Ts" => gs.rise = f(0),
                "Td" => {
                    tlm = mul(&translate(f(0), f(1)), &tlm);
                    tm = tlm;
                }
                "TD" => {
                    gs.tl = -f(1);
                    tlm = mul(&translate(f(0), f(1)), &tlm);
                    tm = tlm;
                }
                "Tm" if a.len() == 6 => {
                    tlm = [f(0), f(1), f(2), f(3), f(4), f(5)];
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul(&translate(0.0, -gs.tl), &tlm);
                    tm = tlm;
                }
                "Tj" => {
                    if let Some(Object::String(s, _)) = a.first() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "'" | "\"" => {
                    if op.operator == "\"" {
                        gs.tw = f(0);
                        gs.tc = f(1);
                    }
                    tlm = mul(&translate(0.0, -gs.tl), &tlm);
                    tm = tlm;
                    if let Some(Object::String(s, _)) = a.last() {
                        self.show(s, &gs, &mut tm);
                    }
                }
                "TJ" => {
                    if let Some(Object::Array(items)) = a.first() {
                        for item in items {
                            match item {
                                Object::String(s, _) => self.show(s, &gs, &mut tm),
                                o => {
                                    let n = num(o).unwrap_or(0.0) / 1000.0 * gs.size;
                                    let vertical = gs.font.as_ref().is_some_and(|f| f.vertical);
                                    tm = if vertical {
                                        mul(&translate(0.0, -n), &tm)
                                    } else {
                                        mul(&translate(-n * gs.th, 0.0), &tm)
                                    };
                                }
                            }
                        }
                    }
                }
                "G" | "RG" | "SC" | "SCN" => gs.stroke_white = white(a, false),
                "K" => gs.stroke_white = white(a, true),
                "g" | "rg" | "sc" | "scn" => gs.fill_white = white(a, false),
                "k" => gs.fill_white = white(a, true),
                "m" => {
                    path.push(vec![apply(&gs.ctm, f(0), f(1))]);
                }
                "l" => {
                    let p = apply(&gs.ctm, f(0), f(1));
                    match path.last_mut() {
                        Some(sub) => sub.push(p),
                        None => path.push(vec![p]),
                    }
                }
                "c" | "v" | "y" => {
                    // A curve: no ruling; the point moves to its end.
                    let n = a.len();
                    let p = apply(&gs.ctm, f(n.saturating_sub(2)), f(n.saturating_sub(1)));
                    path.push(vec![p]);
                }
                "h" => {
                    if let Some(sub) = path.last_mut() {
                        if sub.len() > 1 {
                            let first = sub[0];
                            sub.push(first);
                        }
                    }
                }
                "re" => {
                    let (x, y, w, h) = (f(0), f(1), f(2), f(3));
                    let c = [
                        apply(&gs.ctm, x, y),
                        apply(&gs.ctm, x + w, y),
                        apply(&gs.ctm, x + w, y + h),
                        apply(&gs.ctm, x, y + h),
                    ];
                    path.push(vec![c[0], c[1], c[2], c[3], c[0]]);
                }
                "S" | "s" | "B" | "B*" | "b" | "b*" => {
                    if !gs.stroke_white {
                        for sub in &path {
                            for w in sub.windows(2) {
                                self.line(w[0], w[1]);
                            }
                        }
                    }
                    path.clear();
                }
                "f" | "F" | "f*" => {
                    if !gs.fill_white {
                        for sub in &path {
                            if let Some(r) = as_rect(sub) {
                                self.thin_rect(r);
                            }
                        }
                    }
                    path.clear();
                }
                "n" => {
                    path.clear();
                }
                "BI" | "ID" | "EI" => self.page.images += 1,
                "Do" => {
                    if let Some(Object::Name(n)) = a.first() {
                        self.xobject(resources, n, &gs, depth)?;
                    }
                }
                _ => {}
            }
        }
        Ok(())
    }

    fn xobject(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        gs: &State,
        depth: usize,
    ) -> Result<(), DocError> {
        let Some(xobjects) = resources.and_then(|r| self.file.dict(r, b"XObject")) else {
            return Ok(());
        };
        let Ok(entry) = xobjects.get(name) else {
            return Ok(());
        };
        let id = entry.as_reference().ok();
        let Object::Stream(s) = self.file.deref(entry) else {
            return Ok(());
        };
        match self.file.name(&s.dict, b"Subtype") {
            Some(b"Image") => self.page.images += 1,
            Some(b"Form") => {
                if depth + 1 > MAX_DEPTH {
                    return Err(DocError::PdfTooDeep);
                }
                let data = match id.and_then(|id| self.forms.get(&id)) {
                    Some(d) => d.clone(),
                    None => {
                        let d = Rc::new(self.file.content(s)?);
                        if let Some(id) = id {
                            self.forms.insert(id, d.clone());
                        }
                        d
                    }
                };
                let mut inner = gs.clone();
                if let Some(Object::Array(m)) = self.file.get(&s.dict, b"Matrix") {
                    let v: Vec<f64> = m.iter().filter_map(|o| num(self.file.deref(o))).collect();
                    if v.len() == 6 {
                        inner.ctm = mul(&[v[0], v[1], v[2], v[3], v[4], v[5]], &gs.ctm);
                    }
                }
                let res = match self.file.get(&s.dict, b"Resources") {
                    Some(Object::Dictionary(d)) => Some(d),
                    _ => resources,
                };
                self.run(&data, res, inner, depth + 1)?;
            }
            _ => {}
        }
        Ok(())
    }

    /// Shows a string: a glyph for each code with text, the text matrix advanced.
    fn show(&mut self, bytes: &[u8], gs: &State, tm: &mut M) {
        let Some(font) = gs.font.clone() else {
            return;
        };
        let mut codes = std::mem::take(&mut self.codes);
        font.codes(bytes, &mut codes);
        for c in &codes {
            let m = mul(tm, &gs.ctm);
            // Scales of text space on the page, along and across the baseline.
            let sx = (m[0] * m[0] + m[1] * m[1]).sqrt();
            let sy = (m[2] * m[2] + m[3] * m[3]).sqrt();
            let trm = mul(
                &[gs.size * gs.th, 0.0, 0.0, gs.size, 0.0, gs.rise],
                &mul(tm, &gs.ctm),
            );
            let (x, y) = (trm[4], trm[5]);
            let advance = c.advance * gs.size + gs.tc + if c.space { gs.tw } else { 0.0 };
            match &c.text {
                Some(t) => {
                    // A space is kept as " ": a word break the font says is there.
                    let text = if t.chars().all(char::is_whitespace) {
                        " ".to_string()
                    } else {
                        t.clone()
                    };
                    self.page.glyphs.push(Glyph {
                        text,
                        x,
                        y,
                        w: if font.vertical {
                            gs.size * sx
                        } else {
                            c.advance * gs.size * gs.th * sx
                        },
                        size: (gs.size * sy).abs(),
                        vertical: font.vertical,
                    });
                }
                None => {
                    let e = self.page.unmapped.entry(font.name.clone()).or_default();
                    e.0 += 1;
                }
            }
            if c.text.is_some() {
                let e = self.page.unmapped.entry(font.name.clone()).or_default();
                e.1 += 1;
            }
            *tm = if font.vertical {
                mul(&translate(0.0, -advance), tm)
            } else {
                mul(&translate(advance * gs.th, 0.0), tm)
            };
        }
        self.codes = codes;
    }

    fn line(&mut self, a: (f64, f64), b: (f64, f64)) {
        let (dx, dy) = ((b.0 - a.0).abs(), (b.1 - a.1).abs());
        if dy < 0.5 && dx > 0.5 {
            self.seg(Seg {
                horizontal: true,
                at: (a.1 + b.1) / 2.0,
                from: a.0.min(b.0),
                to: a.0.max(b.0),
            });
        } else if dx < 0.5 && dy > 0.5 {
            self.seg(Seg {
                horizontal: false,
                at: (a.0 + b.0) / 2.0,
                from: a.1.min(b.1),
                to: a.1.max(b.1),
            });
        }
    }

    fn thin_rect(&mut self, r: (f64, f64, f64, f64)) {
        let (x0, y0, x1, y1) = r;
        let (w, h) = (x1 - x0, y1 - y0);
        if h <= THIN && w > h {
            self.seg(Seg {
                horizontal: true,
                at: (y0 + y1) / 2.0,
                from: x0,
                to: x1,
            });
        } else if w <= THIN && h > w {
            self.seg(Seg {
                horizontal: false,
                at: (x0 + x1) / 2.0,
                from: y0,
                to: y1,
            });
        }
    }

    fn seg(&mut self, s: Seg) {
        if self.page.segs.len() < 200_000
            && s.at.is_finite()
            && s.from.is_finite()
            && s.to.is_finite()
        {
            self.page.segs.push(s);
        }
    }
}

/// The bounding box (x0, y0, x1, y1) of a closed subpath of three to five corners (a
/// rectangle, or the bevelled quadrilateral Chromium draws a cell border as).
fn as_rect(sub: &[(f64, f64)]) -> Option<(f64, f64, f64, f64)> {
    if !(3..=6).contains(&sub.len()) {
        return None;
    }
    let xs = sub.iter().map(|p| p.0);
    let ys = sub.iter().map(|p| p.1);
    let (x0, x1) = (
        xs.clone().fold(f64::MAX, f64::min),
        xs.fold(f64::MIN, f64::max),
    );
    let (y0, y1) = (
        ys.clone().fold(f64::MAX, f64::min),
        ys.fold(f64::MIN, f64::max),
    );
    Some((x0, y0, x1, y1))
}
