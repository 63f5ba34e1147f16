//! The container around a snapshot's body: magic, version, build, checksum, compression; and the
//! byte-level primitives the body is written with.

use super::SnapshotError;

/// Eight bytes, PNG-style: a high byte (catches 7-bit transports), the name, and a newline
/// (catches newline translation).
pub const MAGIC: &[u8; 8] = b"\x89SLEEPY\n";
/// Bumped whenever the body's encoding changes; older versions are rejected with a reason.
pub const FORMAT_VERSION: u16 = 2;
/// Code objects are recompiled from source on restore, so a snapshot is only valid for the
/// compiler that wrote it.
pub const BUILD: &str = concat!("sleepy ", env!("CARGO_PKG_VERSION"), " rustpython-vm 0.6.0");
/// Decompressed bodies larger than this are refused before anything is allocated for them.
pub const MAX_BODY: usize = 1 << 30;

/// Wraps `body` in the container.
pub fn seal(body: &[u8]) -> Vec<u8> {
    let compressed = miniz_oxide::deflate::compress_to_vec(body, 1);
    let mut out = Vec::with_capacity(compressed.len() + 64);
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    out.push(BUILD.len() as u8);
    out.extend_from_slice(BUILD.as_bytes());
    out.extend_from_slice(&(body.len() as u64).to_le_bytes());
    out.extend_from_slice(&crc32fast::hash(body).to_le_bytes());
    out.extend_from_slice(&compressed);
    out
}

/// Checks the container and returns the body.
pub fn open(bytes: &[u8]) -> Result<Vec<u8>, SnapshotError> {
    let corrupt = |why: &str| SnapshotError::Corrupt(why.to_owned());
    if bytes.len() < MAGIC.len() || &bytes[..MAGIC.len()] != MAGIC {
        return Err(SnapshotError::NotASnapshot);
    }
    let mut r = Reader::new(&bytes[MAGIC.len()..]);
    let version = u16::from_le_bytes([r.u8()?, r.u8()?]);
    if version != FORMAT_VERSION {
        return Err(SnapshotError::Incompatible(format!(
            "it was written in snapshot format {version}; this Sleepy reads format {FORMAT_VERSION}"
        )));
    }
    let build_len = r.u8()? as usize;
    let build = r.take(build_len)?;
    if build != BUILD.as_bytes() {
        return Err(SnapshotError::Incompatible(format!(
            "it was written by {}; this is {BUILD}",
            String::from_utf8_lossy(build)
        )));
    }
    let len = u64::from_le_bytes(r.take(8)?.try_into().expect("8 bytes"));
    let crc = u32::from_le_bytes(r.take(4)?.try_into().expect("4 bytes"));
    if len > MAX_BODY as u64 {
        return Err(corrupt("its declared size is over 1 GiB"));
    }
    let body = miniz_oxide::inflate::decompress_to_vec_with_limit(r.rest(), len as usize)
        .map_err(|_| corrupt("its compressed body does not inflate"))?;
    if body.len() as u64 != len {
        return Err(corrupt("its body is shorter than declared"));
    }
    if crc32fast::hash(&body) != crc {
        return Err(corrupt("its checksum does not match (the bytes were changed or cut)"));
    }
    Ok(body)
}

/// Appends primitives: LEB128 varints, zigzag for signed, little-endian floats,
/// length-prefixed byte strings.
#[derive(Default)]
pub struct Writer {
    pub buf: Vec<u8>,
}

impl Writer {
    #[inline]
    pub fn u8(&mut self, b: u8) {
        self.buf.push(b);
    }

    #[inline]
    pub fn uvar(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }

    #[inline]
    pub fn ivar(&mut self, v: i64) {
        self.uvar(((v << 1) ^ (v >> 63)) as u64);
    }

    pub fn f64(&mut self, v: f64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }

    pub fn bytes(&mut self, b: &[u8]) {
        self.uvar(b.len() as u64);
        self.buf.extend_from_slice(b);
    }

    pub fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
    }
}

/// Reads what [`Writer`] wrote; every read is bounds-checked and every length is checked
/// against the bytes that remain, so no input makes it allocate more than the input's size.
pub struct Reader<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Reader { data, pos: 0 }
    }

    pub fn at_end(&self) -> bool {
        self.pos == self.data.len()
    }

    pub fn position(&self) -> usize {
        self.pos
    }

    fn rest(&self) -> &'a [u8] {
        &self.data[self.pos..]
    }

    pub fn u8(&mut self) -> Result<u8, SnapshotError> {
        let b = *self.data.get(self.pos).ok_or_else(truncated)?;
        self.pos += 1;
        Ok(b)
    }

    pub fn uvar(&mut self) -> Result<u64, SnapshotError> {
        let mut v: u64 = 0;
        for shift in (0..64).step_by(7) {
            let b = self.u8()?;
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
        }
        Err(SnapshotError::Corrupt("a number is longer than 64 bits".into()))
    }

    pub fn ivar(&mut self) -> Result<i64, SnapshotError> {
        let u = self.uvar()?;
        Ok(((u >> 1) as i64) ^ -((u & 1) as i64))
    }

    /// A count of things still to be read, each at least `min_size` bytes long (0: things
    /// already read, which the caller checks itself).
    pub fn count(&mut self, min_size: usize) -> Result<usize, SnapshotError> {
        let n = self.uvar()?;
        let left = (self.data.len() - self.pos) as u64;
        if n > u32::MAX as u64 || n.saturating_mul(min_size as u64) > left {
            return Err(truncated());
        }
        Ok(n as usize)
    }

    /// A small index or counter that must fit in 32 bits.
    pub fn u32(&mut self) -> Result<u32, SnapshotError> {
        u32::try_from(self.uvar()?)
            .map_err(|_| SnapshotError::Corrupt("a counter is out of range".into()))
    }

    pub fn f64(&mut self) -> Result<f64, SnapshotError> {
        Ok(f64::from_le_bytes(self.take(8)?.try_into().expect("8 bytes")))
    }

    pub fn take(&mut self, n: usize) -> Result<&'a [u8], SnapshotError> {
        if self.data.len() - self.pos < n {
            return Err(truncated());
        }
        let s = &self.data[self.pos..self.pos + n];
        self.pos += n;
        Ok(s)
    }

    pub fn bytes(&mut self) -> Result<&'a [u8], SnapshotError> {
        let n = self.count(1)?;
        self.take(n)
    }

    pub fn str(&mut self) -> Result<&'a str, SnapshotError> {
        std::str::from_utf8(self.bytes()?)
            .map_err(|_| SnapshotError::Corrupt("a name is not UTF-8".into()))
    }
}

fn truncated() -> SnapshotError {
    SnapshotError::Corrupt("it ends in the middle of a record".into())
}
