//! Renderers: each draws the plain-data model or diagnostics in one output format.

pub mod csv;
pub mod json;
pub mod normalised;
pub mod terminal;
pub mod text;
