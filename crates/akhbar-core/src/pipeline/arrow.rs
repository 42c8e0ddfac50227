//! Columns in Apache Arrow's memory layout, so a binding can hand tables to
//! Arrow (pyarrow, polars) without one object per value.
//!
//! Layout (Arrow columnar format, little-endian): a validity bitmap (bit i set
//! when value i is present; absent when there are no nulls), then for strings
//! 64-bit offsets and UTF-8 data (`large_string`), for booleans a bitmap, for
//! numbers the values.

/// The Arrow type of a column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ArrowKind {
    Int64,
    Float64,
    Bool,
    LargeUtf8,
}

impl ArrowKind {
    /// The name of the type, as pyarrow spells it.
    pub fn as_str(self) -> &'static str {
        match self {
            ArrowKind::Int64 => "int64",
            ArrowKind::Float64 => "float64",
            ArrowKind::Bool => "bool",
            ArrowKind::LargeUtf8 => "large_string",
        }
    }
}

/// One column's buffers.
#[derive(Debug, Clone, PartialEq)]
pub struct ArrowColumn {
    pub kind: ArrowKind,
    pub len: usize,
    pub null_count: usize,
    pub validity: Option<Vec<u8>>,
    /// String offsets (i64), for `LargeUtf8` only.
    pub offsets: Option<Vec<u8>>,
    pub data: Vec<u8>,
}

/// A bitmap with bit i = `bits[i]`.
fn bitmap(bits: impl ExactSizeIterator<Item = bool>) -> Vec<u8> {
    let mut out = vec![0u8; bits.len().div_ceil(8)];
    for (i, b) in bits.enumerate() {
        if b {
            out[i / 8] |= 1 << (i % 8);
        }
    }
    out
}

fn validity<T>(values: &[Option<T>]) -> (Option<Vec<u8>>, usize) {
    let nulls = values.iter().filter(|v| v.is_none()).count();
    if nulls == 0 {
        (None, 0)
    } else {
        (Some(bitmap(values.iter().map(Option::is_some))), nulls)
    }
}

fn int64(values: &[Option<i64>]) -> ArrowColumn {
    let (validity, null_count) = validity(values);
    let data = values
        .iter()
        .flat_map(|v| v.unwrap_or(0).to_le_bytes())
        .collect();
    ArrowColumn {
        kind: ArrowKind::Int64,
        len: values.len(),
        null_count,
        validity,
        offsets: None,
        data,
    }
}

fn float64(values: &[Option<f64>]) -> ArrowColumn {
    let (validity, null_count) = validity(values);
    let data = values
        .iter()
        .flat_map(|v| v.unwrap_or(0.0).to_le_bytes())
        .collect();
    ArrowColumn {
        kind: ArrowKind::Float64,
        len: values.len(),
        null_count,
        validity,
        offsets: None,
        data,
    }
}

fn strings<S: AsRef<str>>(values: &[Option<S>]) -> ArrowColumn {
    let (validity, null_count) = validity(values);
    let total: usize = values.iter().flatten().map(|s| s.as_ref().len()).sum();
    let mut data = Vec::with_capacity(total);
    let mut offsets = Vec::with_capacity((values.len() + 1) * 8);
    offsets.extend_from_slice(&0i64.to_le_bytes());
    for v in values {
        if let Some(s) = v {
            data.extend_from_slice(s.as_ref().as_bytes());
        }
        offsets.extend_from_slice(&(data.len() as i64).to_le_bytes());
    }
    ArrowColumn {
        kind: ArrowKind::LargeUtf8,
        len: values.len(),
        null_count,
        validity,
        offsets: Some(offsets),
        data,
    }
}

/// Conversion of a column vector to Arrow buffers.
pub trait IntoArrow {
    fn into_arrow(self) -> ArrowColumn;
}

impl IntoArrow for Vec<usize> {
    fn into_arrow(self) -> ArrowColumn {
        int64(&self.into_iter().map(|v| Some(v as i64)).collect::<Vec<_>>())
    }
}

impl IntoArrow for Vec<Option<usize>> {
    fn into_arrow(self) -> ArrowColumn {
        int64(
            &self
                .into_iter()
                .map(|v| v.map(|x| x as i64))
                .collect::<Vec<_>>(),
        )
    }
}

impl IntoArrow for Vec<f32> {
    fn into_arrow(self) -> ArrowColumn {
        float64(
            &self
                .into_iter()
                .map(|v| Some(f64::from(v)))
                .collect::<Vec<_>>(),
        )
    }
}

impl IntoArrow for Vec<Option<f64>> {
    fn into_arrow(self) -> ArrowColumn {
        float64(&self)
    }
}

impl IntoArrow for Vec<bool> {
    fn into_arrow(self) -> ArrowColumn {
        ArrowColumn {
            kind: ArrowKind::Bool,
            len: self.len(),
            null_count: 0,
            validity: None,
            offsets: None,
            data: bitmap(self.into_iter()),
        }
    }
}

impl IntoArrow for Vec<String> {
    fn into_arrow(self) -> ArrowColumn {
        strings(&self.into_iter().map(Some).collect::<Vec<_>>())
    }
}

impl IntoArrow for Vec<Option<String>> {
    fn into_arrow(self) -> ArrowColumn {
        strings(&self)
    }
}

impl IntoArrow for Vec<&'static str> {
    fn into_arrow(self) -> ArrowColumn {
        strings(&self.into_iter().map(Some).collect::<Vec<_>>())
    }
}

impl IntoArrow for Vec<Option<&'static str>> {
    fn into_arrow(self) -> ArrowColumn {
        strings(&self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_follow_the_arrow_format() {
        let c = vec![Some(3usize), None, Some(1)].into_arrow();
        assert_eq!((c.kind, c.len, c.null_count), (ArrowKind::Int64, 3, 1));
        assert_eq!(c.validity, Some(vec![0b101]));
        assert_eq!(c.data.len(), 24);
        assert_eq!(&c.data[16..], &1i64.to_le_bytes());

        let s = vec![Some("دمشق".to_string()), None, Some("ab".to_string())].into_arrow();
        assert_eq!(s.kind, ArrowKind::LargeUtf8);
        let offsets: Vec<i64> = s
            .offsets
            .unwrap()
            .chunks(8)
            .map(|b| i64::from_le_bytes(b.try_into().unwrap()))
            .collect();
        assert_eq!(offsets, [0, 8, 8, 10]); // دمشق is 8 bytes of UTF-8
        assert_eq!(s.data, "دمشقab".as_bytes());

        let b = vec![true, false, false, true, true, false, false, false, true].into_arrow();
        assert_eq!(b.data, vec![0b0001_1001, 0b1]);
        assert_eq!(b.validity, None);
    }
}
