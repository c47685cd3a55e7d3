//! Renderers: each draws the plain-data model or diagnostics in one output format.

pub mod advice;
pub mod annotate;
pub mod citations;
pub mod csv;
pub mod error;
pub mod html;
pub mod inspect;
pub mod json;
pub mod markdown;
pub mod normalised;
pub mod rollup;
pub(crate) mod sheet_headers;
pub mod terminal;
pub mod text;
