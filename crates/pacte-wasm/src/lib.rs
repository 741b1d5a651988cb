//! The WebAssembly bindings: thin skins over [`pacte_rules::api`]; no rule lives
//! here. Two modules are built from them: the engine (feature `engine`) and
//! the import of platform data (feature `import`), which only the pages
//! reading platform exports need.

#[cfg(feature = "bench")]
mod bench;
// Without a module's feature (`cargo clippy --workspace`), nothing uses it.
#[cfg(any(feature = "engine", feature = "import"))]
mod bridge;
#[cfg(feature = "engine")]
mod engine;
#[cfg(feature = "import")]
mod import;
#[cfg(feature = "engine")]
mod records;
