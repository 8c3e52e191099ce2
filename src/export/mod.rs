//! Exporters: an [`Article`](crate::Article) as Markdown, HTML, text or EPUB. STUB: being written.
