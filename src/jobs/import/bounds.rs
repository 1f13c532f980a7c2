//! What an import file may cost before anything reads it: its size on disk, and for a
//! zipped workbook (`.xlsx`, `.xlsm`, `.ods`) what its parts claim they unpack to, read from
//! the zip's central directory. The zip reader then stops at the sizes claimed, so a zip
//! bomb posing as a workbook is refused in bounded time and memory.

use super::table::ImportError;

/// The largest file an import reads (a 100,000-row workbook is a few MB).
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// What a zipped workbook's parts may unpack to, together.
pub const MAX_UNPACKED_BYTES: u64 = 256 * 1024 * 1024;
/// Parts a zipped workbook may have.
const MAX_ENTRIES: usize = 10_000;

const END_OF_DIRECTORY: [u8; 4] = *b"PK\x05\x06";
const DIRECTORY_ENTRY: [u8; 4] = *b"PK\x01\x02";

/// `n` bytes in megabytes, for a sentence.
fn megabytes(n: u64) -> String {
    format!("{} MB", n.div_ceil(1024 * 1024))
}

/// Refuses a file larger than an import reads.
pub fn check_file_size(len: u64) -> Result<(), ImportError> {
    if len > MAX_FILE_BYTES {
        return Err(ImportError::TooLarge(format!(
            "{} on disk, over the {} an import reads",
            megabytes(len),
            megabytes(MAX_FILE_BYTES)
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
    let broken = |why: &str| ImportError::NotAWorkbook(format!("zip directory: {why}"));
    // The end record is the last 22 bytes, unless a comment (at most 65,535 bytes) follows.
    let earliest = bytes.len().saturating_sub(22 + 65_535);
    let end = (earliest..=bytes.len().saturating_sub(22))
        .rev()
        .find(|&at| bytes[at..].starts_with(&END_OF_DIRECTORY))
        .ok_or_else(|| broken("no end record"))?;
    let entries = u16_at(bytes, end + 10).ok_or_else(|| broken("end record cut short"))?;
    let offset = u32_at(bytes, end + 16).ok_or_else(|| broken("end record cut short"))?;
    if entries == 0xFFFF || offset == 0xFFFF_FFFF {
        return Err(broken("ZIP64 (over 4 GB or 65,535 parts)"));
    }
    if entries as usize > MAX_ENTRIES {
        return Err(ImportError::TooLarge(format!("{entries} parts in the zip")));
    }
    let mut at = usize::try_from(offset).map_err(|_| broken("offset"))?;
    let mut unpacked: u64 = 0;
    for _ in 0..entries {
        if !bytes
            .get(at..)
            .is_some_and(|b| b.starts_with(&DIRECTORY_ENTRY))
        {
            return Err(broken("entry not where the directory says"));
        }
        let field = |off: usize, wide: bool| {
            if wide {
                u32_at(bytes, at + off)
            } else {
                u16_at(bytes, at + off)
            }
            .ok_or_else(|| broken("entry cut short"))
        };
        let size = field(24, true)?;
        if size == 0xFFFF_FFFF {
            return Err(ImportError::TooLarge(
                "a part claims 4 GB or more unpacked".into(),
            ));
        }
        unpacked = unpacked.saturating_add(size);
        if unpacked > MAX_UNPACKED_BYTES {
            return Err(ImportError::TooLarge(format!(
                "its parts unpack to more than {}",
                megabytes(MAX_UNPACKED_BYTES)
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
