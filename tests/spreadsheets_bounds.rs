//! Files an import must refuse in bounded time and memory, each with one sentence: a zip bomb
//! posing as `.xlsx` (built here: 300 MB of one letter in about 1.5 MB of deflate), the same
//! bomb lying about its size, a zip that is no workbook, a binary file, a file too big to read.
#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly

use std::path::Path;

use rickrut_dashboard::jobs::import::{self, ImportError, ReadOptions};

/// Bits into bytes, least significant first, as deflate packs them.
#[derive(Default)]
struct Bits {
    bytes: Vec<u8>,
    used: u32,
}

impl Bits {
    fn bit(&mut self, b: u32) {
        if self.used.is_multiple_of(8) {
            self.bytes.push(0);
        }
        if b != 0 {
            *self.bytes.last_mut().unwrap() |= 1 << (self.used % 8);
        }
        self.used += 1;
    }

    /// A Huffman code, its most significant bit first.
    fn code(&mut self, code: u32, len: u32) {
        for i in (0..len).rev() {
            self.bit((code >> i) & 1);
        }
    }
}

/// One fixed-Huffman deflate block: `a`, then copies of 258 bytes at distance 1 until
/// `size` bytes.
fn deflate_bomb(size: u64) -> Vec<u8> {
    let mut bits = Bits::default();
    bits.bit(1); // the last block
    bits.bit(1); // fixed Huffman codes: 01, low bit first
    bits.bit(0);
    bits.code(0x30 + u32::from(b'a'), 8);
    for _ in 0..(size - 1) / 258 {
        bits.code(0b1100_0101, 8); // length 258
        bits.code(0, 5); // distance 1
    }
    bits.code(0, 7); // end of block
    bits.bytes
}

/// A zip of one deflated part named `name` whose headers claim `claimed` bytes unpacked.
fn zip(name: &str, data: &[u8], claimed: u32) -> Vec<u8> {
    let header = |z: &mut Vec<u8>, central: bool| {
        z.extend_from_slice(if central {
            b"PK\x01\x02"
        } else {
            b"PK\x03\x04"
        });
        if central {
            z.extend_from_slice(&20u16.to_le_bytes());
        }
        z.extend_from_slice(&[20, 0, 0, 0, 8, 0, 0, 0, 0, 0]); // version, flags, deflate, time, date
        z.extend_from_slice(&0u32.to_le_bytes()); // CRC
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&claimed.to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&0u16.to_le_bytes());
        if central {
            z.extend_from_slice(&[0; 8]); // comment, disk, attributes
            z.extend_from_slice(&0u32.to_le_bytes()); // external attributes
            z.extend_from_slice(&0u32.to_le_bytes()); // the local header's offset
        }
        z.extend_from_slice(name.as_bytes());
    };
    let mut z = Vec::new();
    header(&mut z, false);
    z.extend_from_slice(data);
    let directory = z.len() as u32;
    header(&mut z, true);
    let size = z.len() as u32 - directory;
    z.extend_from_slice(b"PK\x05\x06");
    z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    z.extend_from_slice(&size.to_le_bytes());
    z.extend_from_slice(&directory.to_le_bytes());
    z.extend_from_slice(&0u16.to_le_bytes());
    z
}

const BOMB: u64 = 300 * 1024 * 1024;

fn parse(bytes: &[u8]) -> Result<import::ParsedFile, ImportError> {
    import::parse(bytes, &ReadOptions::default())
}

#[test]
fn a_zip_bomb_is_refused_whether_it_says_its_size_or_lies() {
    let bomb = deflate_bomb(BOMB);
    assert!(bomb.len() < 2 * 1024 * 1024, "{} bytes", bomb.len());
    let honest = zip("xl/sharedStrings.xml", &bomb, BOMB as u32);
    let refused = parse(&honest).unwrap_err();
    assert!(matches!(refused, ImportError::TooLarge(_)), "{refused:?}");
    assert_eq!(
        refused.to_string(),
        "The file is larger than a list of candidates can be (its parts unpack to more than 256 MB); it was not opened, so save only the candidates' sheet and choose that file."
    );
    // Claiming 1,000 bytes, it is read no further than that.
    let lying = zip("xl/sharedStrings.xml", &bomb, 1000);
    assert!(matches!(parse(&lying), Err(ImportError::NotAWorkbook(_))));
}

#[test]
fn what_is_no_spreadsheet_is_said_in_one_sentence() {
    let not_a_workbook = zip("notes.txt", &deflate_bomb(2000), 2000);
    let e = parse(&not_a_workbook).unwrap_err();
    assert!(matches!(e, ImportError::NotAWorkbook(_)), "{e:?}");
    assert!(e.technical().is_some(), "the reader's words go to details");
    let binary: Vec<u8> = (0u8..=255).cycle().take(10_000).collect();
    assert_eq!(parse(&binary), Err(ImportError::NotText));
}

fn dry_run(dir: &Path, file: &Path) -> (Option<i32>, String) {
    let output = assert_cmd::Command::cargo_bin("rickrut-dashboard")
        .unwrap()
        .env("LANG", "C.UTF-8") // the English the assertions read, whatever the machine speaks
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", dir.join("config"))
        .env("XDG_DATA_HOME", dir.join("data"))
        .env_remove("RICKRUT_API_KEY")
        .args(["--profile", "Bounds", "--data-dir"])
        .arg(dir.join("record"))
        .arg("import")
        .arg(file)
        .arg("--dry-run")
        .output()
        .unwrap();
    (
        output.status.code(),
        String::from_utf8(output.stderr).unwrap(),
    )
}

#[test]
fn the_command_line_refuses_a_bomb_and_a_huge_file() {
    let dir = tempfile::tempdir().unwrap();
    let bomb = dir.path().join("candidates.xlsx");
    std::fs::write(
        &bomb,
        zip("xl/sharedStrings.xml", &deflate_bomb(BOMB), BOMB as u32),
    )
    .unwrap();
    let (code, err) = dry_run(dir.path(), &bomb);
    assert_eq!(code, Some(2));
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("The file is larger than a list of candidates can be"));

    // Sparse: 65 MB on paper, nothing on the disk; refused before it is read.
    let huge = dir.path().join("huge.csv");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(import::MAX_FILE_BYTES + 1024 * 1024)
        .unwrap();
    let (code, err) = dry_run(dir.path(), &huge);
    assert_eq!(code, Some(2));
    assert!(
        err.contains("(65 MB on disk, over the 64 MB an import reads)"),
        "{err}"
    );

    let png = dir.path().join("photo.xlsx");
    std::fs::write(&png, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    let (code, err) = dry_run(dir.path(), &png);
    assert_eq!(code, Some(2));
    assert_eq!(
        err.trim(),
        "The file is neither a spreadsheet nor text; save the list from your spreadsheet as .xlsx or .csv and choose that file."
    );
}
