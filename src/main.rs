//! The `quietpage` command line. STUB: being written.
fn main() {}
