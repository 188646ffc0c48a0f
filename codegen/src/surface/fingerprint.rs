//! A docs fingerprint: stable across runs and machines, fed in pieces.

/// FNV-1a: stable across runs and machines, unlike `DefaultHasher`.
pub(super) fn fingerprint(text: &str) -> u64 {
    let mut hash = Fingerprint::default();
    hash.write(text.as_bytes());
    hash.finish()
}

/// FNV-1a fed in pieces; 0 for no bytes at all.
#[derive(Default)]
pub(super) struct Fingerprint {
    hash: Option<u64>,
}

impl Fingerprint {
    pub(super) fn write(&mut self, bytes: &[u8]) {
        if bytes.is_empty() {
            return;
        }
        let start = self.hash.unwrap_or(0xcbf2_9ce4_8422_2325);
        self.hash = Some(bytes.iter().fold(start, |h, b| {
            (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
        }));
    }

    pub(super) fn finish(&self) -> u64 {
        self.hash.unwrap_or(0)
    }
}
