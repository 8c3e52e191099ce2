//! The extraction pipeline. Being written.
use crate::{Article, Error, Options};

pub fn run(html: &str, url: Option<&str>, options: &Options) -> Result<Article, Error> {
    let _ = (html, url, options);
    Err(Error::NoArticle)
}
