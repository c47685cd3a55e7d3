//! Renderers: each draws the plain-data model or diagnostics in one output format.

pub mod escape;
pub mod json;
pub mod normalised;
pub mod terminal;
pub mod text;
