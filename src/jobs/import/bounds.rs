//! What an import file may cost before anything reads it: its size on disk, and for a
//! zipped workbook (`.xlsx`, `.xlsm`, `.ods`) what its parts claim they unpack to, read from
//! the zip's central directory. The zip reader then stops at the sizes claimed, so a zip
//! bomb posing as a workbook is refused in bounded time and memory.

use super::table::ImportError;
use crate::t;

/// The largest file an import reads (a 100,000-row workbook is a few MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// What a zipped workbook's parts may unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Parts a zipped workbook may have.
const MAX_ENTRIES: usize = 10_000;

const END_OF_DIRECTORY: [u8; 4] = *b"PK\x05\x06"; // not for people: a zip signature
const DIRECTORY_ENTRY: [u8; 4] = *b"PK\x01\x02"; // not for people: a zip signature

/// `n` bytes in megabytes, for a sentence.
fn megabytes(n: u64) -> String {
    t!("import-megabytes", count = n.div_ceil(1024 * 1024))
}

/// Refuses a file larger than an import reads.
pub fn check_file_size(len: u64) -> Result<(), ImportError> {
    if len > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(t!(
            "import-too-large-file",
            size = megabytes(len),
            max = megabytes(MAX_FILE_BYTES)
        )));
    }
    Ok(())
}

fn u16_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at + 2)?;
    Some(u64::from(u16::from_le_bytes([b[0], b[1]])))
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u64> {
    let b = bytes.get(at..at + 4)?;
    Some(u64::from(u32::from_le_bytes([b[0], b[1], b[2], b[3]])))
}

/// Refuses a zip whose parts claim to unpack to more than `MAX_UNPACKED_BYTES` together, or
/// that has a directory no reader could trust (cut short, ZIP64, too many parts).
pub fn check_zip(bytes: &[u8]) -> Result<(), ImportError> {
    // The reader's details, for support: the sentence is ImportError::NotAWorkbook's.
    let broken = |why: &str| ImportError::NotAWorkbook(format!("zip directory: {why}")); // not for people: details
    // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows.
    let earliest = bytes.len().saturating_sub(22 + 65_535);
    let end = (earliest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&at| bytes[at..].starts_with(&END_OF_DIRECTORY))
        .ok_or_else(|| broken("no end record"))?; // not for people: details
    let entries = u16_at(bytes, end + 10).ok_or_else(|| broken("end record cut short"))?; // not for people: details
    let offset = u32_at(bytes, end + 16).ok_or_else(|| broken("end record cut short"))?; // not for people: details
    if entries == 0xFFFF || offset == 0xFFFF_FFFF {
        return Err(broken("ZIP64 (over 4 GB or 65,535 parts)")); // not for people: details
    }
    if entries as usize > MAX_ENTRIES {
        return Err(ImportError::TooLarge(t!(
            "import-too-large-parts",
            count = entries
        )));
    }
    let mut at = usize::try_from(offset).map_err(|_| broken("offset"))?;
    let mut unpacked: u64 = 0;
    for _ in 0..entries {
        if !bytes
            .get(at..)
            .is_some_and(|b| b.starts_with(&DIRECTORY_ENTRY))
        {
            return Err(broken("entry not where the directory says")); // not for people: details
        }
        let field = |off: usize, wide: bool| {
            if wide {
                u32_at(bytes, at + off)
            } else {
                u16_at(bytes, at + off)
            }
            .ok_or_else(|| broken("entry cut short")) // not for people: details
        };
        let size = field(24, true)?;
        if size == 0xFFFF_FFFF {
            return Err(ImportError::TooLarge(t!("import-too-large-part")));
        }
        unpacked = unpacked.saturating_add(size);
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(ImportError::TooLarge(t!(
                "import-too-large-unpacked",
                max = megabytes(MAX_UNPACKED_BYTES)
            )));
        }
        let (name, extra, comment) = (field(28, false)?, field(30, false)?, field(32, false)?);
        at += 46 + (name + extra + comment) as usize;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A zip of one stored part that claims `claimed` bytes unpacked.
    fn zip_claiming(claimed: u32) -> Vec<u8> {
        let name = b"xl/worksheets/sheet1.xml";
        let mut z = Vec::new();
        z.extend_from_slice(b"PK\x03\x04");
        z.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&0u32.to_le_bytes()); // compressed
        z.extend_from_slice(&claimed.to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&0u16.to_le_bytes());
        z.extend_from_slice(name);
        let directory = z.len() as u32;
        z.extend_from_slice(b"PK\x01\x02");
        z.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&0u32.to_le_bytes());
        z.extend_from_slice(&claimed.to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0; 12]);
        z.extend_from_slice(&0u32.to_le_bytes()); // local header offset
        z.extend_from_slice(name);
        let size = z.len() as u32 - directory;
        z.extend_from_slice(b"PK\x05\x06");
        z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend_from_slice(&size.to_le_bytes());
        z.extend_from_slice(&directory.to_le_bytes());
        z.extend_from_slice(&0u16.to_le_bytes());
        z
    }

    #[test]
    fn claimed_sizes_are_checked() {
        assert_eq!(check_zip(&zip_claiming(1000)), Ok(()));
        assert!(matches!(
            check_zip(&zip_claiming(u32::MAX - 1)),
            Err(ImportError::TooLarge(_))
        ));
        assert!(matches!(
            check_zip(&zip_claiming(u32::MAX)),
            Err(ImportError::TooLarge(_))
        ));
        let cut = zip_claiming(1000);
        assert!(matches!(
            check_zip(&cut[..cut.len() - 30]),
            Err(ImportError::NotAWorkbook(_))
        ));
        assert!(check_file_size(MAX_FILE_BYTES).is_ok());
        assert!(check_file_size(MAX_FILE_BYTES + 1).is_err());
    }
}
