//! Unit tests of the reader live in tests/read.rs (they need fixture files and built containers).
