//! wasm binding of invoice-core (placeholder until its issue fills it).

/// The core's version.
pub fn version() -> &'static str {
    env!("CARGO_PKG_VERSION")
}
