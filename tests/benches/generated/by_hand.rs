//! The SID checks written by hand that the generated one is measured against.

/// The obvious loop: early exits everywhere.
pub(super) fn naive(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 34 || b[0] != b'I' || b[1] != b'N' {
        return false;
    }
    for &c in &b[2..] {
        if !c.is_ascii_hexdigit() {
            return false;
        }
    }
    true
}

pub(super) static NOT_HEX: [u8; 256] = {
    let mut t = [1u8; 256];
    let mut i = 0;
    while i < 256 {
        if (i as u8).is_ascii_hexdigit() {
            t[i] = 0;
        }
        i += 1;
    }
    t
};

/// Hand-written: a lookup table, or-ed without branches.
pub(super) fn table(s: &str) -> bool {
    let b = s.as_bytes();
    let Ok(b) = <&[u8; 34]>::try_from(b) else {
        return false;
    };
    let mut bad = 0u8;
    for &c in &b[2..] {
        bad |= NOT_HEX[c as usize];
    }
    (b[0] == b'I') & (b[1] == b'N') & (bad == 0)
}

/// Hand-written: eight bytes at a time (SWAR) with range checks on whole words.
pub(super) fn swar(s: &str) -> bool {
    let b = s.as_bytes();
    let Ok(b) = <&[u8; 34]>::try_from(b) else {
        return false;
    };
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // High bit of each byte set where lo <= byte <= hi (bytes below 0x80 only).
    let in_range = |x: u64, lo: u8, hi: u8| {
        let ge = x.wrapping_add(ONES * u64::from(0x80 - lo));
        let gt = x.wrapping_add(ONES * u64::from(0x7f - hi));
        ge & !gt & HIGH
    };
    let mut ok = HIGH;
    for chunk in b[2..].chunks_exact(8) {
        let x = u64::from_le_bytes(chunk.try_into().expect("8 bytes"));
        let ascii = !x & HIGH;
        let digit = in_range(x & !HIGH, b'0', b'9');
        let letter = in_range((x | (ONES * 0x20)) & !HIGH, b'a', b'f');
        ok &= ascii & (digit | letter);
    }
    (b[0] == b'I') & (b[1] == b'N') & (ok == HIGH)
}

/// Hand-written: SSE2, sixteen bytes per compare (always there on x86_64).
#[cfg(target_arch = "x86_64")]
pub(super) fn sse2(s: &str) -> bool {
    use std::arch::x86_64::*;
    let b = s.as_bytes();
    let Ok(b) = <&[u8; 34]>::try_from(b) else {
        return false;
    };
    // SAFETY: SSE2 is part of x86_64; the loads read 16 bytes at offsets 2 and 18
    // of a 34-byte array.
    unsafe {
        let bias = _mm_set1_epi8(i8::MIN);
        let hex = |v: __m128i| {
            // Signed compares on biased bytes give unsigned range checks.
            let x = _mm_xor_si128(v, bias);
            let y = _mm_xor_si128(_mm_or_si128(v, _mm_set1_epi8(0x20)), bias);
            let range = |x: __m128i, lo: u8, hi: u8| {
                let above = _mm_cmpgt_epi8(x, _mm_set1_epi8(((lo - 1) ^ 0x80) as i8));
                let below = _mm_cmplt_epi8(x, _mm_set1_epi8(((hi + 1) ^ 0x80) as i8));
                _mm_and_si128(above, below)
            };
            _mm_movemask_epi8(_mm_or_si128(range(x, b'0', b'9'), range(y, b'a', b'f')))
        };
        let first = hex(_mm_loadu_si128(b.as_ptr().add(2).cast()));
        let second = hex(_mm_loadu_si128(b.as_ptr().add(18).cast()));
        (b[0] == b'I') & (b[1] == b'N') & ((first & second) == 0xFFFF)
    }
}

#[cfg(not(target_arch = "x86_64"))]
pub(super) fn sse2(s: &str) -> bool {
    swar(s)
}
