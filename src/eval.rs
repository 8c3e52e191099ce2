//! Corpus scoring (`quietpage eval`). STUB: being written.
