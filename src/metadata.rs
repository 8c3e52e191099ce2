//! Page metadata. Being written.
