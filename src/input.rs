//! Input checks and charset decoding.
use crate::{Error, Options};
use std::borrow::Cow;

pub fn check(bytes: &[u8], options: &Options) -> Result<(), Error> {
    if bytes.len() > options.max_input_bytes {
        return Err(Error::TooLarge { size: bytes.len(), limit: options.max_input_bytes });
    }
    Ok(())
}

pub fn decode(bytes: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(bytes)
}
