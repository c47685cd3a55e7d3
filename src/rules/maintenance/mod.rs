//! Rules of this code range.
