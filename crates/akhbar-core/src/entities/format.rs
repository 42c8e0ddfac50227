//! The model file: a header (magic, format version, payload length, FNV-1a
//! checksum of the payload) and a little-endian payload. A corrupt,
//! truncated or incompatible file gives an error naming the file; nothing in
//! a file can make the reader panic or allocate without bound.
//!
//! Payload: the feature-set version; entity types; (layout 4) the first stage's tag scheme;
//! feature keys (ascending, one per weight row) and weights; transitions; the feature gazetteer; the forced gazetteer; the
//! word clusters; (version 2) the embedding classes; the second stage (flag, then (layout 4) its
//! scheme, weights and transitions);
//! the `O` bias.
//!
//! Version 3 (written by [`Model::save`]) stores the version 2 payload as a zlib stream; the
//! header's length and checksum are those of the uncompressed payload. Versions 1 and 2 store
//! the payload as it is, and are still read (and written by [`to_uncompressed_bytes`]).
//! Versions 4 (as it is) and 5 (zlib) hold a model with a BILOU stage: the version 2 payload
//! with each stage's scheme. A BIO model is written as before (versions 1–3), so its file stays
//! byte for byte what it was and older readers still read it.

use std::borrow::Cow;
use std::io::Write;
use std::path::Path;

use flate2::write::ZlibEncoder;
use flate2::{Compression, Decompress, FlushDecompress, Status};

use super::clusters::Clusters;
use super::features::FEATURE_SET;
use super::gazetteer::Gazetteer;
use super::hash::checksum;
use super::labels::Labels;
use super::model::Model;
use super::scheme::Scheme;
use super::weights::FeatureWeights;
use crate::error::{Error, Result};

/// The first eight bytes of a model file.
pub const MAGIC: &[u8; 8] = b"AKHBNER\x1a";
/// The newest format version: the version 4 payload, zlib-compressed (a BILOU model's file).
pub const VERSION: u32 = 5;
/// The uncompressed layout with the tag scheme.
const VERSION_4: u32 = 4;
/// The version 2 payload, zlib-compressed: what [`Model::save`] writes for a BIO model.
const VERSION_3: u32 = 3;
/// The uncompressed layout with embedding classes.
const VERSION_2: u32 = 2;
/// The uncompressed layout without embedding classes (written when a model has none).
const VERSION_1: u32 = 1;
const HEADER: usize = 8 + 4 + 8 + 8;
/// zlib level 6 (zlib's default). On the shipped model's 22 984 846-byte payload, miniz_oxide
/// gives 8.15 MB in 0.11 s at level 1, 6.96 MB in 0.41 s at 3, 6.74 MB in 1.0 s at 6 and
/// 6.69 MB in 3.2 s at 9; inflating takes 0.05–0.07 s at every level. A model is written once
/// per training run of minutes, so 6 takes the size (3% under level 3) and leaves level 9's
/// last 0.7% for three times the time. The same model gives the same bytes (for a given
/// miniz_oxide, pinned by Cargo.lock), so a retrained model file is reproducible.
const LEVEL: u32 = 6;
/// Deflate's largest expansion (a 258-byte match coded in two bits): a declared length
/// beyond this many times the compressed size cannot be right, and is not allocated.
const MAX_INFLATE_RATIO: u64 = 1032;

struct Writer(Vec<u8>);

impl Writer {
    fn u32(&mut self, x: u32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn u64(&mut self, x: u64) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn f32(&mut self, x: f32) {
        self.0.extend_from_slice(&x.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.0.extend_from_slice(s.as_bytes());
    }
    /// A stage's scheme, in layout 4 (earlier layouts hold BIO stages only).
    fn scheme(&mut self, s: Scheme, layout: u32) {
        if layout >= VERSION_4 {
            self.u32(match s {
                Scheme::Bio => 0,
                Scheme::Bilou => 1,
            });
        }
    }
    /// Weights (rows ascending by feature key) and transitions.
    fn stage(&mut self, m: &Model) {
        let mut rows: Vec<(u64, Vec<f32>)> = m.weights.iter().collect();
        rows.sort_unstable_by_key(|&(k, _)| k);
        self.u32(rows.len() as u32);
        for &(k, _) in &rows {
            self.u64(k);
        }
        for (_, row) in &rows {
            for &x in row {
                self.f32(x);
            }
        }
        for &x in &m.transitions {
            self.f32(x);
        }
    }

    fn gazetteer(&mut self, g: &Gazetteer) {
        self.u32(g.len() as u32);
        for (l, p) in g.entries() {
            self.str(l);
            self.str(p);
        }
    }
}

struct Reader<'a> {
    buf: &'a [u8],
    pos: usize,
}

type R<T> = std::result::Result<T, String>;

impl Reader<'_> {
    fn take(&mut self, n: usize) -> R<&[u8]> {
        if self.buf.len() - self.pos < n {
            return Err(format!(
                "payload ends early at byte {} (wanted {n} more)",
                self.pos
            ));
        }
        let s = &self.buf[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }
    fn u32(&mut self) -> R<u32> {
        Ok(u32::from_le_bytes(
            self.take(4)?.try_into().unwrap_or([0; 4]),
        ))
    }
    fn u64(&mut self) -> R<u64> {
        Ok(u64::from_le_bytes(
            self.take(8)?.try_into().unwrap_or([0; 8]),
        ))
    }
    fn f32(&mut self) -> R<f32> {
        let x = f32::from_le_bytes(self.take(4)?.try_into().unwrap_or([0; 4]));
        if x.is_finite() {
            Ok(x)
        } else {
            Err(format!("non-finite weight before byte {}", self.pos))
        }
    }
    /// A count whose items take at least `item` bytes each.
    fn count(&mut self, item: usize) -> R<usize> {
        let n = self.u32()? as usize;
        if n.saturating_mul(item) > self.buf.len() - self.pos {
            return Err(format!(
                "count {n} at byte {} exceeds the file",
                self.pos - 4
            ));
        }
        Ok(n)
    }
    fn str(&mut self) -> R<String> {
        let n = self.count(1)?;
        String::from_utf8(self.take(n)?.to_vec())
            .map_err(|_| format!("invalid UTF-8 string before byte {}", self.pos))
    }
    /// A stage's scheme: read in layout 4, BIO in earlier layouts.
    fn scheme(&mut self, layout: u32) -> R<Scheme> {
        if layout < VERSION_4 {
            return Ok(Scheme::Bio);
        }
        match self.u32()? {
            0 => Ok(Scheme::Bio),
            1 => Ok(Scheme::Bilou),
            x => Err(format!("bad tag scheme {x}")),
        }
    }
    fn stage(&mut self, n_tags: usize) -> R<Stage> {
        let n_rows = self.count(8 + 4 * n_tags)?;
        let keys = (0..n_rows).map(|_| self.u64()).collect::<R<Vec<_>>>()?;
        let mut weights = FeatureWeights::with_capacity(n_tags, n_rows);
        let mut row = vec![0f32; n_tags];
        for &k in &keys {
            for x in row.iter_mut() {
                *x = self.f32()?;
            }
            if !weights.insert(k, &row) {
                return Err("duplicate feature key".into());
            }
        }
        let transitions = (0..(n_tags + 1) * n_tags)
            .map(|_| self.f32())
            .collect::<R<Vec<_>>>()?;
        Ok((weights, transitions))
    }

    fn gazetteer(&mut self) -> R<Gazetteer> {
        let n = self.count(8)?;
        let mut g = Gazetteer::new();
        for _ in 0..n {
            let l = self.str()?;
            let p = self.str()?;
            g.add(&l, &p).map_err(|e| e.to_string())?;
        }
        Ok(g)
    }
}

/// The payload in layout version 1 (no embedding classes), 2 or 4 (with the scheme).
fn payload(m: &Model, layout: u32) -> Vec<u8> {
    let mut p = Writer(Vec::new());
    p.u32(FEATURE_SET);
    let types = m.labels.types();
    p.u32(types.len() as u32);
    for t in types {
        p.str(t);
    }
    p.scheme(m.scheme, layout);
    p.stage(m);
    p.gazetteer(&m.gazetteer);
    p.gazetteer(&m.forced);
    let cl = m.clusters.sorted();
    p.u32(cl.len() as u32);
    for (w, bits) in cl {
        p.str(w);
        p.str(bits);
    }
    let cls = m.clusters.sorted_classes();
    if layout >= VERSION_2 {
        p.u32(cls.len() as u32);
        for (w, ids) in cls {
            p.str(w);
            p.u32(ids.len() as u32);
            for &x in ids {
                p.u32(u32::from(x));
            }
        }
    }
    match &m.second {
        Some(second) => {
            p.u32(1);
            p.scheme(second.scheme, layout);
            p.stage(second);
        }
        None => p.u32(0),
    }
    p.f32(m.o_bias);
    p.0
}

/// Whether a stage of `m` decodes in BILOU (its file needs layout 4).
fn has_bilou(m: &Model) -> bool {
    m.scheme == Scheme::Bilou || m.second.as_ref().is_some_and(|s| s.scheme == Scheme::Bilou)
}

/// A file: the header (of the uncompressed `payload`), then `body`.
fn file(version: u32, payload: &[u8], body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&checksum(payload).to_le_bytes());
    out.extend_from_slice(body);
    out
}

/// Serialize a model to the bytes of a model file (compressed: version 3 for a BIO
/// model, 5 for a BILOU one).
pub fn to_bytes(m: &Model) -> Result<Vec<u8>> {
    let (version, layout) = if has_bilou(m) {
        (VERSION, VERSION_4)
    } else {
        (VERSION_3, VERSION_2)
    };
    let payload = payload(m, layout);
    let mut z = ZlibEncoder::new(
        Vec::with_capacity(payload.len() / 3),
        Compression::new(LEVEL),
    );
    let body = z
        .write_all(&payload)
        .and_then(|()| z.finish())
        .map_err(|e| Error::Internal {
            row: None,
            reason: format!("compressing the model: {e}"),
        })?;
    Ok(file(version, &payload, &body))
}

/// Serialize a model uncompressed (version 4 for a BILOU model; for a BIO one 2, or
/// 1 without embedding classes): several times quicker to write and read than
/// [`to_bytes`], for copies that never reach a disk (pickling).
pub fn to_uncompressed_bytes(m: &Model) -> Vec<u8> {
    let layout = if has_bilou(m) {
        VERSION_4
    } else if !m.clusters.has_classes() {
        VERSION_1
    } else {
        VERSION_2
    };
    let payload = payload(m, layout);
    file(layout, &payload, &payload)
}

/// Inflate a version 3 body to exactly `len` bytes, allocating no more than that.
fn inflate(body: &[u8], len: u64) -> R<Vec<u8>> {
    if len > MAX_INFLATE_RATIO.saturating_mul(body.len() as u64) {
        return Err(format!(
            "truncated: a {}-byte compressed payload cannot hold the declared {len} bytes",
            body.len()
        ));
    }
    let len = usize::try_from(len).map_err(|_| format!("payload length {len} too large"))?;
    // One byte of room past `len` shows a stream that inflates beyond it.
    let mut out = Vec::with_capacity(len + 1);
    let mut z = Decompress::new(true);
    loop {
        let before = (z.total_in(), z.total_out());
        let rest = body.get(z.total_in() as usize..).unwrap_or_default();
        let status = z
            .decompress_vec(rest, &mut out, FlushDecompress::Finish)
            .map_err(|e| format!("corrupt compressed payload ({e})"))?;
        if out.len() > len {
            return Err(format!(
                "corrupt: the compressed payload inflates beyond the declared {len} bytes"
            ));
        }
        if status == Status::StreamEnd {
            break;
        }
        if (z.total_in(), z.total_out()) == before {
            return Err(format!(
                "truncated: the compressed payload breaks off (at {} of {len} bytes)",
                out.len()
            ));
        }
    }
    if out.len() < len {
        return Err(format!(
            "truncated: the compressed payload ends after {} of {len} bytes",
            out.len()
        ));
    }
    if (z.total_in() as usize) < body.len() {
        return Err(format!(
            "{} unexpected bytes after the compressed payload",
            body.len() - z.total_in() as usize
        ));
    }
    Ok(out)
}

/// Parse a model from bytes; `name` (the file) is used in error messages.
pub fn from_bytes(bytes: &[u8], name: &str) -> Result<Model> {
    parse(bytes).map_err(|reason| Error::ModelFile {
        path: name.to_string(),
        reason,
    })
}

fn parse(bytes: &[u8]) -> R<Model> {
    if bytes.len() < 8 || &bytes[..8] != MAGIC {
        return Err("not an akhbar tagger model (bad magic header)".into());
    }
    if bytes.len() < HEADER {
        return Err(format!(
            "truncated: {} bytes, shorter than the {HEADER}-byte header",
            bytes.len()
        ));
    }
    let mut h = Reader { buf: bytes, pos: 8 };
    let version = h.u32()?;
    if !(VERSION_1..=VERSION).contains(&version) {
        return Err(format!(
            "model format version {version}, but this akhbar reads versions {VERSION_1} to \
             {VERSION} (retrain the model or use a matching akhbar)"
        ));
    }
    let len = h.u64()?;
    let sum = h.u64()?;
    let body = &bytes[HEADER..];
    // Versions 3 and 5 are the layouts 2 and 4, compressed.
    let layout = match version {
        VERSION_3 => VERSION_2,
        VERSION => VERSION_4,
        v => v,
    };
    let payload: Cow<[u8]> = if version == VERSION_3 || version == VERSION {
        Cow::Owned(inflate(body, len)?)
    } else if (body.len() as u64) < len {
        return Err(format!(
            "truncated: payload has {} of {len} bytes",
            body.len()
        ));
    } else if body.len() as u64 > len {
        return Err(format!(
            "{} unexpected bytes after the payload",
            body.len() as u64 - len
        ));
    } else {
        Cow::Borrowed(body)
    };
    let payload = payload.as_ref();
    if checksum(payload) != sum {
        return Err("checksum mismatch: the file is corrupt".into());
    }
    let mut r = Reader {
        buf: payload,
        pos: 0,
    };
    let features = r.u32()?;
    if features != FEATURE_SET {
        return Err(format!(
            "model computed with feature set {features}, but this akhbar computes feature set \
             {FEATURE_SET} (retrain the model or use a matching akhbar)"
        ));
    }
    let n_types = r.count(4)?;
    if n_types == 0 || n_types > 127 {
        return Err(format!("bad number of entity types {n_types}"));
    }
    let types = (0..n_types).map(|_| r.str()).collect::<R<Vec<_>>>()?;
    let labels = Labels::new(types);
    if labels.types().len() != n_types {
        return Err("duplicate entity types".into());
    }
    let scheme = r.scheme(layout)?;
    let (weights, transitions) = r.stage(scheme.n_tags(n_types))?;
    let gazetteer = r.gazetteer()?;
    let forced = r.gazetteer()?;
    let n_cl = r.count(8)?;
    let mut clusters = Clusters::new();
    for _ in 0..n_cl {
        let w = r.str()?;
        let b = r.str()?;
        if b.is_empty() || !b.bytes().all(|x| x == b'0' || x == b'1') {
            return Err(format!("cluster path {b:?} is not a bit string"));
        }
        clusters.insert(w, b);
    }
    if layout >= VERSION_2 {
        for _ in 0..r.count(8)? {
            let w = r.str()?;
            let ids = (0..r.count(4)?)
                .map(|_| {
                    let x = r.u32()?;
                    u16::try_from(x).map_err(|_| format!("embedding class {x} out of range"))
                })
                .collect::<R<Vec<u16>>>()?;
            clusters.insert_classes(w, ids);
        }
    }
    let second = match r.u32()? {
        0 => None,
        1 => {
            let scheme = r.scheme(layout)?;
            let (weights, transitions) = r.stage(scheme.n_tags(n_types))?;
            Some(Box::new(Model {
                labels: labels.clone(),
                scheme,
                weights,
                transitions,
                gazetteer: Gazetteer::new(),
                forced: Gazetteer::new(),
                clusters: Clusters::new(),
                second: None,
                o_bias: 0.0,
                joint: Default::default(),
            }))
        }
        x => return Err(format!("bad second-stage flag {x}")),
    };
    let o_bias = r.f32()?;
    if r.pos != payload.len() {
        return Err(format!(
            "{} unread bytes at the end of the payload",
            payload.len() - r.pos
        ));
    }
    Ok(Model {
        labels,
        scheme,
        weights,
        transitions,
        gazetteer,
        forced,
        clusters,
        second,
        o_bias,
        joint: Default::default(),
    })
}

type Stage = (FeatureWeights, Vec<f32>);

impl Model {
    /// Load a model file.
    pub fn load(path: &Path) -> Result<Model> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| Error::Io {
            path: name.clone(),
            reason: e.to_string(),
        })?;
        from_bytes(&bytes, &name)
    }

    /// Write the model file (through a temporary file, then renamed, so a
    /// failed write never leaves a half-written model behind).
    pub fn save(&self, path: &Path) -> Result<()> {
        let name = path.display().to_string();
        let io = |e: std::io::Error| Error::Io {
            path: name.clone(),
            reason: e.to_string(),
        };
        let mut tmp = path.as_os_str().to_owned();
        tmp.push(".tmp");
        std::fs::write(&tmp, to_bytes(self)?).map_err(io)?;
        std::fs::rename(&tmp, path).map_err(io)
    }
}

#[cfg(test)]
mod tests {
    use super::super::conll::Sentence;
    use super::super::train::{train, TrainOptions};
    use super::*;

    fn model() -> Model {
        let s = Sentence {
            tokens: vec!["زار".into(), "أوباما".into(), "باريس".into()],
            tags: vec!["O".into(), "B-PERS".into(), "B-LOC".into()],
        };
        let mut g = Gazetteer::new();
        g.add("LOC", "دير الزور").unwrap();
        let opts = TrainOptions {
            epochs: 2,
            gazetteer: g,
            ..Default::default()
        };
        train(&[s], &[], None, &opts, &mut |_| {}).unwrap()
    }

    #[test]
    fn round_trip_and_errors() {
        let m = model();
        let b = to_uncompressed_bytes(&m);
        assert_eq!(b[8], 1);
        let m2 = from_bytes(&b, "m.bin").unwrap();
        assert_eq!(to_uncompressed_bytes(&m2), b);
        assert_eq!(m2.tag(&["زار", "أوباما"]), m.tag(&["زار", "أوباما"]));

        let err = |bs: &[u8]| from_bytes(bs, "m.bin").unwrap_err().to_string();
        assert!(err(b"hello").starts_with("m.bin: not an akhbar tagger model"));
        assert!(err(&b[..b.len() - 3]).starts_with("m.bin: truncated"));
        assert!(err(&b[..20]).starts_with("m.bin: truncated"));
        let mut bad = b.clone();
        let last = bad.len() - 1;
        bad[last] ^= 1;
        assert_eq!(err(&bad), "m.bin: checksum mismatch: the file is corrupt");
        let mut v9 = b.clone();
        v9[8] = 9;
        assert!(err(&v9).starts_with("m.bin: model format version 9"));
        // Another feature set: the payload (and so the checksum) differs.
        let mut fs = b[HEADER..].to_vec();
        fs[0] = fs[0].wrapping_add(1);
        let mut v3 = b[..HEADER - 8].to_vec();
        v3.extend_from_slice(&checksum(&fs).to_le_bytes());
        v3.extend_from_slice(&fs);
        assert!(err(&v3).contains("feature set"));
    }

    fn model_with_classes() -> Model {
        let s = Sentence {
            tokens: vec!["زار".into(), "أوباما".into(), "باريس".into()],
            tags: vec!["O".into(), "B-PERS".into(), "B-LOC".into()],
        };
        let mut clusters = Clusters::new();
        clusters.insert("باريس".into(), "0110".into());
        clusters.insert_classes("باريس".into(), vec![3, 700]);
        clusters.insert_classes("اوباما".into(), vec![1, 65535]);
        let opts = TrainOptions {
            epochs: 2,
            clusters,
            ..Default::default()
        };
        train(&[s], &[], None, &opts, &mut |_| {}).unwrap()
    }

    #[test]
    fn embedding_classes_make_a_version_2_file() {
        let m = model_with_classes();
        let b = to_uncompressed_bytes(&m);
        assert_eq!(b[8], 2);
        let m2 = from_bytes(&b, "m.bin").unwrap();
        assert_eq!(m2.clusters(), m.clusters());
        assert_eq!(m2.clusters().classes("اوباما"), Some(&[1, 65535][..]));
        assert_eq!(to_uncompressed_bytes(&m2), b);
        // Without classes the file keeps the version 1 layout.
        assert_eq!(to_uncompressed_bytes(&model())[8], 1);
    }

    /// `v2` (a version 2 file) as version 3: its payload deflated at `level`.
    fn as_version_3(v2: &[u8], level: u32) -> Vec<u8> {
        let mut z = ZlibEncoder::new(Vec::new(), Compression::new(level));
        z.write_all(&v2[HEADER..]).unwrap();
        let mut out = v2[..HEADER].to_vec();
        out[8] = 3;
        out.extend_from_slice(&z.finish().unwrap());
        out
    }

    #[test]
    fn version_3_is_the_version_2_file_with_its_payload_deflated() {
        let m = model_with_classes();
        let v2 = to_uncompressed_bytes(&m);
        let b = to_bytes(&m).unwrap();
        // Same magic, length and checksum; version 3; then zlib (deflate, 32K window).
        assert_eq!(b[8], 3);
        assert_eq!(b[..8], v2[..8]);
        assert_eq!(b[12..HEADER], v2[12..HEADER]);
        assert_eq!(b[HEADER], 0x78);
        assert_eq!(b, as_version_3(&v2, LEVEL));
        // Any compression level reads back.
        let m2 = from_bytes(&as_version_3(&v2, 1), "m.bin").unwrap();
        assert_eq!(to_uncompressed_bytes(&m2), v2);
        assert_eq!(m2.clusters().classes("اوباما"), Some(&[1, 65535][..]));
        assert_eq!(to_bytes(&m2).unwrap(), b);
        // A model without classes: a version 1 payload inside would lack the class
        // count, so version 3 always holds the version 2 layout.
        let plain = model();
        let b = to_bytes(&plain).unwrap();
        let m3 = from_bytes(&b, "m.bin").unwrap();
        assert_eq!(to_uncompressed_bytes(&m3), to_uncompressed_bytes(&plain));
        assert_eq!(m3.tag(&["زار", "أوباما"]), plain.tag(&["زار", "أوباما"]));
    }

    #[test]
    fn save_writes_version_3_and_the_same_bytes_each_time() {
        let m = model_with_classes();
        let dir = std::env::temp_dir().join(format!("akhbar-format-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (a, b) = (dir.join("a.akbm"), dir.join("b.akbm"));
        m.save(&a).unwrap();
        Model::load(&a).unwrap().save(&b).unwrap();
        let (a, b) = (std::fs::read(a).unwrap(), std::fs::read(b).unwrap());
        std::fs::remove_dir_all(&dir).unwrap();
        assert_eq!(a[8], 3);
        assert_eq!(a, b);
    }

    #[test]
    fn a_bilou_model_makes_versions_4_and_5() {
        let s = Sentence {
            tokens: vec![
                "زار".into(),
                "باراك".into(),
                "أوباما".into(),
                "باريس".into(),
            ],
            tags: vec!["O".into(), "B-PERS".into(), "I-PERS".into(), "B-LOC".into()],
        };
        let opts = TrainOptions {
            epochs: 3,
            scheme: Scheme::Bilou,
            ..Default::default()
        };
        let m = train(&[s], &[], None, &opts, &mut |_| {}).unwrap();
        let raw = to_uncompressed_bytes(&m);
        let packed = to_bytes(&m).unwrap();
        assert_eq!((raw[8], packed[8]), (4, 5));
        let tokens = ["زار", "باراك", "أوباما", "باريس"];
        for b in [&raw, &packed] {
            let m2 = from_bytes(b, "m.bin").unwrap();
            assert_eq!(m2.scheme(), Scheme::Bio);
            assert_eq!(m2.final_stage().scheme(), Scheme::Bilou);
            assert_eq!(m2.tag(&tokens), m.tag(&tokens));
            assert_eq!(to_uncompressed_bytes(&m2), raw);
        }
        // Its tags are BIO: O B-PERS I-PERS B-LOC.
        let names: Vec<String> = m
            .tag(&tokens)
            .iter()
            .map(|&t| m.labels().tag_name(t))
            .collect();
        assert_eq!(names, ["O", "B-PERS", "I-PERS", "B-LOC"]);
        // An unknown scheme number is an error, not a guess.
        let mut bad = raw[HEADER..].to_vec();
        // feature set (4), type count (4), "LOC" (4 + 3), "PERS" (4 + 4): the
        // first stage's scheme (BIO, 0).
        let at = 4 + 4 + 7 + 8;
        assert_eq!(bad[at..at + 4], [0, 0, 0, 0]);
        bad[at] = 7;
        let mut file = raw[..HEADER - 8].to_vec();
        file.extend_from_slice(&checksum(&bad).to_le_bytes());
        file.extend_from_slice(&bad);
        assert_eq!(
            from_bytes(&file, "m.bin").unwrap_err().to_string(),
            "m.bin: bad tag scheme 7"
        );
        // A BIO model is still written as version 3 (and 1 or 2 uncompressed).
        assert_eq!(to_bytes(&model()).unwrap()[8], 3);
    }

    #[test]
    fn bad_version_3_files_are_errors() {
        let b = to_bytes(&model_with_classes()).unwrap();
        let v2 = to_uncompressed_bytes(&model_with_classes());
        let len = v2.len() - HEADER;
        let err = |bs: &[u8]| from_bytes(bs, "m.bin").unwrap_err().to_string();
        let with_len = |n: u64| {
            let mut x = b.clone();
            x[12..20].copy_from_slice(&n.to_le_bytes());
            x
        };
        // The stream cut short: its end (the Adler-32 trailer) is missing, or most of it.
        assert_eq!(
            err(&b[..b.len() - 3]),
            format!(
                "m.bin: truncated: the compressed payload breaks off (at {len} of {len} bytes)"
            )
        );
        let cut = err(&b[..HEADER + (b.len() - HEADER) / 2]);
        assert!(cut.starts_with("m.bin: truncated: the compressed payload breaks off (at "));
        assert!(!cut.contains(&format!("at {len} ")));
        assert_eq!(
            err(&b[..HEADER + 2]),
            format!("m.bin: truncated: a 2-byte compressed payload cannot hold the declared {len} bytes")
        );
        // A header that understates or overstates the payload.
        assert_eq!(
            err(&with_len(len as u64 - 1)),
            format!(
                "m.bin: corrupt: the compressed payload inflates beyond the declared {} bytes",
                len - 1
            )
        );
        assert_eq!(
            err(&with_len(len as u64 + 1)),
            format!(
                "m.bin: truncated: the compressed payload ends after {len} of {} bytes",
                len + 1
            )
        );
        // A bomb: far more declared than any deflate stream of this size could give.
        assert_eq!(
            err(&with_len(u64::MAX)),
            format!(
                "m.bin: truncated: a {}-byte compressed payload cannot hold the declared {} bytes",
                b.len() - HEADER,
                u64::MAX
            )
        );
        // The payload's checksum in the header, a damaged stream, bytes after the stream.
        let mut sum = b.clone();
        sum[20] ^= 1;
        assert_eq!(err(&sum), "m.bin: checksum mismatch: the file is corrupt");
        // (The zlib header's second byte: its check bits no longer hold.)
        let mut flip = b.clone();
        flip[HEADER + 1] ^= 0x20;
        assert_eq!(
            err(&flip),
            "m.bin: corrupt compressed payload (deflate decompression error)"
        );
        let mut tail = b.clone();
        tail.extend_from_slice(b"xy");
        assert_eq!(
            err(&tail),
            "m.bin: 2 unexpected bytes after the compressed payload"
        );
        // A valid stream of other content under the right header: the checksum catches it.
        let mut other = v2.clone();
        let last = other.len() - 1;
        other[last] ^= 1;
        let mut swapped = as_version_3(&other, LEVEL);
        swapped[..HEADER].copy_from_slice(&b[..HEADER]);
        assert_eq!(
            err(&swapped),
            "m.bin: checksum mismatch: the file is corrupt"
        );
    }
}
