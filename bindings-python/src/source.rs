//! Python objects as the core's value tree ([`invoice_core::model::Source`]), so the core reads a
//! `dict` straight into its model: no JSON document is built on the way, and the core's reader
//! decides every field, code and path.
//!
//! Each object answers what it is by the same rules as [`crate::convert`]'s JSON-like values: a
//! `str` is text (a lone surrogate is `INP-07`), `Decimal` its exact positional text, `int` an
//! integer (beyond 128 bits `INP-06`), `float` a float (NaN and infinities `INP-01`), `date` and
//! `datetime` their ISO text, `dict` an object (a key that is not a well-formed `str` is reported
//! at the dict's path), `list` and `tuple` lists; anything else is `INP-02`. A value the reader
//! refuses is a finding at its path, and the reader goes on to the next field.

use std::borrow::Cow;
use std::cell::RefCell;

use invoice_core::Error;
use invoice_core::error::INP_INTERNAL;
use invoice_core::model::{Shape, Source};
use pyo3::prelude::*;
use pyo3::types::{PyBool, PyDict, PyFloat, PyInt, PyList, PyString, PyTuple};

use crate::convert::{self, Conv};
use crate::error::Fail;

/// Reads `obj` through `read` (the core's reader over a [`Node`]); a Python exception raised by
/// a value while it was read (a `Decimal` subclass whose `__str__` fails) is raised again here.
pub(crate) fn read<'py, T>(
    obj: &Bound<'py, PyAny>,
    read: impl FnOnce(Node<'_, 'py>) -> T,
) -> PyResult<T> {
    let raised = RefCell::new(None);
    let out = read(Node {
        obj: obj.clone(),
        raised: &raised,
    });
    match raised.into_inner() {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// One Python value of a JSON-like document.
pub(crate) struct Node<'a, 'py> {
    obj: Bound<'py, PyAny>,
    /// The first Python exception met while reading, raised once the reader is done.
    raised: &'a RefCell<Option<PyErr>>,
}

impl<'a, 'py> Node<'a, 'py> {
    fn child(&self, obj: Bound<'py, PyAny>) -> Self {
        Node {
            obj,
            raised: self.raised,
        }
    }

    /// A conversion's failure as the reader's refusal; a Python exception is kept to be raised.
    fn refused(&self, f: Fail) -> Shape<'static> {
        Shape::Refused(Box::new(self.core_error(f)))
    }

    fn core_error(&self, f: Fail) -> Error {
        match f {
            Fail::Core(e) => e,
            Fail::Py(e) => {
                self.raised.borrow_mut().get_or_insert(e);
                Error::new(INP_INTERNAL)
            }
        }
    }

    fn text(&self, c: Conv<String>) -> Shape<'static> {
        match c {
            Ok(t) => Shape::Text(Cow::Owned(t)),
            Err(f) => self.refused(f),
        }
    }
}

impl Source for Node<'_, '_> {
    fn shape(&self) -> Shape<'_> {
        let obj = &self.obj;
        if let Ok(s) = obj.cast::<PyString>() {
            return match convert::str_text(s) {
                Ok(t) => Shape::Text(t),
                Err(f) => self.refused(f),
            };
        }
        if obj.is_instance_of::<PyDict>() {
            return Shape::Object;
        }
        if obj.is_instance_of::<PyList>() || obj.is_instance_of::<PyTuple>() {
            return Shape::List;
        }
        if obj.is_none() {
            return Shape::Null;
        }
        if let Ok(b) = obj.cast::<PyBool>() {
            return Shape::Bool(b.is_true());
        }
        if obj.is_instance_of::<PyInt>() {
            return match obj.extract::<i128>() {
                Ok(n) => Shape::Int(n),
                Err(_) => self.text(convert::money_text(obj)),
            };
        }
        if obj.is_instance_of::<PyFloat>() {
            return match convert::float_text(obj) {
                Ok(t) => Shape::Float(Cow::Owned(t)),
                Err(f) => self.refused(f),
            };
        }
        match convert::scalar_text(obj) {
            Ok(Some(t)) => Shape::Text(Cow::Owned(t)),
            Ok(None) => self.refused(convert::wrong_type(obj, convert::JSON_LIKE)),
            Err(f) => self.refused(f),
        }
    }

    fn member(&self, key: &str) -> Option<Self> {
        let d = self.obj.cast::<PyDict>().ok()?;
        d.get_item(key).ok().flatten().map(|v| self.child(v))
    }

    fn keys(&self, f: &mut dyn FnMut(&str)) {
        if let Ok(d) = self.obj.cast::<PyDict>() {
            for k in d.keys() {
                if let Ok(s) = k.cast::<PyString>()
                    && let Ok(t) = convert::str_text(s)
                {
                    f(&t);
                }
            }
        }
    }

    fn entries(&self, f: &mut dyn FnMut(&str, Self)) -> Result<(), Box<Error>> {
        let Ok(d) = self.obj.cast::<PyDict>() else {
            return Ok(());
        };
        let mut first = None;
        for (k, v) in d.iter() {
            let key = match k.cast::<PyString>() {
                Ok(s) => convert::str_text(s),
                Err(_) => Err(convert::wrong_type(&k, "str keys")),
            };
            match key {
                Ok(key) => f(&key, self.child(v)),
                Err(e) => {
                    first.get_or_insert_with(|| self.core_error(e));
                }
            }
        }
        first.map_or(Ok(()), |e| Err(Box::new(e)))
    }

    fn len(&self) -> usize {
        if let Ok(l) = self.obj.cast::<PyList>() {
            return l.len();
        }
        self.obj.cast::<PyTuple>().map_or(0, |t| t.len())
    }

    fn item(&self, i: usize) -> Option<Self> {
        let item = if let Ok(l) = self.obj.cast::<PyList>() {
            l.get_item(i).ok()
        } else {
            self.obj.cast::<PyTuple>().ok()?.get_item(i).ok()
        };
        item.map(|v| self.child(v))
    }
}
