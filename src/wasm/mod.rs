//! The WebAssembly bindings: thin skins over [`crate::api`]; no rule lives
//! here. Two modules are built from them: the engine (feature `wasm`) and
//! the import of platform data (feature `wasm-import`), which only the pages
//! reading platform exports need.

mod bridge;
#[cfg(feature = "wasm")]
mod engine;
#[cfg(feature = "wasm-import")]
mod import;
