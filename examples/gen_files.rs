//! Writes the project's own invoice files to `examples/files/` (or the folder given):
//! `cargo run --example gen_files`. What each file is and which findings are in it on purpose:
//! `examples/files.rs`. `examples/tests/files.rs` fails when the committed files differ from
//! what this writes.

use std::path::PathBuf;

fn main() -> std::io::Result<()> {
    let dir = std::env::args_os()
        .nth(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("files"));
    std::fs::create_dir_all(&dir)?;
    for (name, bytes) in invoice_core_examples::files::all() {
        let path = dir.join(name);
        std::fs::write(&path, &bytes)?;
        println!("{} ({} bytes)", path.display(), bytes.len());
    }
    Ok(())
}
