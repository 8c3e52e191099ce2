//! The heuristics table. Being written.
