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

/// Reads keyword arguments through `read` as one options object (the core's option readers,
/// `Context::read`): each argument a member, one not given a member holding `None`, as
/// [`convert::options`] writes them into a JSON object, without building that object. A Python
/// exception raised by a value is raised again here, as in [`read`].
pub(crate) fn read_args<'py, T>(
    py: Python<'py>,
    args: &[(&'static str, Option<&Bound<'py, PyAny>>)],
    read: impl FnOnce(Arg<'_, 'py>) -> T,
) -> PyResult<T> {
    let raised = RefCell::new(None);
    let out = read(Arg::Args {
        py,
        args,
        raised: &raised,
    });
    match raised.into_inner() {
        Some(e) => Err(e),
        None => Ok(out),
    }
}

/// Keyword arguments as an object ([`read_args`]), or one of their values: what a [`Node`] is,
/// except that a `datetime.date` is a day ([`Shape::Date`], which the option readers take as
/// they take its ISO text).
pub(crate) enum Arg<'a, 'py> {
    /// The arguments: an object whose keys are their names.
    Args {
        py: Python<'py>,
        args: &'a [(&'static str, Option<&'a Bound<'py, PyAny>>)],
        raised: &'a RefCell<Option<PyErr>>,
    },
    /// One value, and anything under it.
    Value(Node<'a, 'py>),
}

impl Source for Arg<'_, '_> {
    fn shape(&self) -> Shape<'_> {
        match self {
            Arg::Args { .. } => Shape::Object,
            // A `date` option is a day: handed over as one (no ISO text written and read back).
            Arg::Value(n) => match convert::is_date(&n.obj) {
                Ok(true) => match convert::exact_date(&n.obj) {
                    Ok(d) => Shape::Date(d),
                    Err(f) => n.refused(f),
                },
                Ok(false) => n.shape(),
                Err(e) => n.refused(e.into()),
            },
        }
    }

    fn member(&self, key: &str) -> Option<Self> {
        match self {
            Arg::Args { py, args, raised } => {
                let (_, v) = args.iter().find(|(name, _)| *name == key)?;
                let obj = v.map_or_else(|| py.None().into_bound(*py), |v| v.clone());
                Some(Arg::Value(Node { obj, raised }))
            }
            Arg::Value(n) => n.member(key).map(Arg::Value),
        }
    }

    fn keys(&self, f: &mut dyn FnMut(&str)) {
        match self {
            Arg::Args { args, .. } => args.iter().for_each(|(name, _)| f(name)),
            Arg::Value(n) => n.keys(f),
        }
    }

    fn entries(&self, f: &mut dyn FnMut(&str, Self)) -> Result<(), Box<Error>> {
        match self {
            Arg::Args { .. } => {
                self.keys(&mut |k| {
                    if let Some(v) = self.member(k) {
                        f(k, v);
                    }
                });
                Ok(())
            }
            Arg::Value(n) => n.entries(&mut |k, v| f(k, Arg::Value(v))),
        }
    }

    fn len(&self) -> usize {
        match self {
            Arg::Args { .. } => 0,
            Arg::Value(n) => n.len(),
        }
    }

    fn item(&self, i: usize) -> Option<Self> {
        match self {
            Arg::Args { .. } => None,
            Arg::Value(n) => n.item(i).map(Arg::Value),
        }
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
    // Inlined into the reader: out of line, the shape went back through memory and was read
    // back at once in wider pieces than it was written, a stall per value (perf).
    #[inline(always)]
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
