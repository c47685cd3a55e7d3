//! Renderers: each draws the plain-data model or diagnostics in one output format.

pub mod normalised;
