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

// talc in place of the wasm target's default allocator (dlmalloc): 5 KB less
// code in each module (2.7 KB gzipped), as fast in the benchmark. Single
// threaded only, hence the cfg: a build with atomics keeps dlmalloc.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
